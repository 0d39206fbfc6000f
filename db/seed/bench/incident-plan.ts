// Plans one bench incident: timestamps in the order DESIGN.md requires, their sources, a status
// consistent with them, affected services and people holding roles.
import type { Severity } from "@/lib/severity";
import type { IncidentStatus, TimestampSource } from "@/lib/incident-status";
import type { ImpactLevel } from "@/lib/error-budget";
import type { Catalog, Person } from "./catalog";
import type { Random } from "../random";

export type { TimestampSource as Source, IncidentStatus as Status } from "@/lib/incident-status";
type Source = TimestampSource;
type Status = IncidentStatus;
type Impact = ImpactLevel;

export type IncidentPlan = {
  title: string;
  severity: Severity;
  status: Status;
  private: boolean;
  drill: boolean;
  startedAt: number;
  startedAtSource: Source;
  detectedAt: number | null;
  detectedAtSource: Source | null;
  declaredAt: number;
  acknowledgedAt: number | null;
  acknowledgedAtSource: Source | null;
  mitigatedAt: number | null;
  mitigatedAtSource: Source | null;
  resolvedAt: number | null;
  resolvedAtSource: Source | null;
  closedAt: number | null;
  closedAtSource: Source | null;
  createdBy: Person;
  services: { serviceId: number; slug: string; impact: Impact; linkedAt: number }[];
  roles: { person: Person; role: "commander" | "communications" | "scribe" | "responder"; assignedAt: number }[];
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
export const BENCH_DAYS = 730;

const SEVERITIES: Severity[] = ["SEV1", "SEV2", "SEV3", "SEV4"];
const SEVERITY_WEIGHTS = [5, 15, 40, 40];
// Medians in minutes by severity (SEV1..SEV4).
const DETECT = [3, 5, 8, 15];
const ACK = [1.5, 3, 6, 12];
const MITIGATE = [35, 50, 80, 120];
const RESOLVE = [120, 180, 240, 360];
const IMPACTS: Record<Severity, number[]> = { SEV1: [10, 30, 60], SEV2: [25, 55, 20], SEV3: [60, 35, 5], SEV4: [85, 15, 0] };
const SYMPTOMS = [
  "elevated 5xx errors",
  "high latency",
  "requests timing out",
  "queue backlog growing",
  "failed deploy rollback",
  "certificate expiry",
  "disk filling up",
  "stale cache reads",
  "login failures",
  "webhook deliveries delayed",
];

/** Organisation-local (Europe/Berlin) hour and weekday, with DST approximated by month. */
function berlinClock(ms: number): { hour: number; weekday: number } {
  const month = new Date(ms).getUTCMonth();
  const local = new Date(ms + (month >= 3 && month <= 9 ? 2 : 1) * HOUR);
  return { hour: local.getUTCHours(), weekday: local.getUTCDay() };
}

/**
 * `count` impact start times over the last BENCH_DAYS days, ascending (so INC numbers grow with
 * time). Office hours are favoured: an out-of-hours draw is kept with probability 0.3.
 */
export function planStartTimes(random: Random, count: number, now: number): number[] {
  const span = BENCH_DAYS * DAY - 10 * MINUTE;
  const times: number[] = [];
  while (times.length < count) {
    const t = now - 10 * MINUTE - Math.floor(random.next() * span);
    const { hour, weekday } = berlinClock(t);
    const office = weekday >= 1 && weekday <= 5 && hour >= 9 && hour < 18;
    if (office || random.chance(0.3)) times.push(t);
  }
  return times.sort((a, b) => a - b);
}

const minutes = (random: Random, median: number, sigma: number) => Math.max(MINUTE / 4, Math.min(30 * DAY, random.lognormal(median, sigma) * MINUTE));
const source = (random: Random): Source => random.weighted<Source>(["status_change", "manual", "backdated"], [90, 7, 3]);

export function planIncident(random: Random, catalog: Catalog, startedAt: number, now: number): IncidentPlan {
  const severity = random.weighted(SEVERITIES, SEVERITY_WEIGHTS);
  const s = SEVERITIES.indexOf(severity);
  const detectedAt = Math.min(now, Math.round(startedAt + minutes(random, DETECT[s]!, 1)));
  const declaredAt = Math.min(now, Math.round(detectedAt + minutes(random, 4, 0.8)));
  let acknowledgedAt: number | null = Math.round(declaredAt + minutes(random, ACK[s]!, 0.9));
  let mitigatedAt: number | null = Math.round(declaredAt + minutes(random, MITIGATE[s]!, 0.9));
  let resolvedAt: number | null = Math.round(mitigatedAt + minutes(random, RESOLVE[s]!, 1));

  // A few hundred recent incidents are still being worked on.
  const stalled = startedAt > now - 30 * DAY && random.chance(0.07);
  if (stalled) resolvedAt = null;
  if (stalled && random.chance(0.5)) mitigatedAt = null;
  // Anything still in the future has not happened yet.
  if (acknowledgedAt > now) acknowledgedAt = null;
  if (mitigatedAt !== null && mitigatedAt > now) mitigatedAt = null;
  if (resolvedAt !== null && (resolvedAt > now || mitigatedAt === null)) resolvedAt = null;

  let status: Status;
  if (resolvedAt !== null) status = "resolved";
  else if (mitigatedAt !== null) status = "monitoring";
  else if (acknowledgedAt !== null && random.chance(0.6)) status = "identified";
  else status = "investigating";

  // Some timestamps were never recorded (left out of their figure and counted as missing).
  const keepDetected = random.chance(0.93);
  if (acknowledgedAt !== null && random.chance(0.06)) acknowledgedAt = null;
  if (status === "resolved" && random.chance(0.06)) mitigatedAt = null;

  const picked = new Set<number>();
  const serviceCount = random.chance(0.7) ? 1 : 2;
  const indexes = catalog.services.map((_, i) => i);
  while (picked.size < serviceCount) picked.add(random.weighted(indexes, catalog.serviceWeights));
  const services = [...picked].map((i, n) => ({
    serviceId: catalog.services[i]!.id,
    slug: catalog.services[i]!.slug,
    impact: random.weighted<Impact>(["degraded", "partial_outage", "full_outage"], IMPACTS[severity]),
    linkedAt: declaredAt + n * random.int(0, 10) * MINUTE,
  }));
  const firstService = catalog.services.find((x) => x.id === services[0]!.serviceId)!;

  // The commander is usually from the team owning the first service.
  const team = catalog.teams.find((t) => t.id === firstService.teamId)!;
  const teamResponders = catalog.responders.filter((p) => team.members.includes(p.id));
  const commander = random.chance(0.7) && teamResponders.length ? random.pick(teamResponders) : random.pick(catalog.responders);
  const others = random.sample(
    catalog.responders.filter((p) => p.id !== commander.id),
    random.int(1, 3) + (severity === "SEV1" || severity === "SEV2" ? 2 : 0),
  );
  const assigned = acknowledgedAt ?? declaredAt;
  const until = resolvedAt ?? mitigatedAt ?? Math.max(assigned, now - MINUTE);
  const during = () => Math.round(assigned + random.next() * Math.max(0, Math.min(until, now) - assigned));
  const roles: IncidentPlan["roles"] = [{ person: commander, role: "commander", assignedAt: assigned }];
  const responderCount = others.length - (severity === "SEV1" || severity === "SEV2" ? 2 : 0);
  others.slice(0, responderCount).forEach((person) => roles.push({ person, role: "responder", assignedAt: during() }));
  if (others.length > responderCount) {
    if (random.chance(0.6)) roles.push({ person: others[responderCount]!, role: "communications", assignedAt: during() });
    if (random.chance(0.4)) roles.push({ person: others[responderCount + 1]!, role: "scribe", assignedAt: during() });
  }

  const detectedSource = random.weighted<Source>(["alert", "status_change", "manual", "backdated"], [55, 35, 5, 5]);
  return {
    title: `${firstService.slug}: ${random.pick(SYMPTOMS)}`,
    severity,
    status,
    private: random.chance(0.05),
    drill: random.chance(0.02),
    startedAt,
    startedAtSource: random.weighted<Source>(["alert", "status_change", "backdated", "manual"], [45, 45, 6, 4]),
    detectedAt: keepDetected ? detectedAt : null,
    detectedAtSource: keepDetected ? detectedSource : null,
    declaredAt,
    acknowledgedAt,
    acknowledgedAtSource: acknowledgedAt === null ? null : source(random),
    mitigatedAt,
    mitigatedAtSource: mitigatedAt === null ? null : source(random),
    resolvedAt,
    resolvedAtSource: resolvedAt === null ? null : source(random),
    closedAt: null,
    closedAtSource: null,
    createdBy: random.chance(0.8) ? commander : random.pick(catalog.responders),
    services,
    roles,
  };
}
