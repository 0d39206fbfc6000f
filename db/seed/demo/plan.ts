import { STATUS_INFO, statusMoveTimestamps, type IncidentStatus, type TimestampSource } from "../../../lib/incident-status";
import { TIMESTAMP_LABELS, timestampOrderErrors, type TimestampField } from "../../../lib/incident-timestamps";
import { formatUtc } from "../../../lib/format-time";
import type { Severity } from "../../../lib/severity";
import { demoPerson, type DemoPersonKey } from "./people";
import type { DemoScenario, DemoStep, LeadRole } from "./scenario";
import { DEMO_SCENARIOS } from "./scenarios";
import { demoCloseAt } from "./postmortems";
import { createRandom } from "../random";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** The alerting integration as an author (db/seed/demo/people.ts DEMO_ALERT_TOKEN), beside the people. */
export const ALERTING = "alerting" as const;
export type DemoAuthor = DemoPersonKey | typeof ALERTING;

export type PlannedEntry = {
  occurredAt: number;
  createdAt: number;
  kind: "note" | "status" | "severity" | "role" | "update";
  body: string;
  author: DemoAuthor;
  highlighted: boolean;
  meta: { field: string; from: unknown; to: unknown } | null;
};

export type PlannedRole = { person: DemoPersonKey; role: LeadRole | "responder"; assignedAt: number };

export type PlannedIncident = {
  title: string;
  summary: string;
  severity: Severity;
  status: IncidentStatus;
  private: boolean;
  drill: boolean;
  startedAt: number;
  startedAtSource: TimestampSource;
  detectedAt: number;
  detectedAtSource: TimestampSource;
  declaredAt: number;
  acknowledgedAt: number | null;
  acknowledgedAtSource: TimestampSource | null;
  mitigatedAt: number | null;
  mitigatedAtSource: TimestampSource | null;
  resolvedAt: number | null;
  resolvedAtSource: TimestampSource | null;
  closedAt: number | null;
  closedAtSource: TimestampSource | null;
  /** Who declared it: a person (its first commander) or the alerting integration. */
  declaredBy: DemoAuthor;
  /** Its first commander: who declared it, or who took it from the alerting integration. */
  firstCommander: DemoPersonKey;
  /** Severity when declared (later steps may change it). */
  declaredSeverity: Severity;
  version: number;
  updatedAt: number;
  roles: PlannedRole[];
  entries: PlannedEntry[];
};

const LEAD_LABELS: Record<LeadRole, string> = { commander: "Incident commander", communications: "Communications lead", scribe: "Scribe" };

/** The later moments of a new incident; the status steps set them. */
const NOT_YET_REACHED = { mitigatedAt: null, mitigatedAtSource: null, resolvedAt: null, resolvedAtSource: null, closedAt: null, closedAtSource: null } as const;

/**
 * Replays one scenario the way the app would have recorded it: status moves fill and clear
 * timestamps with the same rule the app uses (statusMoveTimestamps), and every change gets
 * its own timeline entry with from → to. `origin` is the scenario's minute 0, when the
 * commander took the incident: its declaration, or for one the alerting integration declared,
 * acknowledgedAfter minutes after it. As in the app (declareIncident, acknowledgeIfNeeded), a
 * person declaring becomes commander and acknowledges at once; a token declares with no
 * commander, and the first person to act, here the one taking command, acknowledges it.
 */
