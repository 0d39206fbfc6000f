"use server";
import { requireActor } from "@/server/auth/session";
import { actionResult } from "@/lib/action-result";
import { listServicePickerChoices } from "@/db/queries/catalogue/picker";

/**
 * The service catalogue for a picker (declare dialog, link a service, action item form), read when
 * the picker opens rather than with every page: slug, name and tier only.
 */
export async function loadServiceChoicesAction() {
  const actor = await requireActor();
  return actionResult(() => listServicePickerChoices({ actor }));
}
