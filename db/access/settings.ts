import "server-only";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import type { Severity } from "@/lib/severity";
import { isValidTimeZone } from "@/lib/business-days";
import { DEFAULT_REQUIRED_SEVERITIES } from "@/lib/postmortem-due";
import { requiredSeveritiesSchema } from "@/lib/validation/postmortem";
import { DEFAULT_UPDATE_CADENCE, updateCadenceSchema, type UpdateCadence } from "@/lib/update-cadence";
import { getDb } from "../client";
import { settings } from "../schema";
import type { Reader, Writer } from "../types";
import { recordAudit } from "./audit";
import { transaction } from "../transaction";

/** Setting keys (one JSON value each). */
export const SETTING_KEYS = {
  requiredSeverities: "postmortem.required_severities",
  timeZone: "timezone",
  updateCadence: "incident.update_cadence",
  firstRunDismissed: "onboarding.first_run_dismissed",
} as const;

export async function readSetting(db: Reader, key: string): Promise<unknown> {
  const row = (await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)))[0];
  if (!row) return undefined;
  try {
    return JSON.parse(row.value) as unknown;
  } catch {
    return undefined;
  }
}

async function writeSetting(tx: Writer, key: string, value: unknown, now: number) {
  const text = JSON.stringify(value);
  await tx
    .insert(settings)
    .values({ key, value: text, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value: text, updatedAt: now } });
}

/** Writes one setting and its audit record (before → after) in one transaction; the caller checks access. */
export async function saveSetting<T>(actor: Actor, key: string, value: T, current: (tx: Reader) => unknown): Promise<T> {
  return await transaction(async (tx) => {
    const before = await current(tx);
    const now = Date.now();
    await writeSetting(tx, key, value, now);
    await recordAudit(tx, actor, { action: "settings.update", entityType: "setting", entityId: key, before, after: value }, now);
    return value;
  });
}

/** Severities that require a postmortem (DESIGN.md: SEV1 and SEV2 unless configured). */
export async function readRequiredSeverities(db: Reader = getDb()): Promise<Severity[]> {
  const parsed = requiredSeveritiesSchema.safeParse(await readSetting(db, SETTING_KEYS.requiredSeverities));
  return parsed.success ? parsed.data : [...DEFAULT_REQUIRED_SEVERITIES];
}

/** The organisation's IANA time zone (business days and weekends are counted in it); "UTC" by default. */
export async function readOrgTimeZone(db: Reader = getDb()): Promise<string> {
  const value = await readSetting(db, SETTING_KEYS.timeZone);
  return typeof value === "string" && isValidTimeZone(value) ? value : "UTC";
}

/** Minutes between stakeholder updates per severity (SEV1 15, SEV2 30, none for SEV3/SEV4 unless configured). */
export async function readUpdateCadence(db: Reader = getDb()): Promise<UpdateCadence> {
  const parsed = updateCadenceSchema.safeParse(await readSetting(db, SETTING_KEYS.updateCadence));
  return parsed.success ? parsed.data : { ...DEFAULT_UPDATE_CADENCE };
}
