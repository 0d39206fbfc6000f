import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, sql } from "drizzle-orm";
import { timestampOrderErrors } from "@/lib/incident-timestamps";
import { isActive } from "@/lib/incident-status";
import { verifyPassword } from "@/server/auth/password";
import { DEMO_ALERT_TOKEN, DEMO_PASSWORD, DEMO_PEOPLE } from "@/db/seed/demo/people";
import { percentile } from "@/lib/insights/percentile";
import { createTestDb, rejected, userActor, type TestDb } from "../../testing/test-db";
import { computeBudget, impactEnd, needsPostmortem, type BudgetStatus, type ImpactWindow } from "@/lib/error-budget";
import { DEMO_INCIDENT_SERVICES, DEMO_SERVICES } from "@/db/seed/demo/catalog";
import { planDemo } from "@/db/seed/demo/plan";
import { actionItems } from "../../schema/action-items";
import { auditLog } from "../../schema/audit";
import { contributingFactors } from "../../schema/factors";
import { incidentRoles, incidents, type Incident } from "../../schema/incidents";
import { postmortemComments, postmortemFactors, postmortemReviewers, postmortems } from "../../schema/postmortems";
import { incidentServices, services } from "../../schema/services";
import { sloSpendOverrides, slos } from "../../schema/slos";
import { teamMembers, teams } from "../../schema/teams";
import { timelineEntries } from "../../schema/timeline";
import { apiTokens } from "../../schema/tokens";
import { users } from "../../schema/users";
import { completedOnTime, isIsoDate, isOverdue, todayIn } from "@/lib/action-items";
import { addBusinessDays } from "@/lib/business-days";
import { findBlameHints } from "@/lib/blameless-hints";
import { publishCheck } from "@/lib/postmortem-publish-gate";
import { parseNoActionItemsReason } from "@/lib/postmortem-action-items";
import { POSTMORTEM_DUE_BUSINESS_DAYS, postmortemDueState, postmortemRequired } from "@/lib/postmortem-due";
import { DEFAULT_FACTORS, REVIEW_CHECKLIST, SECTION_KEYS } from "@/lib/postmortem-template";
import { DemoSeedRefused, seedDemo, type DemoSeedResult } from "./seed-demo";
import { getIncident } from "../../queries/incidents/detail";
import { listIncidents } from "../../queries/incidents/list";
import { listTimeline } from "../../queries/incidents/timeline";
import { incidentSloSpend } from "../../queries/incidents/slo-spend";

const NOW = Date.UTC(2026, 10, 25, 12, 0);
const DAY = 24 * 60 * 60 * 1000;

let t: TestDb;
let result: DemoSeedResult;
let all: Incident[];

beforeAll(async () => {
  process.env.HINDSIGHT_ADMIN_EMAIL = "first-admin@example.test";
  process.env.HINDSIGHT_ADMIN_PASSWORD = "first-admin-password";
  t = await createTestDb();
  result = await seedDemo({ now: NOW, log: () => {} });
  all = await t.db.select().from(incidents).orderBy(asc(incidents.id));
}, 60_000);
afterAll(async () => {
  delete process.env.HINDSIGHT_ADMIN_EMAIL;
  delete process.env.HINDSIGHT_ADMIN_PASSWORD;
  await t.cleanup();
});

const actorFor = async (email: string) => {
  const user = (await t.db.select().from(users).where(eq(users.email, email)))[0]!;
  return userActor(user);
};

