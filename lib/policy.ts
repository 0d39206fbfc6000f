// Who may do what: the one answer. Every server-side check (data layer, routes, pages) asks here.
// Roles nest (viewer < responder < admin, lib/roles.ts). Rules that depend on the record (private
// incidents, drafts, named reviewers) take the facts they need, so this file stays pure.
import type { Actor } from "./actor";
import { forbidden } from "./errors";
import { hasRole, type UserRole } from "./roles";

type Rule = { role: UserRole; denied: string };
const rule = (role: UserRole, denied: string): Rule => ({ role, denied });

/** The least role each action needs, and the 403 message for those below it. */
export const PERMISSIONS = {
  incident: {
    declare: rule("responder", "Viewers cannot declare incidents"),
    edit: rule("responder", "Viewers cannot change incidents"),
    note: rule("responder", "Viewers cannot add notes"),
    highlight: rule("responder", "Viewers cannot highlight entries"),
    "manage-responders": rule("responder", "Viewers cannot change who responds"),
    "link-services": rule("responder", "Viewers cannot change affected services"),
    "override-spend": rule("responder", "Viewers cannot override budget spend"),
    "check-checklist": rule("responder", "Viewers cannot check off checklist items"),
    "see-private": rule("admin", "Only admins can see every private incident"),
  },
  postmortem: {
    "read-draft": rule("responder", "Viewers read published postmortems only"),
    start: rule("responder", "Viewers cannot start postmortems"),
    edit: rule("responder", "Viewers cannot change postmortems"),
    comment: rule("responder", "Viewers cannot change postmortems"),
    "send-for-review": rule("responder", "Viewers cannot change postmortems"),
    unpublish: rule("admin", "Only an admin can move a published postmortem back to draft"),
    "own-or-review": rule("responder", "Viewers cannot own or review postmortems"),
  },
  "action-item": {
    create: rule("responder", "Viewers cannot add action items"),
    edit: rule("responder", "Viewers cannot change action items"),
  },
  service: {
    create: rule("admin", "Only admins can add services"),
    edit: rule("responder", "Viewers cannot edit services"),
    "edit-ownership": rule("admin", "Only admins can change a service's name, tier, team or status"),
  },
  slo: { manage: rule("admin", "Only admins can manage SLOs") },
  playbook: { manage: rule("admin", "Only admins can manage playbooks") },
  team: { manage: rule("admin", "Only admins can manage teams") },
  user: { manage: rule("admin", "Only admins can manage users") },
  webhook: { manage: rule("admin", "Only admins can manage webhooks") },
  token: {
    create: rule("admin", "Only admins can create API tokens"),
    list: rule("admin", "Only admins can list API tokens"),
    revoke: rule("admin", "Only admins can revoke API tokens"),
  },
  settings: {
    read: rule("admin", "Only admins can read settings"),
    edit: rule("admin", "Only admins can change settings"),
  },
  factor: { manage: rule("admin", "Only admins can edit the contributing factors") },
  audit: { read: rule("admin", "Only admins can read the audit log") },
  "sign-in-throttle": { manage: rule("admin", "Only admins can see and clear sign-in limits") },
  "first-run": {
    see: rule("admin", "Only admins see the first-run checklist"),
    dismiss: rule("admin", "Only admins can dismiss the first-run checklist"),
  },
  admin: { open: rule("admin", "Only admins can open the admin pages") },
} as const satisfies Record<string, Record<string, Rule>>;

export type Resource = keyof typeof PERMISSIONS;
export type Action<R extends Resource> = keyof (typeof PERMISSIONS)[R] & string;
type Who = Pick<Actor, "role">;

/** Whether the actor's role allows the action (record-independent part of every rule). */
export function can<R extends Resource>(actor: Who, resource: R, action: Action<R>): boolean {
  const found = PERMISSIONS[resource][action] as Rule;
  return hasRole(actor.role, found.role);
}

/** Throws the rule's 403 when the actor's role does not allow the action. */
export function requirePermission<R extends Resource>(actor: Who, resource: R, action: Action<R>): void {
  const found = PERMISSIONS[resource][action] as Rule;
  if (!hasRole(actor.role, found.role)) throw forbidden(found.denied);
}

const PLURAL: Record<UserRole, string> = { viewer: "viewers", responder: "responders", admin: "admins" };

/** For a check no table row names: "Only admins can <what>". */
export function requireRole(actor: Who, role: UserRole, what: string): void {
  if (!hasRole(actor.role, role)) throw forbidden(`Only ${PLURAL[role]} can ${what}`);
}

/** What the data layer knows about an incident that decides who may see it. */
export type IncidentAccessFacts = {
  private: boolean;
  /** The actor declared it, holds a role on it, or is on a team owning an affected service. */
  involved: boolean;
};

/**
 * A public incident is readable by everyone signed in; a private one only by admins and the
 * people involved (to everyone else it does not exist: 404, in lists and search too).
 * `db/access/incident-visibility.ts` expresses the same rule in SQL.
 */
export function canReadIncident(actor: Who, incident: IncidentAccessFacts): boolean {
  return !incident.private || incident.involved || can(actor, "incident", "see-private");
}

/** Changing an incident (status, roles, notes, services, checklist) needs read access and responder. */
export function canEditIncident(actor: Who, incident: IncidentAccessFacts): boolean {
  return canReadIncident(actor, incident) && can(actor, "incident", "edit");
}

/** Viewers read published postmortems only; a draft or one in review is a 404 to them. */
export function canReadPostmortem(actor: Who, incident: IncidentAccessFacts, postmortem: { status: string }): boolean {
  return canReadIncident(actor, incident) && (postmortem.status === "published" || can(actor, "postmortem", "read-draft"));
}

/** Writing a postmortem's text needs responder; a published one is frozen (checked separately, 422). */
export function canEditPostmortem(actor: Who, incident: IncidentAccessFacts): boolean {
  return canReadIncident(actor, incident) && can(actor, "postmortem", "edit");
}

export type ReviewFacts = { reviewerIds: readonly number[]; ownerId: number | null };

const isUser = (actor: Actor, id: number | null) => actor.kind === "user" && id !== null && actor.userId === id;
const isReviewer = (actor: Actor, facts: ReviewFacts) => facts.reviewerIds.some((id) => isUser(actor, id));

/** Publishing, and ticking the review checklist: a named reviewer or an admin. */
export function canPublishPostmortem(actor: Actor, facts: ReviewFacts): boolean {
  return hasRole(actor.role, "admin") || isReviewer(actor, facts);
}

/** Sending a postmortem in review back to draft: a named reviewer, its owner or an admin. */
export function canSendBackPostmortem(actor: Actor, facts: ReviewFacts): boolean {
  return canPublishPostmortem(actor, facts) || isUser(actor, facts.ownerId);
}

/** A token acts with its own role, capped at the role its creator has now. */
export function effectiveTokenRole(tokenRole: UserRole, creatorRole: UserRole | null): UserRole {
  return creatorRole && !hasRole(creatorRole, tokenRole) ? creatorRole : tokenRole;
}

/** Changing one's own password is for signed-in people, not API tokens. */
export function requirePerson(actor: Actor, what: string): asserts actor is Actor & { kind: "user" } {
  if (actor.kind !== "user") throw forbidden(`Only a signed-in person can ${what}`);
}
