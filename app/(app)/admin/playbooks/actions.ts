"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/server/auth/session";
import { actionResult } from "@/lib/action-result";
import { validationFailed } from "@/lib/errors";
import { createPlaybook, deletePlaybook, updatePlaybook } from "@/db/commands/catalogue/playbooks";

// Each action is a public endpoint: it re-reads the actor, and the data functions check the admin role.

function playbookIdOf(value: unknown): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) throw validationFailed({ playbookId: "Unknown playbook" });
  return value;
}

export async function createPlaybookAction(input: Record<string, unknown>) {
  const actor = await requireActor();
  return actionResult(async () => {
    const playbook = await createPlaybook({ actor, input });
    revalidatePath("/admin/playbooks");
    return { id: playbook.id, name: playbook.name, version: playbook.version };
  });
}

export async function updatePlaybookAction(playbookId: number, input: Record<string, unknown>) {
  const actor = await requireActor();
  return actionResult(async () => {
    const playbook = await updatePlaybook({ actor, playbookId: playbookIdOf(playbookId), input });
    revalidatePath("/admin/playbooks");
    return { id: playbook.id, name: playbook.name, version: playbook.version };
  });
}

export async function deletePlaybookAction(playbookId: number) {
  const actor = await requireActor();
  return actionResult(async () => {
    await deletePlaybook({ actor, playbookId: playbookIdOf(playbookId) });
    revalidatePath("/admin/playbooks");
  });
}
