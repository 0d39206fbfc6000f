import "server-only";
import { and, eq, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { notFound } from "@/lib/errors";
import { requirePermission } from "@/lib/policy";
import type { ThrottleTarget } from "@/server/auth/throttle-target";
import { loginAttempts } from "../../schema";
import { recordAudit } from "../../access/audit";
import { transaction } from "../../transaction";

/**
 * Forgets the recorded failures of an account, an address or a pair, which ends their pauses and
 * slowdowns; audited. 404 when there is nothing to clear.
 */
export async function clearSignInThrottle({ actor, target }: { actor: Actor; target: ThrottleTarget }): Promise<{ clearedFailures: number }> {
  requirePermission(actor, "sign-in-throttle", "manage");
  const conditions: SQL[] = [eq(loginAttempts.success, false)];
  if (target.email) conditions.push(eq(loginAttempts.email, target.email));
  if (target.address) conditions.push(eq(loginAttempts.ip, target.address));
  return await transaction(async (tx) => {
    const deleted = (
      await tx
        .delete(loginAttempts)
        .where(and(...conditions))
        .returning({ id: loginAttempts.id })
    ).length;
    if (!deleted) throw notFound("Sign-in limit for that email and address");
    await recordAudit(tx, actor, {
      action: "auth.throttle_cleared",
      entityType: "user",
      entityId: target.email ?? target.address,
      after: { email: target.email, address: target.address, clearedFailures: deleted },
    });
    return { clearedFailures: deleted };
  });
}
