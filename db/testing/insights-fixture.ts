// A small, hand-computed set of incidents for the insights tests (organisation zone
// Europe/Berlin; period 1 Mar – 30 Apr 2026, previous period 30 Dec 2025 – 28 Feb 2026).
// Expected figures are worked out by hand in insights.test.ts.
import type { Db } from "../client";
import { reconcileIncidentFacts } from "../access/incident-facts";
import { rebuildAllSpend } from "../access/slo-spend-segments";
import {
  actionItems,
  contributingFactors,
  incidentRoles,
  incidentServices,
  incidents,
  postmortemFactors,
  postmortems,
  services,
  slos,
  teamMembers,
  teams,
} from "../schema";

const MIN = 60_000;
const DAY = 86_400_000;
type Source = "status_change" | "manual" | "alert" | "backdated";

export type FixturePeople = { ada: number; bo: number; admin: number };

export type FixtureIncident = {
  key: string;
  severity: "SEV1" | "SEV2" | "SEV3" | "SEV4";
  startedAt: string;
  startedSource?: Source;
  /** Minutes after the start; null = missing. */
  detected?: number | null;
  detectedSource?: Source;
  declared: number;
  acknowledged?: number | null;
  mitigated?: number | null;
  resolved?: number | null;
  drill?: boolean;
  private?: boolean;
  services?: ["api" | "web", "degraded" | "partial_outage" | "full_outage"][];
  roles?: [keyof FixturePeople, "commander" | "responder"][];
  postmortem?: { status: "draft" | "published"; publishedAt?: string; factors: ("deploy" | "config")[] };
  actions?: { due: string; status: "open" | "done" | "wont_do"; created: string; completed?: string; owner?: keyof FixturePeople }[];
};

export const FIXTURE_INCIDENTS: FixtureIncident[] = [
  // Current period.
  {
    key: "A",
    severity: "SEV1",
    startedAt: "2026-03-02T10:00:00Z",
    detected: 10,
    detectedSource: "alert",
    declared: 15,
    acknowledged: 20,
    mitigated: 60,
    resolved: 120,
    services: [["api", "full_outage"]],
    roles: [["ada", "commander"]],
    postmortem: { status: "published", publishedAt: "2026-03-04T12:00:00Z", factors: ["deploy"] },
    actions: [{ due: "2026-03-20", status: "done", created: "2026-03-05T09:00:00Z", completed: "2026-03-19T12:00:00Z", owner: "ada" }],
  },
  {
    key: "B",
    severity: "SEV2",
    startedAt: "2026-03-10T06:00:00Z",
    startedSource: "backdated",
    detected: 20,
    detectedSource: "manual",
    declared: 20,
    acknowledged: 22,
    mitigated: 30,
    resolved: 90,
    services: [["api", "partial_outage"]],
    roles: [
      ["ada", "commander"],
      ["bo", "responder"],
    ],
    postmortem: { status: "published", publishedAt: "2026-03-18T09:00:00Z", factors: ["deploy"] },
    actions: [
      { due: "2026-04-10", status: "done", created: "2026-03-12T09:00:00Z", completed: "2026-04-12T09:00:00Z", owner: "ada" },
      { due: "2026-04-15", status: "open", created: "2026-03-12T09:00:00Z", owner: "ada" },
    ],
  },
  {
    key: "C",
    severity: "SEV3",
    startedAt: "2026-03-28T10:00:00Z",
    detected: null,
    declared: 5,
    acknowledged: 5,
    mitigated: 10,
    resolved: 40,
    services: [["web", "degraded"]],
    roles: [["bo", "commander"]],
    postmortem: { status: "draft", factors: ["config"] },
    actions: [{ due: "2026-04-20", status: "wont_do", created: "2026-03-29T09:00:00Z", completed: "2026-04-18T09:00:00Z" }],
  },
  // Declared 16:30 UTC on Monday 30 March = 18:30 CEST: out of hours only in the organisation's zone.
  {
    key: "D",
    severity: "SEV2",
    startedAt: "2026-03-30T16:00:00Z",
    detected: 10,
    declared: 30,
    acknowledged: 31,
    mitigated: null,
    resolved: 200,
    services: [["web", "full_outage"]],
    roles: [["bo", "commander"]],
    actions: [{ due: "2026-06-30", status: "open", created: "2026-04-01T09:00:00Z", owner: "bo" }],
  },
  // Sunday 19 April 22:30 UTC = Monday 00:30 CEST: the week of 20 April, and out of hours.
  {
    key: "E",
    severity: "SEV4",
    startedAt: "2026-04-19T22:30:00Z",
    detected: 0,
    declared: 0,
    acknowledged: null,
    mitigated: null,
    resolved: null,
    roles: [["ada", "commander"]],
  },
  {
    key: "F",
    severity: "SEV1",
    startedAt: "2026-04-01T10:00:00Z",
    drill: true,
    detected: 1,
    declared: 2,
    acknowledged: 3,
    mitigated: 4,
    resolved: 5,
    services: [["api", "full_outage"]],
  },
  { key: "G", severity: "SEV1", startedAt: "2026-04-10T10:00:00Z", private: true, detected: 1, declared: 2, acknowledged: 3, mitigated: 4, resolved: 5 },
  // Previous period.
  {
    key: "P1",
    severity: "SEV2",
    startedAt: "2026-01-15T10:00:00Z",
    detected: 5,
    declared: 5,
    acknowledged: 10,
    mitigated: 100,
    resolved: 300,
    services: [["api", "full_outage"]],
    roles: [["ada", "commander"]],
    postmortem: { status: "published", publishedAt: "2026-01-16T10:00:00Z", factors: ["config"] },
    actions: [{ due: "2026-02-15", status: "done", created: "2026-01-20T09:00:00Z", completed: "2026-02-14T09:00:00Z", owner: "ada" }],
  },
  {
    key: "P2",
    severity: "SEV3",
    startedAt: "2026-02-10T10:00:00Z",
    detected: 3,
    declared: 3,
    acknowledged: 4,
    mitigated: 50,
    resolved: 60,
    services: [["web", "degraded"]],
    roles: [["bo", "commander"]],
    postmortem: { status: "published", publishedAt: "2026-02-11T10:00:00Z", factors: ["deploy"] },
  },
];

