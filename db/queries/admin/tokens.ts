import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { requirePermission } from "@/lib/policy";
import { getDb } from "../../client";
import { apiTokens, users } from "../../schema";

export async function listTokens({ actor }: { actor: Actor }) {
  requirePermission(actor, "token", "list");
  return await selectTokens();
}

/** Every token, newest first, without secrets; no actor check (the `npm run token` script). */
export async function selectTokens() {
  return await getDb()
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      role: apiTokens.role,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      createdBy: users.name,
      // authenticateToken refuses the tokens of a disabled person; the list says so.
      creatorDisabled: users.disabled,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdById))
    .orderBy(desc(apiTokens.id));
}
