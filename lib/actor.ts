import type { UserRole } from "./roles";

/** An alert integration's kind (lib/alerts): also how its actor is labelled. */
export type IntegrationActorKind = "alertmanager" | "grafana" | "events-v2";

const INTEGRATION_KIND_LABEL: Record<IntegrationActorKind, string> = { alertmanager: "Alertmanager", grafana: "Grafana", "events-v2": "Events API v2" };

/** Who is making a request: a signed-in person, an API token, or an alert integration posting alerts. */
export type Actor =
  | { kind: "user"; userId: number; role: UserRole; email: string; name: string; ip?: string | null }
  | { kind: "token"; tokenId: number; role: UserRole; name: string; ip?: string | null }
  | { kind: "integration"; integrationId: number; name: string; role: "responder"; integrationKind?: IntegrationActorKind; ip?: string | null };

export function actorLabel(actor: Actor): string {
  if (actor.kind === "user") return actor.name;
  if (actor.kind === "token") return `API token "${actor.name}"`;
  return `${actor.integrationKind ? INTEGRATION_KIND_LABEL[actor.integrationKind] : "Alert"} integration "${actor.name}"`;
}

/** Stable key for per-actor records such as idempotency keys. */
export function actorKey(actor: Actor): string {
  if (actor.kind === "user") return `user:${actor.userId}`;
  if (actor.kind === "token") return `token:${actor.tokenId}`;
  return `integration:${actor.integrationId}`;
}