/** Writes teams (Payments owns api, Platform owns web), an SLO on api, two factors and the incidents. Returns ids by key. */
export async function insertInsightsFixture(db: Db, people: FixturePeople): Promise<Record<string, number>> {
  const t0 = Date.parse("2025-12-01T00:00:00Z");
  const payments = (await db.insert(teams).values({ name: "Payments", createdAt: t0, updatedAt: t0 }).returning())[0]!;
  const platform = (await db.insert(teams).values({ name: "Platform", createdAt: t0, updatedAt: t0 }).returning())[0]!;
  await db.insert(teamMembers).values([
    { teamId: payments.id, userId: people.ada, addedAt: t0 },
    { teamId: platform.id, userId: people.bo, addedAt: t0 },
  ]);
  const api = (
    await db.insert(services).values({ slug: "api", name: "Public API", teamId: payments.id, tier: 1, createdAt: t0, updatedAt: t0 }).returning()
  )[0]!;
  const web = (await db.insert(services).values({ slug: "web", name: "Web app", teamId: platform.id, tier: 2, createdAt: t0, updatedAt: t0 }).returning())[0]!;
  await db.insert(slos).values({ serviceId: api.id, name: "Availability", objective: 99.9, windowDays: 28, createdAt: t0, updatedAt: t0 });
  const deploy = (await db.insert(contributingFactors).values({ name: "Change / deploy", createdAt: t0 }).returning())[0]!;
  const config = (await db.insert(contributingFactors).values({ name: "Configuration", createdAt: t0 }).returning())[0]!;
  const serviceIds = { api: api.id, web: web.id };
  const factorIds = { deploy: deploy.id, config: config.id };

  const ids: Record<string, number> = {};
  for (const spec of FIXTURE_INCIDENTS) {
    const start = Date.parse(spec.startedAt);
    const at = (m: number | null | undefined) => (m === null || m === undefined ? null : start + m * MIN);
    const resolvedAt = at(spec.resolved);
    const row = (
      await db
        .insert(incidents)
        .values({
          title: `Incident ${spec.key}`,
          severity: spec.severity,
          status: resolvedAt !== null ? "resolved" : "investigating",
          private: spec.private ?? false,
          drill: spec.drill ?? false,
          startedAt: start,
          startedAtSource: spec.startedSource ?? "status_change",
          detectedAt: at(spec.detected),
          detectedAtSource: spec.detected === null ? null : (spec.detectedSource ?? "status_change"),
          declaredAt: at(spec.declared)!,
          acknowledgedAt: at(spec.acknowledged),
          acknowledgedAtSource: spec.acknowledged == null ? null : "status_change",
          mitigatedAt: at(spec.mitigated),
          mitigatedAtSource: spec.mitigated == null ? null : "status_change",
          resolvedAt,
          resolvedAtSource: resolvedAt === null ? null : "status_change",
          createdById: people.admin,
          updatedAt: start,
        })
        .returning()
    )[0]!;
    ids[spec.key] = row.id;
    for (const [slug, impact] of spec.services ?? [])
      await db.insert(incidentServices).values({ incidentId: row.id, serviceId: serviceIds[slug], impact, linkedAt: start });
    for (const [person, role] of spec.roles ?? [])
      await db.insert(incidentRoles).values({ incidentId: row.id, userId: people[person], role, assignedAt: start });
    if (spec.postmortem) {
      const publishedAt = spec.postmortem.publishedAt ? Date.parse(spec.postmortem.publishedAt) : null;
      const pm = (
        await db
          .insert(postmortems)
          .values({ incidentId: row.id, status: spec.postmortem.status, createdAt: start + DAY / 2, updatedAt: publishedAt ?? start, publishedAt })
          .returning()
      )[0]!;
      for (const f of spec.postmortem.factors) await db.insert(postmortemFactors).values({ postmortemId: pm.id, factorId: factorIds[f] });
    }
    for (const a of spec.actions ?? []) {
      const created = Date.parse(a.created);
      await db.insert(actionItems).values({
        incidentId: row.id,
        title: `Action for ${spec.key} due ${a.due}`,
        ownerId: a.owner ? people[a.owner] : null,
        dueDate: a.due,
        priority: "P2",
        kind: "prevent",
        status: a.status,
        createdAt: created,
        updatedAt: created,
        completedAt: a.completed ? Date.parse(a.completed) : null,
      });
    }
  }
  // Rows written directly, not through the commands: their facts are filled the way a backfill would.
  await reconcileIncidentFacts(db);
  await rebuildAllSpend(db);
  return ids;
}
