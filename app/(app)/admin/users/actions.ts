"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/server/auth/session";
import { actionResult } from "@/lib/action-result";
import { validationFailed } from "@/lib/errors";
import { createUser, resetUserPassword, updateUser } from "@/db/commands/admin/users";

// Each action is a public endpoint: it re-reads the actor, and the data functions check the admin role.

function userIdOf(value: unknown): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) throw validationFailed({ userId: "Unknown user" });
  return value;
}

export async function createUserAction(input: { email: string; name: string; role: string; password: string }) {
  const actor = await requireActor();
  return actionResult(async () => {
    const user = await createUser({ actor, input });
    revalidatePath("/admin/users");
    return { id: user.id, name: user.name, email: user.email };
  });
}

export async function changeUserRoleAction(userId: number, role: string) {
  const actor = await requireActor();
  return actionResult(async () => {
    const user = await updateUser({ actor, userId: userIdOf(userId), input: { role } });
    revalidatePath("/admin/users");
    return { role: user.role };
  });
}

export async function setUserDisabledAction(userId: number, disabled: boolean) {
  const actor = await requireActor();
  return actionResult(async () => {
    const user = await updateUser({ actor, userId: userIdOf(userId), input: { disabled } });
    revalidatePath("/admin/users");
    return { disabled: user.disabled };
  });
}

export async function resetUserPasswordAction(userId: number, password: string) {
  const actor = await requireActor();
  return actionResult(async () => {
    await resetUserPassword({ actor, userId: userIdOf(userId), password: typeof password === "string" ? password : "" });
    revalidatePath("/admin/users");
  });
}
