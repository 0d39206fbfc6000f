"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/server/auth/session";
import { actionResult } from "@/lib/action-result";
import { validationFailed } from "@/lib/errors";
import { createToken, revokeToken } from "@/db/commands/admin/tokens";

// Public endpoints: the actor is re-read here and the data functions check the admin role.

export async function createTokenAction(input: { name: string; role: string }) {
  const actor = await requireActor();
  return actionResult(async () => {
    const created = await createToken({ actor, input });
    revalidatePath("/admin/tokens");
    // The secret goes to this response only; it is stored hashed and never shown again.
    return { id: created.id, name: created.name, role: created.role, token: created.token };
  });
}

export async function revokeTokenAction(tokenId: number) {
  const actor = await requireActor();
  return actionResult(async () => {
    if (typeof tokenId !== "number" || !Number.isSafeInteger(tokenId) || tokenId <= 0) throw validationFailed({ tokenId: "Unknown token" });
    await revokeToken({ actor, tokenId });
    revalidatePath("/admin/tokens");
  });
}
