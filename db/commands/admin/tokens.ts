import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { notFound, AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/policy";
import type { UserRole } from "@/lib/roles";
import { parseInput } from "@/lib/validation/parse";
import { createTokenSchema } from "@/lib/validation/user";
import { apiTokens } from "../../schema";
import { recordAudit } from "../../access/audit";
import { hashToken, TOKEN_PREFIX } from "../../access/tokens";
import { transaction } from "../../transaction";

/** Creates a token without an actor check (the `npm run token` script); returns the secret once. */
export async function insertToken(input: { name: string; role: UserRole }, actor: Actor | null = null) {
  const data = parseInput(createTokenSchema, input);
  const secret = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return await transaction(async (tx) => {
    const row = (
      await tx
        .insert(apiTokens)
        .values({
          name: data.name,
          role: data.role,
          tokenHash: hashToken(secret),
          prefix: secret.slice(0, 10),
          createdById: actor?.kind === "user" ? actor.userId : null,
          createdAt: Date.now(),
        })
        .returning({ id: apiTokens.id, name: apiTokens.name, role: apiTokens.role, prefix: apiTokens.prefix })
    )[0]!;
    await recordAudit(tx, actor, { action: "token.create", entityType: "api_token", entityId: row.id, after: row });
    return { ...row, token: secret };
  });
}

export function createToken({ actor, input }: { actor: Actor; input: unknown }) {
  requirePermission(actor, "token", "create");
  return insertToken(input as { name: string; role: UserRole }, actor);
}

export async function revokeToken({ actor, tokenId }: { actor: Actor; tokenId: number }) {
  requirePermission(actor, "token", "revoke");
  await revokeTokenRow(tokenId, actor);
}

/** Revokes a token; without an actor check when called with none (the `npm run token` script). */
export async function revokeTokenRow(tokenId: number, actor: Actor | null = null) {
  await transaction(async (tx) => {
    const token = (await tx.select().from(apiTokens).where(eq(apiTokens.id, tokenId)))[0];
    if (!token) throw notFound("API token");
    if (token.revokedAt) throw new AppError("conflict", "This token is already revoked");
    await tx.update(apiTokens).set({ revokedAt: Date.now() }).where(eq(apiTokens.id, tokenId));
    await recordAudit(tx, actor, { action: "token.revoke", entityType: "api_token", entityId: tokenId, before: { name: token.name } });
  });
}