export function planIncident(scenario: DemoScenario, origin: number, extraSteps: (i: PlannedIncident) => DemoStep[] = () => []): PlannedIncident {
  const at = (minutes: number) => origin + Math.round(minutes * MIN);
  const byAlert = scenario.declaredBy === "alert";
  const ackAfter = byAlert ? scenario.acknowledgedAfter : 0;
  if (byAlert && !(ackAfter > 0)) throw new Error(`${scenario.title}: an alert-declared incident needs acknowledgedAfter > 0`);
  // Detected no later than declared: for an alert-declared one, by default the alert that declared it.
  const detectedBefore = scenario.detectedBefore ?? ackAfter;
  const impactBefore = scenario.impactBefore ?? detectedBefore;
  if (detectedBefore > impactBefore) throw new Error(`${scenario.title}: detected before impact started`);
  if (detectedBefore < ackAfter) throw new Error(`${scenario.title}: detected after the alert declared it (detectedBefore < acknowledgedAfter)`);
  if (byAlert) {
    const early = scenario.steps.find((s) => Math.min(s.at, s.kind === "note" ? (s.writtenAt ?? s.at) : s.at) < 0);
    if (early) throw new Error(`${scenario.title}: a person acts before taking the alert-declared incident`);
  }
  const declaredAt = at(-ackAfter);
  const startedAt = at(-impactBefore);
  const detectedAt = at(-detectedBefore);
  const commander = demoPerson(scenario.commander);
  const incident: PlannedIncident = {
    title: scenario.title,
    summary: scenario.summary,
    severity: scenario.severity,
    status: "investigating",
    private: scenario.private ?? false,
    drill: scenario.drill ?? false,
    startedAt,
    startedAtSource: startedAt < declaredAt ? "backdated" : "status_change",
    detectedAt,
    detectedAtSource: detectedAt < declaredAt ? (scenario.detectedBy ?? "alert") : "status_change",
    declaredAt,
    acknowledgedAt: byAlert ? null : declaredAt,
    acknowledgedAtSource: byAlert ? null : "status_change",
    ...NOT_YET_REACHED,
    declaredBy: byAlert ? ALERTING : scenario.commander,
    firstCommander: scenario.commander,
    declaredSeverity: scenario.severity,
    version: 1,
    updatedAt: declaredAt,
    roles: byAlert ? [] : [{ person: scenario.commander, role: "commander", assignedAt: declaredAt }],
    entries: [],
  };
  const flags = [incident.private ? "private" : null, incident.drill ? "drill" : null].filter(Boolean);
  const entry = (e: Omit<PlannedEntry, "createdAt" | "highlighted" | "meta"> & Partial<PlannedEntry>) =>
    incident.entries.push({ highlighted: false, meta: null, createdAt: e.occurredAt, ...e });
  entry({
    occurredAt: declaredAt,
    kind: "status",
    author: incident.declaredBy,
    // The app's wording: only a person declaring is named as commander.
    body: `Declared ${scenario.severity} incident${flags.length ? ` (${flags.join(", ")})` : ""}: ${scenario.title}${byAlert ? "" : `. ${commander.name} is incident commander.`}`,
    meta: { field: "status", from: null, to: "investigating" },
    highlighted: true,
  });

  const lead = (role: LeadRole) => incident.roles.find((r) => r.role === role)?.person;
  const onIncident = (person: DemoPersonKey) => incident.roles.some((r) => r.person === person);
  const changed = (t: number) => {
    incident.version += 1;
    incident.updatedAt = Math.max(incident.updatedAt, t);
  };

  // acknowledgeIfNeeded: a person's note or joining acknowledges an unacknowledged incident, as its own change.
  const acknowledgeBy = (time: number) => {
    if (incident.acknowledgedAt !== null) return;
    incident.acknowledgedAt = time;
    incident.acknowledgedAtSource = "status_change";
    changed(time);
  };

  const apply = (step: DemoStep) => {
    const t = at(step.at);
    const by = ("by" in step && step.by) || lead("commander") || scenario.commander;
    switch (step.kind) {
      case "note": {
        const written = step.writtenAt === undefined ? t : at(step.writtenAt);
        acknowledgeBy(written);
        if (!onIncident(step.by)) {
          // Joining shows on the timeline, as the app's "join as responder" does.
          incident.roles.push({ person: step.by, role: "responder", assignedAt: written });
          entry({
            occurredAt: written,
            kind: "role",
            author: step.by,
            body: `${demoPerson(step.by).name} joined as a responder`,
            meta: { field: "responder", from: null, to: demoPerson(step.by).email },
          });
        }
        entry({ occurredAt: t, createdAt: written, kind: "note", author: step.by, body: step.body, highlighted: step.highlighted ?? false });
        incident.updatedAt = Math.max(incident.updatedAt, written);
        return;
      }
      case "status": {
        if (step.to === incident.status) throw new Error(`${scenario.title}: status is already ${step.to}`);
        const patch = statusMoveTimestamps(incident.status, step.to, incident, t);
        entry({
          occurredAt: t,
          kind: "status",
          author: by,
          body: `Status changed from ${STATUS_INFO[incident.status].label} to ${STATUS_INFO[step.to].label}`,
          meta: { field: "status", from: incident.status, to: step.to },
          highlighted: step.to === "resolved" || step.to === "monitoring",
        });
        Object.assign(incident, patch, { status: step.to });
        changed(t);
        return;
      }
      case "severity": {
        entry({
          occurredAt: t,
          kind: "severity",
          author: by,
          body: `Severity changed from ${incident.severity} to ${step.to}`,
          meta: { field: "severity", from: incident.severity, to: step.to },
          highlighted: true,
        });
        incident.severity = step.to;
        changed(t);
        return;
      }
      case "role": {
        const holder = lead(step.role);
        if (holder === step.person) return;
        incident.roles = incident.roles.filter((r) => r.role !== step.role);
        incident.roles.push({ person: step.person, role: step.role, assignedAt: t });
        // Taking command acknowledges, in the same change (applyIncidentUpdate).
        if (step.role === "commander" && incident.acknowledgedAt === null) {
          incident.acknowledgedAt = t;
          incident.acknowledgedAtSource = "status_change";
        }
        const next = demoPerson(step.person);
        entry({
          occurredAt: t,
          kind: "role",
          author: by,
          body: `${LEAD_LABELS[step.role]}: ${next.name}${holder ? ` (was ${demoPerson(holder).name})` : ""}`,
          meta: { field: step.role, from: holder ? demoPerson(holder).email : null, to: next.email },
        });
        changed(t);
        return;
      }
      case "correct": {
        const from = incident[step.field];
        const value = at(step.value);
        if (value === from) return;
        incident[step.field] = value;
        incident[`${step.field}Source`] = "manual";
        entry({
          occurredAt: t,
          kind: "update",
          author: by,
          body: `${TIMESTAMP_LABELS[step.field]} time set to ${formatUtc(value)} (was ${formatUtc(from)})`,
          meta: { field: step.field, from, to: value },
        });
        changed(t);
        return;
      }
    }
  };

  const ordered = (steps: DemoStep[]) =>
    steps
      .map((s, i) => [s, i] as const)
      .sort((a, b) => a[0].at - b[0].at || a[1] - b[1])
      .map(([s]) => s);
  // The on-call person takes the alert-declared incident before doing anything else on it.
  if (byAlert) apply({ at: 0, kind: "role", role: "commander", person: scenario.commander, by: scenario.commander });
  for (const step of ordered(scenario.steps)) apply(step);
  for (const step of ordered(extraSteps(incident))) apply(step);
  incident.entries.sort((a, b) => a.occurredAt - b.occurredAt || a.createdAt - b.createdAt);
  return incident;
}

