import "server-only";
import { eq, isNull, sql } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { forbidden } from "@/lib/errors";
import { firstRunSteps, showFirstRun, type FirstRunCounts, type FirstRunStep } from "@/lib/first-run";
import { hasRole } from "@/lib/roles";
import { getDb, type Db } from "../client";
import { apiTokens, incidents, services, slos, users } from "../schema";
import { SETTING_KEYS, readSetting, saveSetting } from "./settings";

type Reader = Pick<Db, "select">;

/** What a new installation has set up so far (counts for the first-run checklist). */
export function firstRunCounts(db: Reader = getDb()): FirstRunCounts {
  const count = sql<number>`count(*)`;
  return {
    servicesWithSlo: db.select({ n: sql<number>`count(DISTINCT ${slos.serviceId})` }).from(slos).innerJoin(services, eq(services.id, slos.serviceId)).get()?.n ?? 0,
    activeUsers: db.select({ n: count }).from(users).where(eq(users.disabled, false)).get()?.n ?? 0,
    activeTokens: db.select({ n: count }).from(apiTokens).where(isNull(apiTokens.revokedAt)).get()?.n ?? 0,
    drills: db.select({ n: count }).from(incidents).where(eq(incidents.drill, true)).get()?.n ?? 0,
  };
}

export type FirstRunChecklist = { steps: FirstRunStep[]; show: boolean };

/**
 * The checklist for the incident list: only admins get one; `show` is false once every step is
 * done or an admin dismissed it (`force`: shown anyway, when an admin asks for it again).
 */
export function firstRunChecklist({ actor, force = false }: { actor: Actor; force?: boolean }): FirstRunChecklist | null {
  if (!hasRole(actor.role, "admin")) return null;
  const db = getDb();
  const steps = firstRunSteps(firstRunCounts(db));
  const dismissed = readSetting(db, SETTING_KEYS.firstRunDismissed) != null;
  return { steps, show: force || showFirstRun({ isAdmin: true, dismissed, steps }) };
}

/** Hides the checklist for the whole organisation (admins; audited). */
export function dismissFirstRun({ actor }: { actor: Actor }) {
  if (!hasRole(actor.role, "admin")) throw forbidden("Only admins can dismiss the first-run checklist");
  const value = { dismissedAt: new Date().toISOString(), by: actor.kind === "user" ? actor.email : actor.name };
  saveSetting(actor, SETTING_KEYS.firstRunDismissed, value, (tx) => readSetting(tx, SETTING_KEYS.firstRunDismissed) ?? null);
}
