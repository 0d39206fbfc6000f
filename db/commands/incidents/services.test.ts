import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { setUpTestDb, type TestUser, thrown } from "../../testing/test-db";
import { entriesOfKind } from "../../testing/incident-fixtures";
import { auditLog, incidents, incidentServices, sloSpendOverrides } from "../../schema";
import { createTeam, setTeamMember } from "../admin/teams";
import { createService } from "../catalogue/services";
import { createSlo } from "../catalogue/slos";
import { declareIncident } from "./declare";
import { getIncident } from "../../queries/incidents/detail";
import { listIncidents } from "../../queries/incidents/list";
import { incidentSloSpend } from "../../queries/incidents/slo-spend";
import { linkedServices } from "../../access/linked-services";
import { linkService, setSpendOverride, unlinkService } from "./services";
import { refreshSpendFor, spendSnapshot } from "../../access/slo-spend-segments";
import { listTimeline } from "../../queries/incidents/timeline";

const ctx = setUpTestDb();
let payMember: TestUser;
let outsider: TestUser;
let paymentsTeam: number;

const MIN = 60_000;

beforeAll(async () => {
  payMember = await ctx.t.createUser("viewer");
  outsider = await ctx.t.createUser("responder");
  paymentsTeam = (await createTeam({ actor: ctx.admin.actor, input: { name: "Payments" } })).id;
  const searchTeam = (await createTeam({ actor: ctx.admin.actor, input: { name: "Search" } })).id;
  await setTeamMember({ actor: ctx.admin.actor, teamId: paymentsTeam, userId: payMember.id, member: true });
  await setTeamMember({ actor: ctx.admin.actor, teamId: searchTeam, userId: outsider.id, member: true });
  await createService({ actor: ctx.admin.actor, input: { slug: "payments-api", name: "Payments API", tier: 1, teamId: paymentsTeam } });
  await createService({ actor: ctx.admin.actor, input: { slug: "search", name: "Search", tier: 2, teamId: searchTeam } });
  await createService({ actor: ctx.admin.actor, input: { slug: "status-page", name: "Status page", tier: 3 } });
});

const declare = async (input: Record<string, unknown> = {}, actor = ctx.responder.actor) =>
  (await declareIncident({ actor, input: { title: "Something broke", severity: "SEV3", ...input } })).incident;

const serviceEntries = (incidentId: number) => entriesOfKind(ctx.t.db, incidentId, "service");

const auditsFor = async (incidentId: number) =>
  (
    await ctx.t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "incident"), eq(auditLog.entityId, String(incidentId))))
      .orderBy(auditLog.id)
  ).filter((a) => a.action.startsWith("incident.service"));

