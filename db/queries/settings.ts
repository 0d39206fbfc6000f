import "server-only";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError, forbidden } from "@/lib/errors";
import { hasRole } from "@/lib/roles";
import type { Severity } from "@/lib/severity";
import { isValidTimeZone } from "@/lib/business-days";
import { DEFAULT_REQUIRED_SEVERITIES } from "@/lib/postmortem-due";
import { parseInput } from "@/lib/validation/parse";
import { requiredSeveritiesSchema } from "@/lib/validation/postmortem";
import { DEFAULT_UPDATE_CADENCE, updateCadenceSchema, type UpdateCadence } from "@/lib/update-cadence";
import { getDb, type Db } from "../client";
import { settings } from "../schema";
import { recordAudit } from "../access/audit";

type Reader = Pick<Db, "select">;
type Tx = Pick<Db, "select" | "insert" | "update" | "delete">;

/** Setting keys (one JSON value each). */
export const SETTING_KEYS = {
  requiredSeverities: "postmortem.required_severities",
  timeZone: "timezone",
  updateCadence: "incident.update_cadence",
  firstRunDismissed: "onboarding.first_run_dismissed",
} as const;

export function readSetting(db: Reader, key: string): unknown {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
  if (!row) return undefined;
  try {
    return JSON.parse(row.value) as unknown;
  } catch {
    return undefined;
  }
}

function writeSetting(tx: Tx, key: string, value: unknown, now: number) {
  const text = JSON.stringify(value);
  tx.insert(settings).values({ key, value: text, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value: text, updatedAt: now } }).run();
}

/** Writes one setting and its audit record (before → after) in one transaction. */
export function saveSetting<T>(actor: Actor, key: string, value: T, current: (tx: Reader) => unknown): T {
  return getDb().transaction(
    (tx) => {
      const before = current(tx);
      const now = Date.now();
      writeSetting(tx, key, value, now);
      recordAudit(tx, actor, { action: "settings.update", entityType: "setting", entityId: key, before, after: value }, now);
      return value;
    },
    { behavior: "immediate" },
  );
}

const requireAdmin = (actor: Actor) => {
  if (!hasRole(actor.role, "admin")) throw forbidden("Only admins can change settings");
};

/** Severities that require a postmortem (DESIGN.md: SEV1 and SEV2 unless configured). */
export function getRequiredSeverities(db: Reader = getDb()): Severity[] {
  const parsed = requiredSeveritiesSchema.safeParse(readSetting(db, SETTING_KEYS.requiredSeverities));
  return parsed.success ? parsed.data : [...DEFAULT_REQUIRED_SEVERITIES];
}

export function setRequiredSeverities({ actor, severities }: { actor: Actor; severities: unknown }): Severity[] {
  requireAdmin(actor);
  const list = parseInput(requiredSeveritiesSchema, severities);
  return saveSetting(actor, SETTING_KEYS.requiredSeverities, list, getRequiredSeverities);
}

/** The organisation's IANA time zone (business days and weekends are counted in it); "UTC" by default. */
export function getOrgTimeZone(db: Reader = getDb()): string {
  const value = readSetting(db, SETTING_KEYS.timeZone);
  return typeof value === "string" && isValidTimeZone(value) ? value : "UTC";
}

export function setOrgTimeZone({ actor, timeZone }: { actor: Actor; timeZone: unknown }): string {
  requireAdmin(actor);
  if (typeof timeZone !== "string" || !isValidTimeZone(timeZone.trim())) {
    throw new AppError("validation_failed", "timeZone must be an IANA time zone such as Europe/Berlin or UTC", { timeZone: "Unknown time zone" });
  }
  const zone = timeZone.trim();
  return saveSetting(actor, SETTING_KEYS.timeZone, zone, getOrgTimeZone);
}

/** Minutes between stakeholder updates per severity (SEV1 15, SEV2 30, none for SEV3/SEV4 unless configured). */
export function getUpdateCadence(db: Reader = getDb()): UpdateCadence {
  const parsed = updateCadenceSchema.safeParse(readSetting(db, SETTING_KEYS.updateCadence));
  return parsed.success ? parsed.data : { ...DEFAULT_UPDATE_CADENCE };
}

export function setUpdateCadence({ actor, cadence }: { actor: Actor; cadence: unknown }): UpdateCadence {
  requireAdmin(actor);
  const value = parseInput(updateCadenceSchema, cadence);
  return saveSetting(actor, SETTING_KEYS.updateCadence, value, getUpdateCadence);
}
