// Plans what follows a resolved bench incident: its postmortem (with contributing factors),
// action items, and when it closed.
import { PRIORITY_INFO } from "@/lib/action-items";
import type { Catalog, Person } from "./catalog";
import type { IncidentPlan } from "./incident-plan";
import type { Random } from "../random";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type PostmortemPlan = {
  status: "draft" | "in_review" | "published";
  owner: Person;
  createdAt: number;
  submittedAt: number | null;
  publishedAt: number | null;
  publishedBy: Person | null;
  version: number;
  factorIds: number[];
  items: ActionItemPlan[];
};

export type ActionItemPlan = {
  title: string;
  owner: Person;
  dueDate: string;
  priority: "P1" | "P2" | "P3";
  kind: "prevent" | "mitigate" | "detect" | "repair" | "process";
  status: "open" | "in_progress" | "done" | "wont_do";
  trackerUrl: string | null;
  serviceId: number | null;
  createdAt: number;
  updatedAt: number;
  completedAt: number | null;
};

/** Business days (Monday–Friday, UTC) after a moment, keeping the time of day. */
export function addBusinessDaysUtc(ms: number, days: number): number {
  let t = ms;
  let left = days;
  while (left > 0) {
    t += DAY;
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return t;
}

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const endOfUtcDay = (day: string) => Date.parse(`${day}T00:00:00Z`) + DAY - 1;

const ITEM_TITLES = [
  "Add alert on",
  "Write runbook for",
  "Load test",
  "Add retry with backoff to",
  "Remove single point of failure in",
  "Automate failover of",
  "Add canary stage for",
  "Review timeouts of",
];

/**
 * The postmortem of a resolved, non-drill incident, or null when none was started: ~90 % of
 * SEV1/SEV2 and ~15 % of SEV3/SEV4. Mostly published some business days after resolution
 * (some late), the rest in review or draft. Sets the incident's close time to match.
 */
export function planFollowups(random: Random, catalog: Catalog, incident: IncidentPlan, commander: Person, now: number): PostmortemPlan | null {
  const resolvedAt = incident.resolvedAt;
  if (resolvedAt === null) return null;
  const major = incident.severity === "SEV1" || incident.severity === "SEV2";
  const wanted = !incident.drill && random.chance(major ? 0.9 : 0.15);
  if (!wanted) {
    // Not required (or skipped): closed about a day after resolving, unless that is still ahead.
    const closeAt = Math.round(resolvedAt + Math.min(20 * DAY, random.lognormal(DAY, 1)));
    if (!major && closeAt <= now && random.chance(0.9)) close(incident, closeAt, random);
    return null;
  }
  const createdAt = Math.round(resolvedAt + Math.min(3 * DAY, random.lognormal(4 * HOUR, 1)));
  if (createdAt > now) return null;

  const old = now - resolvedAt > 30 * DAY;
  let status: PostmortemPlan["status"] = random.chance(old ? 0.85 : 0.55) ? "published" : random.chance(0.45) ? "in_review" : "draft";
  let publishedAt: number | null = null;
  let submittedAt: number | null = null;
  if (status === "published") {
    // ~70 % within the 5 business days, the rest late.
    const days = random.chance(0.7) ? random.int(1, 5) : random.int(6, 25);
    publishedAt = Math.max(createdAt + HOUR, addBusinessDaysUtc(resolvedAt, days) + random.int(-6, 6) * HOUR);
    if (publishedAt > now) {
      status = "in_review";
      publishedAt = null;
    } else {
      submittedAt = Math.round(createdAt + (publishedAt - createdAt) * (0.3 + 0.6 * random.next()));
    }
  }
  if (status === "in_review") submittedAt = Math.round(createdAt + (now - createdAt) * random.next() * 0.8);
  if (publishedAt !== null) close(incident, publishedAt, random);

  const factorIds = new Set<number>();
  const factorCount = random.weighted([1, 2, 3], [50, 35, 15]);
  while (factorIds.size < factorCount) factorIds.add(random.weighted(catalog.factorIds, catalog.factorWeights));

  const itemCount = random.weighted([0, 1, 2, 3, 4], [10, 25, 30, 20, 15]);
  const items = Array.from({ length: itemCount }, () => planActionItem(random, catalog, incident, createdAt, now));
  return {
    status,
    owner: commander,
    createdAt,
    submittedAt,
    publishedAt,
    publishedBy: publishedAt === null ? null : random.pick(catalog.responders),
    version: random.int(1, 8),
    factorIds: [...factorIds],
    items,
  };
}

function close(incident: IncidentPlan, at: number, random: Random) {
  incident.status = "closed";
  incident.closedAt = at;
  incident.closedAtSource = random.chance(0.95) ? "status_change" : "manual";
}

function planActionItem(random: Random, catalog: Catalog, incident: IncidentPlan, postmortemCreatedAt: number, now: number): ActionItemPlan {
  const createdAt = Math.min(now - 60_000, Math.round(postmortemCreatedAt + Math.min(10 * DAY, random.lognormal(DAY, 1))));
  const priority = random.weighted(["P1", "P2", "P3"] as const, [25, 45, 30]);
  const dueDate = new Date(Date.parse(`${utcDay(createdAt)}T00:00:00Z`) + PRIORITY_INFO[priority].dueInDays * DAY).toISOString().slice(0, 10);
  const dueEnd = endOfUtcDay(dueDate);
  const between = (from: number, to: number) => Math.round(from + random.next() * Math.max(0, to - from));

  let status: ActionItemPlan["status"];
  let completedAt: number | null = null;
  if (now > dueEnd) {
    const outcome = random.weighted(["on_time", "late", "wont_do", "open"] as const, [55, 15, 10, 20]);
    if (outcome === "on_time") completedAt = between(createdAt, dueEnd);
    if (outcome === "late") completedAt = Math.min(now, Math.round(dueEnd + Math.min(120 * DAY, random.lognormal(10 * DAY, 0.8))));
    if (outcome === "wont_do") completedAt = between(createdAt, dueEnd);
    status = outcome === "wont_do" ? "wont_do" : outcome === "open" ? random.pick(["open", "in_progress"] as const) : "done";
  } else {
    status = random.weighted(["done", "wont_do", "in_progress", "open"] as const, [30, 5, 30, 35]);
    if (status === "done" || status === "wont_do") completedAt = between(createdAt, now);
  }
  const service = random.chance(0.7) ? random.pick(incident.services) : null;
  return {
    title: `${random.pick(ITEM_TITLES)} ${service?.slug ?? incident.services[0]!.slug}`,
    owner: random.pick(catalog.responders),
    dueDate,
    priority,
    kind: random.pick(["prevent", "mitigate", "detect", "repair", "process"] as const),
    status,
    trackerUrl: random.chance(0.3) ? `https://tracker.example.com/HS-${random.int(1000, 99999)}` : null,
    serviceId: service?.serviceId ?? null,
    createdAt,
    updatedAt: completedAt ?? between(createdAt, now),
    completedAt,
  };
}