describe("seedDemo", () => {
  it("creates the first admin and the demo people, all with the demo password", async () => {
    const rows = await t.db.select().from(users);
    expect(rows.map((u) => u.email)).toContain("first-admin@example.test");
    expect(rows).toHaveLength(DEMO_PEOPLE.length + 1);
    expect(result.people.every((p) => p.created)).toBe(true);
    const roles = rows.map((u) => u.role);
    expect(roles.filter((r) => r === "admin").length).toBeGreaterThanOrEqual(2);
    expect(roles.filter((r) => r === "responder").length).toBeGreaterThanOrEqual(4);
    expect(roles.filter((r) => r === "viewer").length).toBeGreaterThanOrEqual(2);
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(12);
    const viewer = rows.find((u) => u.role === "viewer")!;
    expect(await verifyPassword(viewer.passwordHash, DEMO_PASSWORD)).toBe(true);
  });

  it("creates about 40 incidents over the last six months with a severity mix", () => {
    expect(all.length).toBe(result.incidents);
    expect(all.length).toBeGreaterThanOrEqual(35);
    expect(all.length).toBeLessThanOrEqual(50);
    const oldest = Math.min(...all.map((i) => i.declaredAt));
    expect(oldest).toBeGreaterThan(NOW - 185 * DAY);
    expect(oldest).toBeLessThan(NOW - 150 * DAY);
    const count = (severity: string) => all.filter((i) => i.severity === severity).length;
    expect(count("SEV1")).toBeGreaterThanOrEqual(1);
    expect(count("SEV1")).toBeLessThan(count("SEV2"));
    expect(count("SEV3")).toBeGreaterThanOrEqual(5);
    expect(count("SEV4")).toBeGreaterThanOrEqual(3);
  });

  it("references grow with declaration time", () => {
    const times = all.map((i) => i.declaredAt);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it("keeps every incident's timestamps in order, none in the future", () => {
    for (const incident of all) {
      expect(timestampOrderErrors(incident, NOW), incident.title).toEqual({});
      for (const value of [incident.startedAt, incident.detectedAt, incident.declaredAt, incident.mitigatedAt, incident.resolvedAt, incident.closedAt]) {
        if (value !== null) expect(value, incident.title).toBeLessThanOrEqual(NOW);
      }
      expect(incident.startedAt).toBeLessThanOrEqual(incident.detectedAt!);
      expect(incident.detectedAt!).toBeLessThanOrEqual(incident.declaredAt);
      if (incident.mitigatedAt !== null && incident.resolvedAt !== null) expect(incident.mitigatedAt).toBeLessThanOrEqual(incident.resolvedAt);
      if (incident.closedAt !== null) expect(incident.resolvedAt).not.toBeNull();
    }
  });

  it("keeps timestamps consistent with status, with the right sources", () => {
    for (const incident of all) {
      const open = isActive(incident.status);
      expect(incident.resolvedAt === null, incident.title).toBe(open);
      expect(incident.closedAt !== null, incident.title).toBe(incident.status === "closed");
      if (incident.status === "monitoring") expect(incident.mitigatedAt).not.toBeNull();
      const expectedSources = incident.startedAt < incident.declaredAt ? ["backdated", "manual"] : ["status_change"];
      expect(expectedSources, incident.title).toContain(incident.startedAtSource);
      // Declared by a person: acknowledged then; by the alerting integration: when someone took it.
      if (incident.createdByTokenId === null) expect(incident.acknowledgedAt, incident.title).toBe(incident.declaredAt);
      else expect(incident.acknowledgedAt!, incident.title).toBeGreaterThan(incident.declaredAt);
      expect(incident.acknowledgedAtSource, incident.title).toBe("status_change");
      for (const field of ["mitigated", "resolved", "closed"] as const) {
        expect(incident[`${field}AtSource`] === null, `${incident.title} ${field}`).toBe(incident[`${field}At`] === null);
      }
    }
    expect(all.some((i) => i.startedAtSource === "backdated")).toBe(true);
    expect(all.some((i) => i.startedAtSource === "manual")).toBe(true);
    expect(all.filter((i) => i.detectedAt! > i.startedAt).length).toBeGreaterThan(10);
  });

  it("has a couple of open incidents from the last day, closed older ones, private ones and a drill", () => {
    const open = all.filter((i) => isActive(i.status));
    expect(open.length).toBeGreaterThanOrEqual(2);
    for (const incident of open) expect(incident.declaredAt).toBeGreaterThan(NOW - DAY);
    expect(open.map((i) => i.status)).toEqual(expect.arrayContaining(["investigating", "monitoring"]));
    expect(all.filter((i) => i.status === "closed").length).toBeGreaterThan(20);
    for (const incident of all.filter((i) => i.status === "closed")) expect(incident.closedAt!).toBeLessThan(NOW);
    expect(all.filter((i) => i.private).length).toBeGreaterThanOrEqual(1);
    expect(all.filter((i) => i.drill)).toHaveLength(1);
  });

  it("gives every incident a timeline that starts with its declaration and a commander", async () => {
    for (const incident of all) {
      const entries = await t.db
        .select()
        .from(timelineEntries)
        .where(eq(timelineEntries.incidentId, incident.id))
        .orderBy(asc(timelineEntries.occurredAt), asc(timelineEntries.id));
      expect(entries.length, incident.title).toBeGreaterThanOrEqual(3);
      const declaration = entries.find((e) => e.kind === "status" && JSON.parse(e.meta!).from === null)!;
      expect(declaration.occurredAt).toBe(incident.declaredAt);
      expect(entries.some((e) => e.kind === "note")).toBe(true);
      for (const entry of entries) {
        expect(entry.occurredAt).toBeLessThanOrEqual(NOW);
        expect(entry.createdAt).toBeGreaterThanOrEqual(entry.occurredAt);
        // A person or, for what the alerting integration did, its token: never both, never neither.
        expect((entry.authorUserId === null) !== (entry.authorTokenId === null), entry.body).toBe(true);
      }
      // The last status entry leads to the current status.
      const moves = entries.filter((e) => e.kind === "status").map((e) => JSON.parse(e.meta!));
      expect(moves.at(-1)!.to, incident.title).toBe(incident.status);
      const roles = await t.db.select().from(incidentRoles).where(eq(incidentRoles.incidentId, incident.id));
      expect(roles.filter((r) => r.role === "commander")).toHaveLength(1);
    }
    expect(result.timelineEntries).toBe((await t.db.select({ n: sql<number>`count(*)` }).from(timelineEntries))[0]!.n);
  });

  it("includes severity changes, role assignments and a reopened incident", async () => {
    const kinds = await t.db.select({ kind: timelineEntries.kind, meta: timelineEntries.meta }).from(timelineEntries);
    expect(kinds.filter((k) => k.kind === "severity").length).toBeGreaterThanOrEqual(3);
    const roleFields = kinds.filter((k) => k.kind === "role").map((k) => JSON.parse(k.meta!).field);
    expect(roleFields).toEqual(expect.arrayContaining(["communications", "scribe", "responder"]));
    expect(kinds.some((k) => k.kind === "status" && JSON.parse(k.meta!).from === "resolved" && JSON.parse(k.meta!).to === "investigating")).toBe(true);
  });

  it("writes an audit record for each declaration", async () => {
    const declares = await t.db.select().from(auditLog).where(eq(auditLog.action, "incident.declare"));
    expect(declares).toHaveLength(all.length);
  });

  it("works through the app's own queries, private incidents included", async () => {
    const viewer = await actorFor(DEMO_PEOPLE.find((p) => p.role === "viewer")!.email);
    const admin = await actorFor(DEMO_PEOPLE.find((p) => p.role === "admin")!.email);
    const privateOnes = all.filter((i) => i.private);
    const seenByViewer = (await listIncidents({ actor: viewer, query: { limit: "200" } })).items;
    expect(seenByViewer).toHaveLength(all.length - privateOnes.length);
    expect(isActive(seenByViewer[0]!.status)).toBe(true);
    expect(seenByViewer[0]!.commander).not.toBeNull();
    expect((await listIncidents({ actor: admin, query: { limit: "200" } })).items).toHaveLength(all.length);
    for (const incident of privateOnes) {
      await expect(getIncident({ actor: viewer, incidentId: incident.id })).rejects.toThrow(/not found/);
      const role = (
        await t.db
          .select()
          .from(incidentRoles)
          .where(and(eq(incidentRoles.incidentId, incident.id), eq(incidentRoles.role, "commander")))
      )[0]!;
      const commander = (await t.db.select().from(users).where(eq(users.id, role.userId)))[0]!;
      expect((await listTimeline({ actor: userActor(commander), incidentId: incident.id })).length).toBeGreaterThan(3);
    }
  });

  it("refuses to run on a database that already has incidents, changing nothing", async () => {
    const before = (await t.db.select({ n: sql<number>`count(*)` }).from(incidents))[0]!.n;
    const error = await rejected(() => seedDemo({ now: NOW, log: () => {} }));
    expect(error).toBeInstanceOf(DemoSeedRefused);
    expect(error.message).toMatch(/already has \d+ incidents/);
    expect((await t.db.select({ n: sql<number>`count(*)` }).from(incidents))[0]!.n).toBe(before);
  });
});

/** Every SLO's status at `now`, computed straight from the rows with lib/error-budget.ts. */
async function statusesFromRows(now: number) {
  const links = await t.db
    .select({ incident: incidents, serviceId: incidentServices.serviceId, impact: incidentServices.impact })
    .from(incidentServices)
    .innerJoin(incidents, eq(incidents.id, incidentServices.incidentId));
  const overrides = await t.db.select().from(sloSpendOverrides);
  return (await t.db.select({ slo: slos, slug: services.slug }).from(slos).innerJoin(services, eq(services.id, slos.serviceId))).map(({ slo, slug }) => {
    const impacts: ImpactWindow[] = links
      .filter((l) => l.serviceId === slo.serviceId)
      .map((l) => ({
        incidentId: l.incident.id,
        startedAt: l.incident.startedAt,
        endedAt: impactEnd(l.incident),
        impact: l.impact,
        drill: l.incident.drill,
        overrideMinutes: overrides.find((o) => o.incidentId === l.incident.id && o.sloId === slo.id)?.minutes ?? null,
      }));
    return { name: `${slug} · ${slo.name}`, budget: computeBudget({ objective: slo.objective, windowDays: slo.windowDays, impacts, now }) };
  });
}

describe("seedDemo: teams, services, SLOs and budgets", () => {
  it("creates four teams with members and a dozen services across tiers, each with 1–2 SLOs", async () => {
    const teamRows = await t.db.select().from(teams);
    expect(teamRows).toHaveLength(4);
    for (const team of teamRows) expect((await t.db.select().from(teamMembers).where(eq(teamMembers.teamId, team.id))).length).toBeGreaterThanOrEqual(2);
    const serviceRows = await t.db.select().from(services);
    expect(serviceRows.length).toBeGreaterThanOrEqual(11);
    expect(serviceRows.length).toBeLessThanOrEqual(14);
    expect(new Set(serviceRows.map((s) => s.tier))).toEqual(new Set([1, 2, 3]));
    for (const service of serviceRows) {
      expect(service.teamId, service.slug).not.toBeNull();
      expect(service.runbookUrl, service.slug).toMatch(/^https:\/\//);
      const mine = await t.db.select().from(slos).where(eq(slos.serviceId, service.id));
      expect(mine.length, service.slug).toBeGreaterThanOrEqual(1);
      expect(mine.length, service.slug).toBeLessThanOrEqual(2);
      for (const slo of mine) {
        expect([99.5, 99.9, 99.95]).toContain(slo.objective);
        expect([28, 30]).toContain(slo.windowDays);
      }
    }
    expect(result).toMatchObject({ teams: 4, services: serviceRows.length, slos: (await t.db.select().from(slos)).length });
  });

  it("links the demo incidents to services, with a timeline entry for each link", async () => {
    const links = await t.db.select().from(incidentServices);
    const linkedIncidents = new Set(links.map((l) => l.incidentId));
    expect(linkedIncidents.size).toBeGreaterThanOrEqual(30);
    // Everything of the last 30 days affected some service.
    for (const incident of all.filter((i) => i.startedAt > NOW - 30 * DAY)) expect(linkedIncidents.has(incident.id), incident.title).toBe(true);
    expect(new Set(links.map((l) => l.impact))).toEqual(new Set(["degraded", "partial_outage", "full_outage"]));
    const serviceEntries = await t.db.select().from(timelineEntries).where(eq(timelineEntries.kind, "service"));
    expect(serviceEntries.filter((e) => JSON.parse(e.meta!).field === "service")).toHaveLength(links.length);
    expect(await t.db.select().from(sloSpendOverrides)).toHaveLength(2);
  });

  it("leaves budgets healthy, some at risk and exactly one exhausted at seed time", async () => {
    const statuses = await statusesFromRows(NOW);
    const named = (status: BudgetStatus) => statuses.filter((s) => s.budget.status === status).map((s) => s.name);
    expect(named("healthy").length).toBeGreaterThanOrEqual(5);
    expect(named("at_risk")).toEqual(expect.arrayContaining(["payments-api · Card authorisation success", "feature-flags · Evaluation under 50 ms"]));
    expect(named("exhausted")).toEqual(["auth-service · Sign-in success"]);
  });

  it("shows on the incident pages: the open SSO incident exhausted a budget and needs a postmortem", async () => {
    const admin = await actorFor(DEMO_PEOPLE.find((p) => p.role === "admin")!.email);
    const find = (title: string) => all.find((i) => i.title === title)!;
    const sso = find("Intermittent login timeouts for SSO (SAML) customers");
    const spend = await incidentSloSpend({ actor: admin, incidentId: sso.id, now: NOW });
    expect(spend).toEqual([expect.objectContaining({ serviceSlug: "auth-service", status: "exhausted", pushed: true })]);
    expect(
      needsPostmortem(
        sso.severity,
        spend.filter((s) => s.pushed).map((s) => s.status),
        sso.drill,
      ),
    ).toBe(true);

    const payments = await incidentSloSpend({ actor: admin, incidentId: find("Payments API elevated 5xx in eu-west-1").id, now: NOW });
    expect(payments.find((s) => s.sloName === "Card authorisation success")).toMatchObject({
      status: "at_risk",
      pushed: true,
      spentMinutes: 16,
      overridden: { minutes: 16 },
    });
    expect(payments.find((s) => s.sloName !== "Card authorisation success")).toMatchObject({ status: "healthy", pushed: false });
  });

  it("gives the same picture whatever the time of day the seed runs", () => {
    // Pure replay of the plan and the catalogue, so a seed at 01:00 or 23:30 UTC looks the same.
    for (let hour = 0; hour < 24; hour += 1.5) {
      const now = Date.UTC(2026, 10, 25) + hour * 60 * 60 * 1000;
      const plan = planDemo(now);
      const statuses: string[] = [];
      const exhausted: string[] = [];
      for (const service of DEMO_SERVICES) {
        for (const slo of service.slos) {
          const impacts: ImpactWindow[] = plan.flatMap((incident, index) => {
            const spec = DEMO_INCIDENT_SERVICES[incident.title];
            const link = spec?.links.find((l) => l.service === service.slug);
            if (!link) return [];
            const override = spec!.overrides?.find((o) => o.service === service.slug && o.slo === slo.name);
            return [
              {
                incidentId: index + 1,
                startedAt: incident.startedAt,
                endedAt: impactEnd(incident),
                impact: link.impact,
                drill: incident.drill,
                overrideMinutes: override?.minutes ?? null,
              },
            ];
          });
          const status = computeBudget({ objective: slo.objective, windowDays: slo.windowDays, impacts, now }).status;
          statuses.push(status);
          if (status === "exhausted") exhausted.push(`${service.slug} · ${slo.name}`);
        }
      }
      expect(exhausted, `seeded at ${hour}:00 UTC`).toEqual(["auth-service · Sign-in success"]);
      expect(statuses.filter((s) => s === "at_risk").length, `seeded at ${hour}:00 UTC`).toBeGreaterThanOrEqual(2);
    }
  });
});

describe("seedDemo: incidents declared by the alerting integration", () => {
  const token = async () => (await t.db.select().from(apiTokens).where(eq(apiTokens.name, DEMO_ALERT_TOKEN.name)))[0]!;
  const alerted = () => all.filter((i) => i.createdByTokenId !== null);
  const entriesOf = async (incidentId: number) =>
    await t.db
      .select()
      .from(timelineEntries)
      .where(eq(timelineEntries.incidentId, incidentId))
      .orderBy(asc(timelineEntries.occurredAt), asc(timelineEntries.id));
  const ackMinutes = (i: Incident) => (i.acknowledgedAt! - i.declaredAt) / 60_000;
  const LABEL = `API token "${DEMO_ALERT_TOKEN.name}"`;

  it("has an Alertmanager API token, made by an admin before the first incident, last used by its latest declaration", async () => {
    const row = await token();
    expect(row).toMatchObject({ role: "responder", revokedAt: null });
    expect(row.prefix).toMatch(/^hs_/);
    const creator = (await t.db.select().from(users).where(eq(users.id, row.createdById!)))[0]!;
    expect(creator.role).toBe("admin");
    expect(row.createdAt).toBeLessThan(Math.min(...all.map((i) => i.declaredAt)));
    expect(row.lastUsedAt).toBe(Math.max(...alerted().map((i) => i.declaredAt)));
    expect(
      await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "token.create"), eq(auditLog.entityId, String(row.id)))),
    ).toHaveLength(1);
  });

  it("declared about a third of the incidents, mostly SEV2–SEV4 out of hours, and a couple of SEV1s", async () => {
    const real = all.filter((i) => !i.drill);
    const mine = alerted();
    expect(result.alertDeclared).toBe(mine.length);
    expect(mine.length / real.length).toBeGreaterThan(0.25);
    expect(mine.length / real.length).toBeLessThan(0.4);
    for (const incident of mine) {
      expect(incident.createdByTokenId, incident.title).toBe((await token()).id);
      expect(incident.createdById, incident.title).toBeNull();
      expect(incident.drill).toBe(false);
    }
    expect(mine.filter((i) => i.severity === "SEV1").length).toBeGreaterThanOrEqual(2);
    expect(mine.filter((i) => i.severity !== "SEV1").length).toBeGreaterThan(mine.length / 2);
    const outOfHours = mine.filter((i) => {
      const hour = new Date(i.declaredAt).getUTCHours();
      return hour < 9 || hour >= 18;
    });
    expect(outOfHours.length).toBeGreaterThan(mine.length / 2);
    // Both halves of the six months have some, and the open ones include one.
    expect(mine.some((i) => i.declaredAt < NOW - 90 * DAY)).toBe(true);
    expect(mine.some((i) => i.declaredAt > NOW - 90 * DAY)).toBe(true);
    expect(mine.some((i) => isActive(i.status))).toBe(true);
  });

  it("records them as the app does: declared by the token without a commander, acknowledged when a person takes command", async () => {
    for (const incident of alerted()) {
      const entries = await entriesOf(incident.id);
      const declaration = entries.find((e) => e.kind === "status" && JSON.parse(e.meta!).from === null)!;
      expect(declaration).toMatchObject({
        occurredAt: incident.declaredAt,
        authorTokenId: (await token()).id,
        authorUserId: null,
        authorLabel: LABEL,
        highlighted: true,
      });
      expect(declaration.body).toMatch(/^Declared SEV\d incident( \([a-z, ]+\))?: /);
      expect(declaration.body).not.toMatch(/incident commander/);
      const audit = (
        await t.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, "incident.declare"), eq(auditLog.entityId, String(incident.id))))
      )[0]!;
      expect(audit).toMatchObject({ actorTokenId: (await token()).id, actorUserId: null, actorLabel: LABEL });

      // Minutes to pick up the page: a few, some slower.
      expect(ackMinutes(incident), incident.title).toBeGreaterThanOrEqual(2);
      expect(ackMinutes(incident), incident.title).toBeLessThanOrEqual(40);
      expect(incident.acknowledgedAtSource).toBe("status_change");
      expect(incident.detectedAt!).toBeLessThanOrEqual(incident.declaredAt);
      expect(incident.version).toBeGreaterThanOrEqual(2);

      // The acknowledgement is the commander taking it, with its role entry by that person.
      const take = entries.find((e) => e.kind === "role" && JSON.parse(e.meta!).field === "commander")!;
      expect(take.occurredAt, incident.title).toBe(incident.acknowledgedAt);
      const taker = (await t.db.select().from(users).where(eq(users.id, take.authorUserId!)))[0]!;
      expect(JSON.parse(take.meta!)).toEqual({ field: "commander", from: null, to: taker.email });
      expect(take.body).toBe(`Incident commander: ${taker.name}`);
      expect(take.authorLabel).toBe(taker.name);
      const roles = await t.db.select().from(incidentRoles).where(eq(incidentRoles.incidentId, incident.id));
      expect(roles.find((r) => r.role === "commander")).toMatchObject({ userId: taker.id, assignedAt: incident.acknowledgedAt });
      // Whatever else the token wrote (services linked, checklists) is at declaration.
      for (const entry of entries.filter((e) => e.authorTokenId !== null)) {
        expect(entry.occurredAt, entry.body).toBe(incident.declaredAt);
        expect(entry.authorLabel).toBe(LABEL);
      }
    }
  });

  it("acknowledges every incident at the first action by a person (DESIGN.md)", async () => {
    for (const incident of all) {
      const byPeople = (await entriesOf(incident.id)).filter((e) => e.authorUserId !== null);
      expect(Math.min(...byPeople.map((e) => e.createdAt)), incident.title).toBe(incident.acknowledgedAt);
    }
  });

  it("works through the app's own queries: the token sees the private incident it declared, the commander shows", async () => {
    const tokenActor = { kind: "token" as const, tokenId: (await token()).id, role: (await token()).role, name: (await token()).name };
    const privateOne = alerted().find((i) => i.private)!;
    expect(privateOne).toBeDefined();
    expect((await listTimeline({ actor: tokenActor, incidentId: privateOne.id })).length).toBeGreaterThan(3);
    const admin = await actorFor(DEMO_PEOPLE.find((p) => p.role === "admin")!.email);
    const open = alerted().find((i) => isActive(i.status))!;
    expect((await getIncident({ actor: admin, incidentId: open.id })).people.some((p) => p.role === "commander")).toBe(true);
  });

  it("shows a time to acknowledge that improved a little over the last 90 days against the 90 before", () => {
    const period = (from: number, to: number) =>
      all
        .filter((i) => !i.drill && i.startedAt >= from && i.startedAt < to && i.acknowledgedAt !== null)
        .map(ackMinutes)
        .sort((a, b) => a - b);
    const recent = period(NOW - 90 * DAY, NOW);
    const before = period(NOW - 180 * DAY, NOW - 90 * DAY);
    const p90Recent = percentile(recent, 90)!;
    const p90Before = percentile(before, 90)!;
    expect(p90Before).toBeGreaterThan(5);
    expect(p90Recent).toBeGreaterThan(5);
    expect(p90Recent).toBeLessThan(p90Before);
    // Modest: better, not transformed.
    expect(p90Recent).toBeGreaterThan(p90Before * 0.6);
    // The alert-declared ones alone (what the figure's tail is made of) improved too.
    const alertedIn = (from: number, to: number) =>
      alerted()
        .filter((i) => i.startedAt >= from && i.startedAt < to)
        .map(ackMinutes)
        .sort((a, b) => a - b);
    expect(percentile(alertedIn(NOW - 90 * DAY, NOW), 50)!).toBeLessThan(percentile(alertedIn(NOW - 180 * DAY, NOW - 90 * DAY), 50)!);
  });
});

