import "server-only";
import type { Actor } from "@/lib/actor";
import type { Severity } from "@/lib/severity";
import type { UpdateCadence } from "@/lib/update-cadence";
import { readOrgTimeZone, readRequiredSeverities, readUpdateCadence } from "../../access/settings";

// These settings shape what every signed-in person sees (due dates, time zone, update cadence):
// any actor may read them; changing them is for admins (db/commands/admin/settings.ts).

/** Severities that require a postmortem. */
export async function getRequiredSeverities(_: { actor: Actor }): Promise<Severity[]> {
  return await readRequiredSeverities();
}

/** The organisation's IANA time zone; "UTC" by default. */
export async function getOrgTimeZone(_: { actor: Actor }): Promise<string> {
  return await readOrgTimeZone();
}

/** Minutes between stakeholder updates per severity. */
export async function getUpdateCadence(_: { actor: Actor }): Promise<UpdateCadence> {
  return await readUpdateCadence();
}
