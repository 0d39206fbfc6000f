// Plans the 4–8 timeline entries of a bench incident: its status moves, the alert that
// detected it, the commander's assignment, and notes (some highlighted).
import type { Person } from "./catalog";
import type { IncidentPlan, Status } from "./incident-plan";
import type { Random } from "../random";

export type TimelinePlan = {
  occurredAt: number;
  kind: "note" | "status" | "role" | "alert";
  body: string;
  author: Person;
  highlighted: boolean;
  meta: string | null;
};

const LABEL: Record<Status, string> = {
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  resolved: "Resolved",
  closed: "Closed",
};

const NOTES = [
  "Rolled back the last deploy; watching error rates.",
  "Scaled the worker pool from 12 to 24 instances.",
  "Customer support reports tickets about checkout failures.",
  "Dependency status page confirms a partial outage on their side.",
  "Failover to the secondary region started.",
  "Error rate back under 0.1 %; keeping an eye on latency.",
  "Found a misconfigured feature flag; reverting it.",
  "Posted an update on the public status page.",
];

export function planTimeline(random: Random, incident: IncidentPlan, now: number): TimelinePlan[] {
  const commander = incident.roles[0]!.person;
  const people = incident.roles.map((r) => r.person);
  const entries: TimelinePlan[] = [];
  const status = (at: number, from: Status | null, to: Status, highlighted: boolean) =>
    entries.push({
      occurredAt: at,
      kind: "status",
      body: from === null ? `Declared as ${LABEL[to]}` : `Status changed from ${LABEL[from]} to ${LABEL[to]}`,
      author: commander,
      highlighted,
      meta: JSON.stringify({ field: "status", from, to }),
    });

  status(incident.declaredAt, null, "investigating", true);
  if (incident.detectedAtSource === "alert" && incident.detectedAt !== null) {
    entries.push({ occurredAt: incident.detectedAt, kind: "alert", body: `Alert fired: ${incident.title}`, author: commander, highlighted: false, meta: null });
  }
  entries.push({
    occurredAt: incident.roles[0]!.assignedAt,
    kind: "role",
    body: `${commander.name} is incident commander`,
    author: incident.createdBy,
    highlighted: false,
    meta: JSON.stringify({ field: "commander", from: null, to: commander.email }),
  });

  // Status moves up to where the incident stands now.
  const order: Status[] = ["investigating", "identified", "monitoring", "resolved", "closed"];
  const reached = order.indexOf(incident.status);
  const mitigated = incident.mitigatedAt ?? incident.resolvedAt;
  const identifiedAt =
    (incident.acknowledgedAt ?? incident.declaredAt) +
    Math.round(random.next() * Math.max(0, (mitigated ?? now) - (incident.acknowledgedAt ?? incident.declaredAt)) * 0.5);
  if (reached >= 1) status(Math.min(identifiedAt, now), "investigating", "identified", false);
  if (reached >= 2) status(mitigated ?? identifiedAt, "identified", "monitoring", true);
  if (reached >= 3) status(incident.resolvedAt!, "monitoring", "resolved", true);
  if (reached >= 4) status(incident.closedAt!, "resolved", "closed", false);

  const target = Math.max(entries.length, random.int(4, 8));
  const end = Math.min(now, incident.resolvedAt ?? now);
  while (entries.length < target) {
    entries.push({
      occurredAt: Math.round(incident.declaredAt + random.next() * Math.max(0, end - incident.declaredAt)),
      kind: "note",
      body: random.pick(NOTES),
      author: random.pick(people),
      highlighted: random.chance(0.2),
      meta: null,
    });
  }
  return entries.sort((a, b) => a.occurredAt - b.occurredAt);
}