describe("linking services to an incident", () => {
  it("link, change impact and unlink are each a timeline entry and an audit record", async () => {
    const incident = await declare();
    let items = await linkService({ actor: ctx.responder.actor, incidentId: incident.id, input: { service: "payments-api", impact: "partial_outage" } });
    expect(items.map((s) => [s.slug, s.impact])).toEqual([["payments-api", "partial_outage"]]);
    items = await linkService({ actor: ctx.responder.actor, incidentId: incident.id, input: { service: "Search", impact: "degraded" } });
    expect(items.map((s) => s.slug)).toEqual(["payments-api", "search"]);
    items = await linkService({ actor: ctx.responder.actor, incidentId: incident.id, input: { service: "payments-api", impact: "full_outage" } });
    expect(items.find((s) => s.slug === "payments-api")!.impact).toBe("full_outage");
    items = await unlinkService({ actor: ctx.responder.actor, incidentId: incident.id, slug: "search" });
    expect(items.map((s) => s.slug)).toEqual(["payments-api"]);

    expect((await serviceEntries(incident.id)).map((e) => e.body)).toEqual([
      "Affected service added: Payments API (Partial outage)",
      "Affected service added: Search (Degraded)",
      "Impact on Payments API changed from Partial outage to Full outage",
      "Affected service removed: Search (was Degraded)",
    ]);
    expect(JSON.parse((await serviceEntries(incident.id))[2]!.meta!)).toEqual({
      field: "service",
      service: "payments-api",
      from: "partial_outage",
      to: "full_outage",
    });
    const audits = await auditsFor(incident.id);
    expect(audits.map((a) => a.action)).toEqual(["incident.service_link", "incident.service_link", "incident.service_impact", "incident.service_unlink"]);
    expect(JSON.parse(audits[2]!.before!)).toEqual({ service: "payments-api", impact: "partial_outage" });
    expect(JSON.parse(audits[2]!.after!)).toEqual({ service: "payments-api", impact: "full_outage" });
    expect(audits[0]!.actorUserId).toBe(ctx.responder.id);
  });

  it("linking again with the same impact changes nothing", async () => {
    const incident = await declare();
    await linkService({ actor: ctx.responder.actor, incidentId: incident.id, input: { service: "search", impact: "degraded" } });
    await linkService({ actor: ctx.responder.actor, incidentId: incident.id, input: { service: "search", impact: "degraded" } });
    expect(await serviceEntries(incident.id)).toHaveLength(1);
    expect(await auditsFor(incident.id)).toHaveLength(1);
  });

  it("an unknown service is a 400 naming service; a bad impact or slug a 400 naming the field", async () => {
    const incident = await declare();
    const unknown = await thrown(() =>
      linkService({ actor: ctx.responder.actor, incidentId: incident.id, input: { service: "no-such-service", impact: "degraded" } }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.fields).toEqual({ service: 'Unknown service "no-such-service"' });
    expect(
      (await thrown(() => linkService({ actor: ctx.responder.actor, incidentId: incident.id, input: { service: "search", impact: "total" } }))).fields,
    ).toHaveProperty("impact");
    expect(
      (await thrown(() => linkService({ actor: ctx.responder.actor, incidentId: incident.id, input: { service: "bad slug!", impact: "degraded" } }))).fields,
    ).toHaveProperty("service");
    expect(
      (await thrown(() => linkService({ actor: ctx.responder.actor, incidentId: incident.id, input: { service: "search", impact: "degraded", why: 1 } })))
        .fields,
    ).toEqual({ why: "Unknown field" });
    expect(await linkedServices(ctx.t.db, incident.id)).toEqual([]);
    expect(await serviceEntries(incident.id)).toEqual([]);
  });

  it("viewers cannot link or unlink; unknown incidents and links are 404", async () => {
    const incident = await declare({ services: [{ service: "search", impact: "degraded" }] });
    expect(
      (await thrown(() => linkService({ actor: ctx.viewer.actor, incidentId: incident.id, input: { service: "payments-api", impact: "degraded" } }))).status,
    ).toBe(403);
    expect((await thrown(() => unlinkService({ actor: ctx.viewer.actor, incidentId: incident.id, slug: "search" }))).status).toBe(403);
    expect((await thrown(() => linkService({ actor: ctx.responder.actor, incidentId: 99999, input: { service: "search", impact: "degraded" } }))).status).toBe(
      404,
    );
    expect((await thrown(() => unlinkService({ actor: ctx.responder.actor, incidentId: incident.id, slug: "payments-api" }))).status).toBe(404);
    expect((await thrown(() => unlinkService({ actor: ctx.responder.actor, incidentId: incident.id, slug: "no-such-service" }))).status).toBe(404);
    expect((await linkedServices(ctx.t.db, incident.id)).map((s) => s.slug)).toEqual(["search"]);
  });

  it("declaring with services links each, with a timeline entry per service", async () => {
    const incident = await declare({
      services: [
        { service: "payments-api", impact: "full_outage" },
        { service: "STATUS-PAGE", impact: "degraded" },
      ],
    });
    expect((await linkedServices(ctx.t.db, incident.id)).map((s) => [s.slug, s.impact])).toEqual([
      ["payments-api", "full_outage"],
      ["status-page", "degraded"],
    ]);
    expect((await serviceEntries(incident.id)).map((e) => e.body)).toEqual([
      "Affected service added: Payments API (Full outage)",
      "Affected service added: Status page (Degraded)",
    ]);
    expect((await listTimeline({ actor: ctx.viewer.actor, incidentId: incident.id })).filter((e) => e.kind === "service")).toHaveLength(2);
  });

  it("declaring with an unknown service is a 400 naming it, and stores nothing", async () => {
    const before = (await ctx.t.db.select().from(incidents)).length;
    const error = await thrown(() =>
      declare({
        title: "Never stored",
        services: [
          { service: "search", impact: "degraded" },
          { service: "ghost", impact: "degraded" },
        ],
      }),
    );
    expect(error.status).toBe(400);
    expect(error.fields).toHaveProperty(["services.1.service"]);
    expect(await ctx.t.db.select().from(incidents)).toHaveLength(before);
  });

  it("filters the incident list by service", async () => {
    const on = await declare({ title: "On status page", services: [{ service: "status-page", impact: "partial_outage" }] });
    const off = await declare({ title: "Not on status page" });
    const ids = (await listIncidents({ actor: ctx.viewer.actor, query: { service: "status-page", limit: "200" } })).items.map((i) => i.id);
    expect(ids).toContain(on.id);
    expect(ids).not.toContain(off.id);
    expect((await listIncidents({ actor: ctx.viewer.actor, query: { service: "no-such-service" } })).items).toEqual([]);
  });
});

describe("private incidents and the teams owning affected services", () => {
  it("are visible to a member of an affected service's owning team, not to others", async () => {
    const incident = await declare({ title: "Card data exposure", private: true, services: [{ service: "payments-api", impact: "degraded" }] });
    expect((await getIncident({ actor: payMember.actor, incidentId: incident.id })).title).toBe("Card data exposure");
    expect((await listIncidents({ actor: payMember.actor, query: {} })).items.map((i) => i.id)).toContain(incident.id);
    expect((await thrown(() => getIncident({ actor: outsider.actor, incidentId: incident.id }))).status).toBe(404);
    expect((await thrown(() => getIncident({ actor: ctx.viewer.actor, incidentId: incident.id }))).status).toBe(404);
    expect((await listIncidents({ actor: outsider.actor, query: {} })).items.map((i) => i.id)).not.toContain(incident.id);
    // Not a way in either: an outsider cannot link their own team's service to it.
    expect((await thrown(() => linkService({ actor: outsider.actor, incidentId: incident.id, input: { service: "search", impact: "degraded" } }))).status).toBe(
      404,
    );

    // Linking the outsider's team's service lets them in; unlinking it shuts them out again.
    await linkService({ actor: ctx.responder.actor, incidentId: incident.id, input: { service: "search", impact: "degraded" } });
    expect((await getIncident({ actor: outsider.actor, incidentId: incident.id })).id).toBe(incident.id);
    await unlinkService({ actor: ctx.responder.actor, incidentId: incident.id, slug: "search" });
    expect((await thrown(() => getIncident({ actor: outsider.actor, incidentId: incident.id }))).status).toBe(404);
  });
});

describe("incidentSloSpend and overrides", () => {
  let sloA: number;
  let sloB: number;
  beforeAll(async () => {
    await createService({ actor: ctx.admin.actor, input: { slug: "ledger", name: "Ledger", tier: 1, teamId: paymentsTeam } });
    // 99.9 % over 28 days = 40.32 min; 99 % over 1 day = 14.4 min.
    sloA = (await createSlo({ actor: ctx.admin.actor, slug: "ledger", input: { name: "Availability", objective: 99.9 } })).id;
    sloB = (await createSlo({ actor: ctx.admin.actor, slug: "ledger", input: { name: "Daily", objective: 99, windowDays: 1 } })).id;
  });

  /** Declares on ledger with an impact window (minutes before now). */
  const onLedger = async (impact: string, fromMinAgo: number, toMinAgo: number, severity = "SEV3") => {
    const incident = await declare({ severity, services: [{ service: "ledger", impact }] });
    const now = Date.now();
    // Written straight to the row, so the stored spend is refreshed as the commands do.
    const spendBefore = await spendSnapshot(ctx.t.db, incident.id);
    await ctx.t.db
      .update(incidents)
      .set({ startedAt: now - fromMinAgo * MIN, detectedAt: now - fromMinAgo * MIN, mitigatedAt: now - toMinAgo * MIN, status: "monitoring" })
      .where(eq(incidents.id, incident.id));
    await refreshSpendFor(ctx.t.db, { incidentId: incident.id, before: spendBefore });
    return incident.id;
  };

  it("reports each linked SLO's spend from the incident and whether it pushed the SLO's status", async () => {
    // 12-minute full outage: healthy for the 28-day SLO (28.32 of 40.32 left), at risk for the daily one (2.4 of 14.4 left, 17 %).
    const first = await onLedger("full_outage", 100, 88);
    const spend = await incidentSloSpend({ actor: ctx.viewer.actor, incidentId: first });
    expect(spend.map((s) => [s.sloName, s.serviceSlug, Math.round(s.spentMinutes * 100) / 100, s.status, s.pushed])).toEqual([
      ["Availability", "ledger", 12, "healthy", false],
      ["Daily", "ledger", 12, "at_risk", true],
    ]);
    expect(spend[0]).toMatchObject({ sloId: sloA, budgetMinutes: 40.32, objective: 99.9, windowDays: 28, overridden: null });

    // A second, 40-minute partial outage (20 weighted minutes): 8.32 of 40.32 left (at risk); the daily one exhausted.
    const second = await onLedger("partial_outage", 60, 20);
    const after = await incidentSloSpend({ actor: ctx.viewer.actor, incidentId: second });
    expect(after.map((s) => [s.sloName, Math.round(s.spentMinutes * 100) / 100, s.status, s.pushed])).toEqual([
      ["Availability", 20, "at_risk", true],
      ["Daily", 20, "exhausted", true],
    ]);
    // The first incident, seen now: it no longer makes things worse alone for the daily SLO (exhausted either way).
    const firstNow = await incidentSloSpend({ actor: ctx.viewer.actor, incidentId: first });
    expect(firstNow.find((s) => s.sloId === sloB)).toMatchObject({ status: "exhausted", pushed: false });
    expect(firstNow.find((s) => s.sloId === sloA)).toMatchObject({ status: "at_risk", pushed: true });
  });

  it("a drill spends nothing and pushes nothing; an incident without services has no spend", async () => {
    const drill = await declare({ drill: true, services: [{ service: "ledger", impact: "full_outage" }] });
    expect((await incidentSloSpend({ actor: ctx.viewer.actor, incidentId: drill.id })).every((s) => s.spentMinutes === 0 && !s.pushed)).toBe(true);
    expect(await incidentSloSpend({ actor: ctx.viewer.actor, incidentId: (await declare()).id })).toEqual([]);
    expect((await thrown(() => incidentSloSpend({ actor: ctx.viewer.actor, incidentId: 99999 }))).status).toBe(404);
  });

  it("an override shows in the spend; viewers cannot set one; it must be for an SLO of a linked service", async () => {
    const id = await onLedger("degraded", 30, 10);
    expect((await thrown(() => setSpendOverride({ actor: ctx.viewer.actor, incidentId: id, sloId: sloA, input: { minutes: 1, reason: "Tiny" } }))).status).toBe(
      403,
    );
    expect(
      (await thrown(() => setSpendOverride({ actor: ctx.responder.actor, incidentId: id, sloId: sloA, input: { minutes: -1, reason: "Negative" } }))).fields,
    ).toHaveProperty("minutes");
    expect(
      (await thrown(() => setSpendOverride({ actor: ctx.responder.actor, incidentId: id, sloId: sloA, input: { minutes: 1, reason: "" } }))).fields,
    ).toHaveProperty("reason");
    expect(
      (await thrown(() => setSpendOverride({ actor: ctx.responder.actor, incidentId: id, sloId: 99999, input: { minutes: 1, reason: "Ghost SLO" } }))).status,
    ).toBe(404);
    const unrelated = await declare();
    expect(
      (await thrown(() => setSpendOverride({ actor: ctx.responder.actor, incidentId: unrelated.id, sloId: sloA, input: { minutes: 1, reason: "Not linked" } })))
        .status,
    ).toBe(404);

    await setSpendOverride({ actor: ctx.responder.actor, incidentId: id, sloId: sloA, input: { minutes: 0.5, reason: "Retries hid most errors" } });
    const spend = await incidentSloSpend({ actor: ctx.viewer.actor, incidentId: id });
    expect(spend.find((s) => s.sloId === sloA)).toMatchObject({ spentMinutes: 0.5, overridden: { minutes: 0.5, reason: "Retries hid most errors" } });
    expect(spend.find((s) => s.sloId === sloB)!.overridden).toBeNull();
    expect(spend.find((s) => s.sloId === sloB)!.spentMinutes).toBeCloseTo(5, 6);

    // Unlinking the service drops its overrides.
    await unlinkService({ actor: ctx.responder.actor, incidentId: id, slug: "ledger" });
    expect(await ctx.t.db.select().from(sloSpendOverrides).where(eq(sloSpendOverrides.incidentId, id))).toEqual([]);
    expect(await ctx.t.db.select().from(incidentServices).where(eq(incidentServices.incidentId, id))).toEqual([]);
  });
});
