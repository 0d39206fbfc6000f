"use server";
import { requireActor } from "@/server/auth/session";
import { actionResult } from "@/lib/action-result";
import { changeOwnPassword } from "@/db/commands/admin/users";

/**
 * Changes the signed-in person's password. It bumps their session version, so this
 * session ends too: the form signs out and sends them to sign in again. No revalidation
 * here, or the refreshed page would redirect before the form can say what happened.
 */
export async function changePasswordAction(input: { currentPassword: string; newPassword: string; confirmPassword: string }) {
  const actor = await requireActor();
  return actionResult(async () => {
    await changeOwnPassword({ actor, input });
  });
}
