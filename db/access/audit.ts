import "server-only";
import type { Actor } from "@/lib/actor";
import { actorLabel } from "@/lib/actor";
import { transaction } from "../transaction";
import { auditLog } from "../schema";
import type { Tx } from "../types";

export type AuditInput = {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  /** For events without an actor (a failed sign-in): who it concerns and from where. */
  label?: string;
  ip?: string | null;
};

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/** Writes one audit record; call inside the transaction of the change it records. */
export async function recordAudit(tx: Tx, actor: Actor | null, input: AuditInput, at = Date.now()) {
  await tx.insert(auditLog).values({
    at,
    actorUserId: actor?.kind === "user" ? actor.userId : null,
    actorTokenId: actor?.kind === "token" ? actor.tokenId : null,
    actorLabel: input.label ?? (actor ? actorLabel(actor) : "system"),
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId == null ? null : String(input.entityId),
    before: json(input.before),
    after: json(input.after),
    ip: input.ip ?? actor?.ip ?? null,
  });
}

/** Records an event that is not part of another write (sign-ins, rate limits). */
export async function recordAuditEvent(actor: Actor | null, input: AuditInput) {
  await transaction((tx) => recordAudit(tx, actor, input));
}