/** Problems that would make the demo contradict the app's own rules; empty when fine. */
export function planProblems(incident: PlannedIncident, now: number): string[] {
  const problems = Object.entries(timestampOrderErrors(incident, now)).map(([field, message]) => `${field}: ${message}`);
  const times: [string, number | null][] = [
    ["declaredAt", incident.declaredAt],
    ...(["startedAt", "detectedAt", "acknowledgedAt", "mitigatedAt", "resolvedAt", "closedAt"] as TimestampField[]).map(
      (f) => [f, incident[f]] as [string, number | null],
    ),
  ];
  for (const [field, value] of times) if (value !== null && value > now) problems.push(`${field} is in the future`);
  if (incident.startedAt > incident.declaredAt) problems.push("impact started after declaration");
  if (incident.detectedAt > incident.declaredAt) problems.push("detected after declaration");
  for (const e of incident.entries) if (e.occurredAt > now || e.createdAt > now) problems.push(`timeline entry "${e.body.slice(0, 40)}" is in the future`);
  const open = incident.status !== "resolved" && incident.status !== "closed";
  if (open !== (incident.resolvedAt === null)) problems.push("resolvedAt does not match the status");
  if ((incident.status === "closed") !== (incident.closedAt !== null)) problems.push("closedAt does not match the status");
  if (incident.status === "monitoring" && incident.mitigatedAt === null) problems.push("monitoring without mitigatedAt");
  // DESIGN.md: acknowledgedAt is the first responder action, so exactly the first thing a person did on it.
  const firstByPerson = Math.min(...incident.entries.filter((e) => e.author !== ALERTING).map((e) => e.createdAt));
  if (incident.acknowledgedAt !== firstByPerson) problems.push("acknowledgedAt is not the first action by a person");
  if (incident.acknowledgedAt !== null && incident.acknowledgedAt < incident.declaredAt) problems.push("acknowledged before declaration");
  if ((incident.declaredBy === ALERTING) !== (incident.acknowledgedAt !== incident.declaredAt)) {
    problems.push("only an incident the alerting integration declared waits for acknowledgement");
  }
  return problems;
}

