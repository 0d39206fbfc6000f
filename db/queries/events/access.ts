import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { actorKey } from "@/lib/actor";
import { canReadIncident, effectiveTokenRole } from "@/lib/policy";
import { apiTokens, incidents, users, type Incident } from "../../schema";
import type { Reader } from "../../types";
import { incidentAccessFacts } from "../../access/incidents";

type AccessRow = Pick<Incident, "id" | "private" | "createdById" | "createdByTokenId">;

/**
 * Who may read which incident, read once per feed batch and shared by every watcher: a public
 * incident costs one lookup per batch, a private one one more per watcher.
 */
export class AccessCache {
  private readonly rows = new Map<number, AccessRow | null>();
  private readonly decided = new Map<string, boolean>();

  constructor(private readonly db: Reader) {}

  async canRead(actor: Actor, incidentId: number): Promise<boolean> {
    let row = this.rows.get(incidentId);
    if (row === undefined) {
      row =
        (
          await this.db
            .select({ id: incidents.id, private: incidents.private, createdById: incidents.createdById, createdByTokenId: incidents.createdByTokenId })
            .from(incidents)
            .where(eq(incidents.id, incidentId))
        )[0] ?? null;
      this.rows.set(incidentId, row);
    }
    if (!row) return false;
    if (!row.private) return canReadIncident(actor, { private: false, involved: false });
    const key = `${actorKey(actor)}:${incidentId}`;
    let allowed = this.decided.get(key);
    if (allowed === undefined) {
      allowed = canReadIncident(actor, await incidentAccessFacts(this.db, actor, row));
      this.decided.set(key, allowed);
    }
    return allowed;
  }
}

/** What a stream's caller looked like when it opened: the stream ends when this no longer holds. */
export type ActorSnapshot = { actor: Actor; sessionVersion: number | null };

export async function snapshotActor(db: Reader, actor: Actor): Promise<ActorSnapshot> {
  if (actor.kind !== "user") return { actor, sessionVersion: null };
  const row = (await db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, actor.userId)))[0];
  return { actor, sessionVersion: row?.sessionVersion ?? null };
}

/**
 * Whether the caller still is who the stream was opened for: the person active with the same role
 * and session (a sign-out everywhere or a new password ends it), or the token unrevoked, its
 * creator active and its effective role unchanged.
 */
export async function actorStillValid(db: Reader, { actor, sessionVersion }: ActorSnapshot): Promise<boolean> {
  if (actor.kind === "user") {
    const row = (
      await db.select({ role: users.role, disabled: users.disabled, sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, actor.userId))
    )[0];
    return !!row && !row.disabled && row.role === actor.role && row.sessionVersion === sessionVersion;
  }
  // Integrations post alerts; they never hold a stream.
  if (actor.kind === "integration") return false;
  const row = (
    await db
      .select({ role: apiTokens.role, creatorDisabled: users.disabled, creatorRole: users.role })
      .from(apiTokens)
      .leftJoin(users, eq(users.id, apiTokens.createdById))
      .where(and(eq(apiTokens.id, actor.tokenId), isNull(apiTokens.revokedAt)))
  )[0];
  return !!row && !row.creatorDisabled && effectiveTokenRole(row.role, row.creatorRole) === actor.role;
}
