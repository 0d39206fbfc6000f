import "server-only";
import type { Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/policy";
import type { Severity } from "@/lib/severity";
import { isValidTimeZone } from "@/lib/business-days";
import { parseInput } from "@/lib/validation/parse";
import { requiredSeveritiesSchema } from "@/lib/validation/postmortem";
import { updateCadenceSchema, type UpdateCadence } from "@/lib/update-cadence";
import { SETTING_KEYS, readOrgTimeZone, readRequiredSeverities, readUpdateCadence, saveSetting } from "../../access/settings";

export async function setRequiredSeverities({ actor, severities }: { actor: Actor; severities: unknown }): Promise<Severity[]> {
  requirePermission(actor, "settings", "edit");
  const list = parseInput(requiredSeveritiesSchema, severities);
  return await saveSetting(actor, SETTING_KEYS.requiredSeverities, list, readRequiredSeverities);
}

export async function setOrgTimeZone({ actor, timeZone }: { actor: Actor; timeZone: unknown }): Promise<string> {
  requirePermission(actor, "settings", "edit");
  if (typeof timeZone !== "string" || !isValidTimeZone(timeZone.trim())) {
    throw new AppError("validation_failed", "timeZone must be an IANA time zone such as Europe/Berlin or UTC", { timeZone: "Unknown time zone" });
  }
  return await saveSetting(actor, SETTING_KEYS.timeZone, timeZone.trim(), readOrgTimeZone);
}

export async function setUpdateCadence({ actor, cadence }: { actor: Actor; cadence: unknown }): Promise<UpdateCadence> {
  requirePermission(actor, "settings", "edit");
  const value = parseInput(updateCadenceSchema, cadence);
  return await saveSetting(actor, SETTING_KEYS.updateCadence, value, readUpdateCadence);
}
