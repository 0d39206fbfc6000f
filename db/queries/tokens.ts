import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { desc, eq, and, isNull } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { forbidden, notFound, AppError } from "@/lib/errors";
import { hasRole, type UserRole } from "@/lib/roles";
import { parseInput } from "@/lib/validation/parse";
import { createTokenSchema } from "@/lib/validation/user";
import { getDb } from "../client";
import { apiTokens, users } from "../schema";
import { recordAudit } from "../access/audit";

const TOKEN_PREFIX = "hs_";
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates a token without an actor check (the `npm run token` script); returns the secret once. */
export function insertToken(input: { name: string; role: UserRole }, actor: Actor | null = null) {
  const data = parseInput(createTokenSchema, input);
  const secret = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return getDb().transaction(
    (tx) => {
      const row = tx
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
        .get();
      recordAudit(tx, actor, { action: "token.create", entityType: "api_token", entityId: row.id, after: row });
      return { ...row, token: secret };
    },
    { behavior: "immediate" },
  );
}

export function createToken({ actor, input }: { actor: Actor; input: unknown }) {
  if (!hasRole(actor.role, "admin")) throw forbidden("Only admins can create API tokens");
  return insertToken(input as { name: string; role: UserRole }, actor);
}

export function listTokens({ actor }: { actor: Actor }) {
  if (!hasRole(actor.role, "admin")) throw forbidden("Only admins can list API tokens");
  return selectTokens();
}

/** Every token, newest first, without secrets; no actor check (the `npm run token` script). */
export function selectTokens() {
  return getDb()
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
    .orderBy(desc(apiTokens.id))
    .all();
}

export function revokeToken({ actor, tokenId }: { actor: Actor; tokenId: number }) {
  if (!hasRole(actor.role, "admin")) throw forbidden("Only admins can revoke API tokens");
  revokeTokenRow(tokenId, actor);
}

/** Revokes a token; without an actor check when called with none (the `npm run token` script). */
export function revokeTokenRow(tokenId: number, actor: Actor | null = null) {
  getDb().transaction(
    (tx) => {
      const token = tx.select().from(apiTokens).where(eq(apiTokens.id, tokenId)).get();
      if (!token) throw notFound("API token");
      if (token.revokedAt) throw new AppError("conflict", "This token is already revoked");
      tx.update(apiTokens).set({ revokedAt: Date.now() }).where(eq(apiTokens.id, tokenId)).run();
      recordAudit(tx, actor, { action: "token.revoke", entityType: "api_token", entityId: tokenId, before: { name: token.name } });
    },
    { behavior: "immediate" },
  );
}

// Last use is written at most once a minute per token, so reads do not turn into writes.
const LAST_USED_RESOLUTION_MS = 60_000;

/** The actor a bearer token stands for, or null when unknown or revoked. */
export function authenticateToken(secret: string, ip: string | null): Actor | null {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return null;
  const db = getDb();
  const row = db
    .select({ token: apiTokens, creatorDisabled: users.disabled, creatorRole: users.role })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdById))
    .where(and(eq(apiTokens.tokenHash, hashToken(secret)), isNull(apiTokens.revokedAt)))
    .get();
  // A disabled person's tokens stop working with their sessions.
  if (!row || row.creatorDisabled) return null;
  const token = row.token;
  const now = Date.now();
  if (!token.lastUsedAt || now - token.lastUsedAt > LAST_USED_RESOLUTION_MS) {
    db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, token.id)).run();
  }
  // A token never outranks the person who made it: demoting them demotes their tokens too.
  const role = row.creatorRole && !hasRole(row.creatorRole, token.role) ? row.creatorRole : token.role;
  return { kind: "token", tokenId: token.id, role, name: token.name, ip };
}
