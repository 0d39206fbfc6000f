import "server-only";
import { createHash } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { effectiveTokenRole } from "@/lib/policy";
import { getDb } from "../client";
import { apiTokens, users } from "../schema";
import { transaction } from "../transaction";

export const TOKEN_PREFIX = "hs_";
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

// Last use is written at most once a minute per token, so reads do not turn into writes.
const LAST_USED_RESOLUTION_MS = 60_000;

/** The actor a bearer token stands for, or null when unknown or revoked (server/api request plumbing). */
export async function authenticateToken(secret: string, ip: string | null): Promise<Actor | null> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return null;
  const db = getDb();
  const row = (
    await db
      .select({ token: apiTokens, creatorDisabled: users.disabled, creatorRole: users.role })
      .from(apiTokens)
      .leftJoin(users, eq(users.id, apiTokens.createdById))
      .where(and(eq(apiTokens.tokenHash, hashToken(secret)), isNull(apiTokens.revokedAt)))
  )[0];
  // A disabled person's tokens stop working with their sessions.
  if (!row || row.creatorDisabled) return null;
  const token = row.token;
  const now = Date.now();
  if (!token.lastUsedAt || now - token.lastUsedAt > LAST_USED_RESOLUTION_MS) {
    await transaction(async (tx) => {
      await tx.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, token.id));
    });
  }
  // A token never outranks the person who made it: demoting them demotes their tokens too.
  return { kind: "token", tokenId: token.id, role: effectiveTokenRole(token.role, row.creatorRole), name: token.name, ip };
}
