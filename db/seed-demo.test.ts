import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq, sql } from "drizzle-orm";
import { timestampOrderErrors } from "@/lib/incident-timestamps";
import { isActive } from "@/lib/incident-status";
import { verifyPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "@/lib/demo/people";
import { createTestDb, rejected, userActor, type TestDb } from "./testing/test-db";
import { auditLog, incidentRoles, incidents, timelineEntries, users, type Incident } from "./schema";
import { DemoSeedRefused, seedDemo, type DemoSeedResult } from "./seed/demo";
import { getIncident, listIncidents } from "./queries/incidents";
import { listTimeline } from "./queries/timeline";

const NOW = Date.UTC(2026, 10, 25, 12, 0);
const DAY = 24 * 60 * 60 * 1000;

let t: TestDb;
let result: DemoSeedResult;
let all: Incident[];

beforeAll(async () => {
  process.env.HINDSIGHT_ADMIN_EMAIL = "first-admin@example.test";
  process.env.HINDSIGHT_ADMIN_PASSWORD = "first-admin-password";
  t = createTestDb();
  result = await seedDemo({ now: NOW, log: () => {} });
  all = t.db.select().from(incidents).orderBy(asc(incidents.id)).all();
}, 60_000);
afterAll(() => {
  delete process.env.HINDSIGHT_ADMIN_EMAIL;
  delete process.env.HINDSIGHT_ADMIN_PASSWORD;
  t.cleanup();
});

const actorFor = (email: string) => {
  const user = t.db.select().from(users).where(eq(users.email, email)).get()!;
  return userActor(user);
};

describe("seedDemo", () => {
  it("creates the first admin and the demo people, all with the demo password", async () => {
    const rows = t.db.select().from(users).all();
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
      expect(incident.acknowledgedAt).toBe(incident.declaredAt);
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

  it("gives every incident a timeline that starts with its declaration and a commander", () => {
    for (const incident of all) {
      const entries = t.db
        .select()
        .from(timelineEntries)
        .where(eq(timelineEntries.incidentId, incident.id))
        .orderBy(asc(timelineEntries.occurredAt), asc(timelineEntries.id))
        .all();
      expect(entries.length, incident.title).toBeGreaterThanOrEqual(3);
      const declaration = entries.find((e) => e.kind === "status" && JSON.parse(e.meta!).from === null)!;
      expect(declaration.occurredAt).toBe(incident.declaredAt);
      expect(entries.some((e) => e.kind === "note")).toBe(true);
      for (const entry of entries) {
        expect(entry.occurredAt).toBeLessThanOrEqual(NOW);
        expect(entry.createdAt).toBeGreaterThanOrEqual(entry.occurredAt);
        expect(entry.authorUserId).not.toBeNull();
      }
      // The last status entry leads to the current status.
      const moves = entries.filter((e) => e.kind === "status").map((e) => JSON.parse(e.meta!));
      expect(moves.at(-1)!.to, incident.title).toBe(incident.status);
      const roles = t.db.select().from(incidentRoles).where(eq(incidentRoles.incidentId, incident.id)).all();
      expect(roles.filter((r) => r.role === "commander")).toHaveLength(1);
    }
    expect(result.timelineEntries).toBe(t.db.select({ n: sql<number>`count(*)` }).from(timelineEntries).get()!.n);
  });

  it("includes severity changes, role assignments and a reopened incident", () => {
    const kinds = t.db.select({ kind: timelineEntries.kind, meta: timelineEntries.meta }).from(timelineEntries).all();
    expect(kinds.filter((k) => k.kind === "severity").length).toBeGreaterThanOrEqual(3);
    const roleFields = kinds.filter((k) => k.kind === "role").map((k) => JSON.parse(k.meta!).field);
    expect(roleFields).toEqual(expect.arrayContaining(["communications", "scribe", "responder"]));
    expect(kinds.some((k) => k.kind === "status" && JSON.parse(k.meta!).from === "resolved" && JSON.parse(k.meta!).to === "investigating")).toBe(true);
  });

  it("writes an audit record for each declaration", () => {
    const declares = t.db.select().from(auditLog).where(eq(auditLog.action, "incident.declare")).all();
    expect(declares).toHaveLength(all.length);
  });

  it("works through the app's own queries, private incidents included", () => {
    const viewer = actorFor(DEMO_PEOPLE.find((p) => p.role === "viewer")!.email);
    const admin = actorFor(DEMO_PEOPLE.find((p) => p.role === "admin")!.email);
    const privateOnes = all.filter((i) => i.private);
    const seenByViewer = listIncidents({ actor: viewer, query: { limit: "200" } }).items;
    expect(seenByViewer).toHaveLength(all.length - privateOnes.length);
    expect(isActive(seenByViewer[0]!.status)).toBe(true);
    expect(seenByViewer[0]!.commander).not.toBeNull();
    expect(listIncidents({ actor: admin, query: { limit: "200" } }).items).toHaveLength(all.length);
    for (const incident of privateOnes) {
      expect(() => getIncident({ actor: viewer, incidentId: incident.id })).toThrow(/not found/);
      const commander = t.db.select().from(users).where(eq(users.id, incident.createdById!)).get()!;
      expect(listTimeline({ actor: userActor(commander), incidentId: incident.id }).length).toBeGreaterThan(3);
    }
  });

  it("refuses to run on a database that already has incidents, changing nothing", async () => {
    const before = t.db.select({ n: sql<number>`count(*)` }).from(incidents).get()!.n;
    const error = await rejected(() => seedDemo({ now: NOW, log: () => {} }));
    expect(error).toBeInstanceOf(DemoSeedRefused);
    expect(error.message).toMatch(/already has \d+ incidents/);
    expect(t.db.select({ n: sql<number>`count(*)` }).from(incidents).get()!.n).toBe(before);
  });
});
