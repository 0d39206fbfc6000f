"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/server/auth/session";
import { actionResult } from "@/lib/action-result";
import { setOrgTimeZone, setRequiredSeverities, setUpdateCadence } from "@/db/commands/admin/settings";
import { knownTimeZone } from "./time-zones";

// Each action is a public endpoint: it re-reads the actor, and the data functions check the admin role and audit.

const refresh = () => {
  revalidatePath("/admin/settings");
  // Due and overdue postmortems depend on both settings.
  revalidatePath("/postmortems");
};

export async function saveRequiredSeveritiesAction(severities: string[]) {
  const actor = await requireActor();
  return actionResult(async () => {
    const saved = await setRequiredSeverities({ actor, severities });
    refresh();
    return { severities: saved };
  });
}

export async function saveTimeZoneAction(timeZone: string) {
  const actor = await requireActor();
  return actionResult(async () => {
    const saved = await setOrgTimeZone({ actor, timeZone: typeof timeZone === "string" ? (knownTimeZone(timeZone) ?? timeZone) : timeZone });
    refresh();
    return { timeZone: saved };
  });
}

export async function saveUpdateCadenceAction(cadence: Record<string, unknown>) {
  const actor = await requireActor();
  return actionResult(async () => {
    const saved = await setUpdateCadence({ actor, cadence });
    revalidatePath("/admin/settings");
    revalidatePath("/incidents", "layout");
    return { cadence: saved };
  });
}
