import type { UserRole } from "./roles";

/** Who is making a request: a signed-in person or an API token. */
export type Actor =
  | { kind: "user"; userId: number; role: UserRole; email: string; name: string; ip?: string | null }
  | { kind: "token"; tokenId: number; role: UserRole; name: string; ip?: string | null };

export function actorLabel(actor: Actor): string {
  return actor.kind === "user" ? actor.name : `API token "${actor.name}"`;
}

/** Stable key for per-actor records such as idempotency keys. */
export function actorKey(actor: Actor): string {
  return actor.kind === "user" ? `user:${actor.userId}` : `token:${actor.tokenId}`;
}
