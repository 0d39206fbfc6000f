import "server-only";
import type { Actor } from "@/lib/actor";
import { requirePermission } from "@/lib/policy";
import { SETTING_KEYS, readSetting, saveSetting } from "../../access/settings";

/** Hides the checklist for the whole organisation (admins; audited). */
export async function dismissFirstRun({ actor }: { actor: Actor }) {
  requirePermission(actor, "first-run", "dismiss");
  const value = { dismissedAt: new Date().toISOString(), by: actor.kind === "user" ? actor.email : actor.name };
  await saveSetting(actor, SETTING_KEYS.firstRunDismissed, value, async (tx) => (await readSetting(tx, SETTING_KEYS.firstRunDismissed)) ?? null);
}