/**
 * The whole demo relative to `now`: finished incidents spread over the last six months
 * (resolved ones older than ten days are also closed, when their postmortem was published:
 * db/seed/demo/postmortems.ts), the open ones within the last day.
 * Sorted by declaration time, so references grow with time as they would in real use.
 */
export function planDemo(now: number, scenarios: DemoScenario[] = DEMO_SCENARIOS): PlannedIncident[] {
  // Deterministic pseudo-random numbers in [0, 1), so the demo looks the same each time.
  const random = createRandom(2026).next;
  const finished = scenarios.filter((s) => s.openHoursAgo === undefined);
  const open = scenarios.filter((s) => s.openHoursAgo !== undefined);
  const planned: PlannedIncident[] = [];
  const oldest = 178;
  const newest = 2;

  finished.forEach((scenario, index) => {
    const spread = finished.length > 1 ? index / (finished.length - 1) : 0;
    const daysAgo = Math.max(newest, oldest - spread * (oldest - newest) + (random() - 0.5) * 2);
    // Mostly working hours (UTC), some evenings and nights.
    const roll = random();
    const hour = scenario.hour ?? (roll < 0.75 ? 8 + random() * 10 : roll < 0.9 ? 18 + random() * 5 : random() * 7);
    const day = new Date(now - daysAgo * DAY);
    // The scenario's minute 0: its declaration, or when the on-call person took an alert-declared one.
    let origin = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) + Math.round(hour * HOUR) + Math.floor(random() * 60) * 1000;
    const lastStep = Math.max(0, ...scenario.steps.map((s) => Math.max(s.at, s.kind === "note" ? (s.writtenAt ?? s.at) : s.at)));
    while (origin + lastStep * MIN > now - 12 * HOUR) origin -= DAY;
    const closeAfter = 2 + Math.floor(random() * 7);
    const incident = planIncident(scenario, origin, (sofar) => {
      if (sofar.status !== "resolved" || sofar.resolvedAt === null || sofar.resolvedAt > now - 10 * DAY) return [];
      // Always draw the same random numbers, so the other incidents' times do not shift.
      const usualCloseAt = sofar.resolvedAt + closeAfter * DAY + Math.round(random() * 6 * HOUR);
      // A required postmortem still in draft or review keeps the incident resolved; a published one closes it.
      const closeAt = demoCloseAt(sofar, usualCloseAt, now);
      if (closeAt === null) return [];
      const minutes = (closeAt - origin) / MIN;
      const body =
        sofar.severity === "SEV4" || sofar.drill
          ? sofar.drill
            ? "Drill write-up shared with engineering; runbook fixes merged. Closing."
            : "No postmortem needed for this one; follow-ups are in the backlog. Closing."
          : "Postmortem published and reviewed; action items are tracked. Closing.";
      return [note(minutes - 1, sofar.firstCommander, body), { at: minutes, kind: "status", to: "closed", by: sofar.firstCommander }];
    });
    planned.push(incident);
  });

  for (const scenario of open) {
    planned.push(planIncident(scenario, now - Math.round(scenario.openHoursAgo! * HOUR)));
  }

  planned.sort((a, b) => a.declaredAt - b.declaredAt);
  for (const incident of planned) {
    const problems = planProblems(incident, now);
    if (problems.length) throw new Error(`Demo incident "${incident.title}" breaks the rules: ${problems.join("; ")}`);
  }
  return planned;
}

const note = (at: number, by: DemoPersonKey, body: string): DemoStep => ({ at, kind: "note", by, body });