describe("seedDemo: postmortems and action items", () => {
  const pms = async () => await t.db.select().from(postmortems);
  const incidentOf = (id: number) => all.find((i) => i.id === id)!;
  const today = () => todayIn("UTC", NOW);
  const peopleNames = () => DEMO_PEOPLE.map((p) => p.name);

  it("has postmortems in every state, as the result says", async () => {
    const rows = await pms();
    const count = (status: string) => rows.filter((p) => p.status === status).length;
    expect(count("published")).toBeGreaterThanOrEqual(15);
    expect(count("in_review")).toBeGreaterThanOrEqual(2);
    expect(count("draft")).toBeGreaterThanOrEqual(2);
    expect(result.postmortems).toEqual({ published: count("published"), in_review: count("in_review"), draft: count("draft") });
    // Only on finished, non-drill incidents, and never on SEV4s.
    for (const pm of rows) {
      const incident = incidentOf(pm.incidentId);
      expect(incident.resolvedAt, incident.title).not.toBeNull();
      expect(incident.drill).toBe(false);
      expect(incident.severity).not.toBe("SEV4");
      expect(pm.createdAt).toBeGreaterThan(incident.resolvedAt!);
      expect(pm.updatedAt).toBeLessThanOrEqual(NOW);
    }
  });

  it("closes the incidents of published postmortems when they were published, some late", async () => {
    const published = (await pms()).filter((p) => p.status === "published");
    let late = 0;
    for (const pm of published) {
      const incident = incidentOf(pm.incidentId);
      expect(incident.status, incident.title).toBe("closed");
      expect(pm.publishedAt!).toBeGreaterThan(pm.submittedAt!);
      expect(pm.submittedAt!).toBeGreaterThan(pm.createdAt);
      expect(pm.publishedAt!).toBeLessThanOrEqual(incident.closedAt!);
      expect(incident.closedAt! - pm.publishedAt!).toBeLessThan(10 * 60_000);
      expect(pm.publishedById).not.toBeNull();
      expect(Object.values(parseJson(pm.reviewChecklist)).filter(Boolean)).toHaveLength(REVIEW_CHECKLIST.length);
      if (pm.publishedAt! > addBusinessDays(incident.resolvedAt!, POSTMORTEM_DUE_BUSINESS_DAYS)) late += 1;
    }
    expect(late).toBeGreaterThanOrEqual(3);
    expect(late).toBeLessThan(published.length / 2);
    // No postmortem waits on a closed incident.
    for (const pm of (await pms()).filter((p) => p.status !== "published")) expect(incidentOf(pm.incidentId).status).toBe("resolved");
  });

  it("leaves required SEV1/SEV2 incidents without a postmortem: one due, one overdue", async () => {
    const withPm = new Set((await pms()).map((p) => p.incidentId));
    const states = all
      .filter((i) => i.resolvedAt !== null && !withPm.has(i.id) && postmortemRequired(i.severity, i.drill))
      .map((i) => ({ title: i.title, state: postmortemDueState({ required: true, resolvedAt: i.resolvedAt, status: null, now: NOW }).state }));
    expect(states.map((s) => s.state).sort()).toEqual(["due", "overdue"]);
    for (const incident of all.filter((i) => i.status === "closed" && postmortemRequired(i.severity, i.drill))) {
      expect(withPm.has(incident.id), incident.title).toBe(true);
    }
  });

  it("writes every section of published postmortems, blamelessly, with factors and tags", async () => {
    const factorNames = new Map((await t.db.select().from(contributingFactors)).map((f) => [f.id, f.name]));
    expect([...factorNames.values()]).toEqual(expect.arrayContaining(DEFAULT_FACTORS.map((f) => f.name)));
    const texts = new Set<string>();
    for (const pm of (await pms()).filter((p) => p.status === "published")) {
      const sections = parseJson(pm.sections) as Record<string, string>;
      for (const key of SECTION_KEYS) expect(sections[key]?.trim().length, `${pm.id} ${key}`).toBeGreaterThan(0);
      const text = Object.values(sections).join("\n");
      expect(text).not.toMatch(/human error|should have|failed to/i);
      expect(findBlameHints(text, peopleNames()), incidentOf(pm.incidentId).title).toEqual([]);
      expect(sections.timeline).toMatch(/^- \*\*\d\d:\d\d UTC\*\* — /m);
      expect(sections.impact).toMatch(/\d/);
      texts.add(sections.root_causes!);
      const factors = await t.db.select().from(postmortemFactors).where(eq(postmortemFactors.postmortemId, pm.id));
      expect(factors.length).toBeGreaterThanOrEqual(1);
      expect((parseJson(pm.tags) as string[]).length).toBeGreaterThanOrEqual(1);
      expect((await t.db.select().from(postmortemReviewers).where(eq(postmortemReviewers.postmortemId, pm.id))).length).toBeGreaterThanOrEqual(1);
    }
    // Tailored to each incident, not one text reused.
    expect(texts.size).toBe((await pms()).filter((p) => p.status === "published").length);
  });

  it("publishes only postmortems that pass the publish gate, with no hint left to acknowledge", async () => {
    for (const pm of (await pms()).filter((p) => p.status === "published")) {
      const check = publishCheck({
        sections: parseJson(pm.sections),
        factorCount: (await t.db.select().from(postmortemFactors).where(eq(postmortemFactors.postmortemId, pm.id))).length,
        actionItemCount: (await t.db.select().from(actionItems).where(eq(actionItems.incidentId, pm.incidentId))).length,
        noActionItemsReason: parseNoActionItemsReason(pm.sections),
        people: peopleNames(),
      });
      expect(check, incidentOf(pm.incidentId).title).toMatchObject({ blockers: [], needsHintAcknowledgement: false });
    }
  });

  it("has reviewers, ticked checks and comments in review, and a draft with a blame hint", async () => {
    const inReview = (await pms()).filter((p) => p.status === "in_review");
    for (const pm of inReview) {
      expect((await t.db.select().from(postmortemReviewers).where(eq(postmortemReviewers.postmortemId, pm.id))).length).toBeGreaterThanOrEqual(1);
      const ticked = Object.values(parseJson(pm.reviewChecklist)).filter(Boolean).length;
      expect(ticked).toBeGreaterThanOrEqual(1);
      expect(ticked).toBeLessThan(REVIEW_CHECKLIST.length);
      expect(pm.submittedAt).not.toBeNull();
    }
    const comments = await t.db.select().from(postmortemComments);
    expect(comments.filter((c) => inReview.some((p) => p.id === c.postmortemId) && c.section !== "review").length).toBeGreaterThanOrEqual(2);
    expect(comments.some((c) => c.section === "review")).toBe(true);
    for (const comment of comments) expect(comment.createdAt).toBeLessThanOrEqual(NOW);
    const drafts = (await pms()).filter((p) => p.status === "draft");
    const draftTexts = drafts.map((p) => Object.values(parseJson(p.sections) as Record<string, string>).join("\n"));
    expect(draftTexts.some((text) => /human error/i.test(text))).toBe(true);
    // Partly written: some sections still empty.
    for (const pm of drafts) expect(Object.values(parseJson(pm.sections) as Record<string, string>).some((s) => s === "")).toBe(true);
  });

  it("writes postmortem timeline entries at the right moments", async () => {
    for (const pm of await pms()) {
      const entries = await t.db
        .select()
        .from(timelineEntries)
        .where(and(eq(timelineEntries.incidentId, pm.incidentId), eq(timelineEntries.kind, "postmortem")));
      expect(entries.find((e) => e.body === "Postmortem started")?.occurredAt).toBe(pm.createdAt);
      if (pm.submittedAt !== null) expect(entries.find((e) => e.body.startsWith("Postmortem sent for review"))?.occurredAt).toBe(pm.submittedAt);
      if (pm.status === "published") expect(entries.find((e) => e.body.startsWith("Postmortem published"))?.occurredAt).toBe(pm.publishedAt);
      else expect(entries.some((e) => e.body.startsWith("Postmortem published"))).toBe(false);
    }
  });

  it("creates about 60 action items: on time, late, overdue, in progress and won't do", async () => {
    const items = await t.db.select().from(actionItems);
    expect(items.length).toBe(result.actionItems);
    expect(items.length).toBeGreaterThanOrEqual(55);
    expect(items.length).toBeLessThanOrEqual(65);
    const onTime = items.filter((i) => completedOnTime(i, "UTC") === true);
    const late = items.filter((i) => completedOnTime(i, "UTC") === false);
    const overdueOpen = items.filter((i) => i.status === "open" && isOverdue(i, today()));
    expect(onTime.length).toBeGreaterThanOrEqual(10);
    expect(late.length).toBeGreaterThanOrEqual(3);
    expect(overdueOpen.length).toBeGreaterThanOrEqual(1);
    expect(items.filter((i) => i.status === "in_progress").length).toBeGreaterThanOrEqual(3);
    expect(items.filter((i) => i.status === "wont_do").length).toBeGreaterThanOrEqual(2);
    expect(items.filter((i) => i.status === "open" && !isOverdue(i, today())).length).toBeGreaterThanOrEqual(1);
    expect(new Set(items.map((i) => i.priority))).toEqual(new Set(["P1", "P2", "P3"]));
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(["prevent", "mitigate", "detect", "repair", "process"]));
    expect(items.filter((i) => i.trackerUrl !== null).length).toBeGreaterThanOrEqual(10);
    for (const i of items.filter((x) => x.trackerUrl)) expect(i.trackerUrl).toMatch(/^https:\/\/tracker\.example\.com\/OPS-\d+$/);
    expect(items.filter((i) => i.serviceId !== null).length).toBeGreaterThanOrEqual(30);
    for (const item of items) {
      expect(isIsoDate(item.dueDate)).toBe(true);
      expect(item.createdAt).toBeLessThanOrEqual(NOW);
      expect(item.createdAt).toBeGreaterThan(incidentOf(item.incidentId).resolvedAt!);
      expect(item.completedAt !== null, item.title).toBe(item.status === "done" || item.status === "wont_do");
      if (item.completedAt !== null) expect(item.completedAt).toBeLessThanOrEqual(NOW);
      // Owners are people who worked the incident.
      const roles = await t.db.select().from(incidentRoles).where(eq(incidentRoles.incidentId, item.incidentId));
      expect(
        roles.map((r) => r.userId),
        item.title,
      ).toContain(item.ownerId);
    }
  });

  it("gives every action item an 'added' timeline entry on its incident, and status changes their own", async () => {
    const entries = await t.db.select().from(timelineEntries).where(eq(timelineEntries.kind, "action_item"));
    for (const item of await t.db.select().from(actionItems)) {
      const mine = entries.filter((e) => JSON.parse(e.meta!).actionItemId === item.id);
      const added = mine.find((e) => e.body.startsWith(`Action item added: ${item.title}`));
      expect(added, item.title).toBeDefined();
      expect(added!.incidentId).toBe(item.incidentId);
      expect(added!.occurredAt).toBe(item.createdAt);
      expect(mine).toHaveLength(item.version);
    }
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test walks arbitrary stored JSON
const parseJson = (text: string): any => JSON.parse(text);
