import "server-only";
import type { Actor } from "@/lib/actor";
import { firstRunSteps, showFirstRun, type FirstRunStep } from "@/lib/first-run";
import { can } from "@/lib/policy";
import { getDb } from "../../client";
import { firstRunCounts } from "../../access/first-run";
import { SETTING_KEYS, readSetting } from "../../access/settings";

export type FirstRunChecklist = { steps: FirstRunStep[]; show: boolean };

/**
 * The checklist for the incident list: only admins get one; `show` is false once every step is
 * done or an admin dismissed it (`force`: shown anyway, when an admin asks for it again).
 */
export async function firstRunChecklist({ actor, force = false }: { actor: Actor; force?: boolean }): Promise<FirstRunChecklist | null> {
  if (!can(actor, "first-run", "see")) return null;
  const db = getDb();
  const steps = firstRunSteps(await firstRunCounts(db));
  const dismissed = (await readSetting(db, SETTING_KEYS.firstRunDismissed)) != null;
  return { steps, show: force || showFirstRun({ isAdmin: true, dismissed, steps }) };
}
