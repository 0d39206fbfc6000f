"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/server/auth/session";
import { actionResult } from "@/lib/action-result";
import { parseThrottleTarget } from "@/server/auth/throttle-target";
import { clearSignInThrottle } from "@/db/commands/admin/sign-in-throttles";
import { requireSignInThrottleAdmin } from "@/db/queries/admin/sign-in-throttles";

// A public endpoint: it re-reads the actor, and the data function checks the admin role.
export async function clearSignInLimitAction(email: string | null, address: string | null) {
  const actor = await requireActor();
  return actionResult(async () => {
    requireSignInThrottleAdmin(actor);
    const result = await clearSignInThrottle({ actor, target: parseThrottleTarget({ email, address }) });
    revalidatePath("/admin/users");
    return result;
  });
}
