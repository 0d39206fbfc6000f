"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/server/auth/session";
import { actionResult } from "@/lib/action-result";
import { dismissFirstRun } from "@/db/commands/admin/first-run";

/** A public endpoint like every action: the data function checks the admin role and audits. */
export async function dismissFirstRunAction() {
  const actor = await requireActor();
  return actionResult(async () => {
    await dismissFirstRun({ actor });
    revalidatePath("/incidents");
  });
}
