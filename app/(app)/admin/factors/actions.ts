"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/server/auth/session";
import { actionResult } from "@/lib/action-result";
import { validationFailed } from "@/lib/errors";
import { archiveFactor, createFactor, renameFactor } from "@/db/commands/admin/factors";

// Each action is a public endpoint: it re-reads the actor, and the data functions check the admin role and audit.

function idOf(value: unknown): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) throw validationFailed({ id: "Unknown contributing factor" });
  return value;
}

const refresh = () => revalidatePath("/admin/factors");

export async function createFactorAction(name: string, description: string) {
  const actor = await requireActor();
  return actionResult(async () => {
    const factor = await createFactor({ actor, input: { name, description } });
    refresh();
    return { id: factor.id, name: factor.name };
  });
}

export async function renameFactorAction(id: number, name: string, description: string) {
  const actor = await requireActor();
  return actionResult(async () => {
    const factor = await renameFactor({ actor, id: idOf(id), input: { name, description } });
    refresh();
    return { name: factor.name };
  });
}

export async function archiveFactorAction(id: number, archived: boolean) {
  const actor = await requireActor();
  return actionResult(async () => {
    const factor = await archiveFactor({ actor, id: idOf(id), archived: archived === true });
    refresh();
    return { name: factor.name, archived: factor.archived };
  });
}
