import { describe, expect, it } from "vitest";
import { DEFAULT_RULE, type RoutingRule } from "@/lib/alerts/routing-rules";
import { alertmanagerAlert, alertmanagerPayload } from "@/lib/alerts/fixtures/payloads";
import { setUpTestDb } from "../../testing/test-db";
import { alertsOfIntegration, auditFor, deliveriesOf, eventsOf, incidentOf, post, refId, timelineOf } from "../../testing/alert-intake";
import { createService } from "../catalogue/services";
import { createPlaybook } from "../catalogue/playbooks";
import { listIncidentAlerts } from "../../queries/integrations/incident-alerts";
import { createIntegration, updateIntegration } from "./manage";

const ctx = setUpTestDb();
const T0 = Date.parse("2026-11-25T14:03:00Z");
const iso = (ms: number) => new Date(ms).toISOString();

async function integration(rules?: RoutingRule[], name = "prod") {
  const { integration, secret } = await createIntegration({ actor: ctx.admin.actor, input: { name, kind: "alertmanager", ...(rules ? { rules } : {}) } });
  return { id: integration.id, secret, version: integration.version };
}

const firing = (fp: string, alertname: string, startsAt: number, extra: object = {}) =>
  alertmanagerAlert({ fingerprint: fp, alertname, severity: "critical", startsAt: iso(startsAt), summary: `${alertname} summary`, ...extra });
const resolved = (fp: string, alertname: string, startsAt: number, endsAt: number) =>
  alertmanagerAlert({
    fingerprint: fp,
    alertname,
    severity: "critical",
    startsAt: iso(startsAt),
    endsAt: iso(endsAt),
    status: "resolved",
    summary: `${alertname} summary`,
  });

describe("alert intake: declare, dedup, group, resolve", () => {
  it("declares one incident from a group, at the earliest startsAt, and a repeat changes nothing", async () => {
    await createService({ actor: ctx.admin.actor, input: { slug: "payments-api", name: "Payments API", tier: 1 } });
    await createPlaybook({ actor: ctx.admin.actor, input: { name: "SEV2 basics", severities: ["SEV2"], items: [{ text: "Open a bridge" }] } });
    const { id, secret } = await integration();
    const body = alertmanagerPayload([
      firing("fp-late", "HighLatency", T0 + 60_000, { service: "payments-api" }),
      firing("fp-early", "HighErrorRate", T0, { service: "payments-api" }),
    ]);
    const first = await post(id, "alertmanager", secret, body);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ declared: [expect.stringMatching(/^INC-\d+$/)], attached: [], deduplicated: 0, resolved: 0, recorded: 0 });
    const incidentId = refId((first.body.declared as string[])[0]);
    const incident = await incidentOf(ctx.t.db, incidentId);
    expect(incident).toMatchObject({
      title: "HighErrorRate summary",
      severity: "SEV2",
      status: "investigating",
      startedAt: T0,
      startedAtSource: "alert",
      detectedAt: T0,
      detectedAtSource: "alert",
      acknowledgedAt: null,
      summary: "HighErrorRate on api-1",
    });
    const timeline = await timelineOf(ctx.t.db, incidentId);
    expect(timeline.map((e) => e.kind)).toEqual(["status", "service", "checklist", "alert", "alert"]);
    expect(timeline.every((e) => e.authorLabel === 'Alertmanager integration "prod"')).toBe(true);
    expect(timeline.filter((e) => e.kind === "alert").map((e) => e.body)).toEqual(["Alert firing: HighErrorRate summary", "Alert firing: HighLatency summary"]);
    expect(await eventsOf(ctx.t.db, incidentId, "alerts.changed")).toHaveLength(1);
    const declaredEvent = (await eventsOf(ctx.t.db, incidentId, "incident.declared"))[0]!;
    expect(declaredEvent).toMatchObject({ actorIntegrationId: id, actorLabel: 'Alertmanager integration "prod"' });
    expect((await auditFor(ctx.t.db, "incident.declare")).at(-1)).toMatchObject({
      actorLabel: 'Alertmanager integration "prod"',
      entityId: String(incidentId),
    });

    // Alertmanager re-sends the group every repeat_interval, and retries: nothing new.
    const entries = timeline.length;
    const eventCount = (await eventsOf(ctx.t.db, incidentId)).length;
    const repeat = await post(id, "alertmanager", secret, body);
    expect(repeat.body).toMatchObject({ declared: [], attached: [], deduplicated: 2 });
    expect(await timelineOf(ctx.t.db, incidentId)).toHaveLength(entries);
    expect(await eventsOf(ctx.t.db, incidentId)).toHaveLength(eventCount);
    expect(await alertsOfIntegration(ctx.t.db, id)).toHaveLength(2);

    // A new alert of the same group attaches to the open incident.
    const later = await post(id, "alertmanager", secret, alertmanagerPayload([...body.alerts, firing("fp-3", "Saturation", T0 + 120_000)]));
    expect(later.body).toMatchObject({ declared: [], attached: [`INC-${incidentId}`], deduplicated: 2 });
    expect(await listIncidentAlerts({ actor: ctx.viewer.actor, incidentId })).toMatchObject({ total: 3, firing: 3, allResolved: false });
    expect((await deliveriesOf(ctx.t.db, id)).map((d) => d.outcome)).toEqual(["declared", "deduplicated", "attached"]);
  });

  it("a resolved alert adds one entry; all resolved says so, and the incident stays open by default", async () => {
    const { id, secret } = await integration();
    const group = '{}:{alertname="Disk"}';
    const declared = await post(id, "alertmanager", secret, alertmanagerPayload([firing("d1", "DiskFull", T0), firing("d2", "DiskSlow", T0)], group));
    const incidentId = refId((declared.body.declared as string[])[0]);
    const before = (await timelineOf(ctx.t.db, incidentId)).length;
    const one = await post(
      id,
      "alertmanager",
      secret,
      alertmanagerPayload([resolved("d1", "DiskFull", T0, T0 + 300_000), firing("d2", "DiskSlow", T0)], group),
    );
    expect(one.body).toMatchObject({ resolved: 1, deduplicated: 1 });
    expect((await timelineOf(ctx.t.db, incidentId)).slice(before).map((e) => e.body)).toEqual(["Alert resolved: DiskFull summary"]);
    expect((await timelineOf(ctx.t.db, incidentId)).at(-1)!.occurredAt).toBe(T0 + 300_000);
    // Sent again (Alertmanager keeps resolved alerts in the group's notifications): deduplicated.
    const again = await post(
      id,
      "alertmanager",
      secret,
      alertmanagerPayload([resolved("d1", "DiskFull", T0, T0 + 300_000), firing("d2", "DiskSlow", T0)], group),
    );
    expect(again.body).toMatchObject({ resolved: 0, deduplicated: 2 });
    const all = await post(
      id,
      "alertmanager",
      secret,
      alertmanagerPayload([resolved("d1", "DiskFull", T0, T0 + 300_000), resolved("d2", "DiskSlow", T0, T0 + 400_000)], group),
    );
    expect(all.body).toMatchObject({ resolved: 1, deduplicated: 1 });
    const changed = (await eventsOf(ctx.t.db, incidentId, "alerts.changed")).at(-1)!;
    expect(JSON.parse(changed.payload)).toMatchObject({ total: 2, firing: 0, allResolved: true });
    expect((await timelineOf(ctx.t.db, incidentId)).at(-1)!.body).toBe("All 2 alerts of this incident have resolved");
    expect(await incidentOf(ctx.t.db, incidentId)).toMatchObject({ status: "investigating", mitigatedAt: null });
    // Firing again after resolving is a new occurrence: the group's incident is still open, so it attaches.
    const refire = await post(id, "alertmanager", secret, alertmanagerPayload([firing("d1", "DiskFull", T0 + 600_000)], group));
    expect(refire.body).toMatchObject({ attached: [`INC-${incidentId}`] });
  });

  it("with resolveIncident, all alerts resolved sets mitigatedAt (source alert) and moves to monitoring", async () => {
    const { id, secret } = await integration([{ ...DEFAULT_RULE, resolveIncident: true }]);
    const group = '{}:{alertname="Mem"}';
    const declared = await post(id, "alertmanager", secret, alertmanagerPayload([firing("m1", "MemHigh", T0)], group));
    const incidentId = refId((declared.body.declared as string[])[0]);
    await post(id, "alertmanager", secret, alertmanagerPayload([resolved("m1", "MemHigh", T0, T0 + 900_000)], group));
    expect(await incidentOf(ctx.t.db, incidentId)).toMatchObject({ status: "monitoring", mitigatedAt: T0 + 900_000, mitigatedAtSource: "alert" });
    expect((await auditFor(ctx.t.db, "incident.update")).at(-1)).toMatchObject({ actorLabel: 'Alertmanager integration "prod"', entityId: String(incidentId) });
    // A later alert of the group, the incident being still open (monitoring), attaches.
    expect((await post(id, "alertmanager", secret, alertmanagerPayload([firing("m2", "MemHigh2", T0 + 1_000_000)], group))).body).toMatchObject({
      attached: [`INC-${incidentId}`],
    });
  });

  it("record stores only; attach joins the service's open incident, else records", async () => {
    await createService({ actor: ctx.admin.actor, input: { slug: "search", name: "Search", tier: 2 } });
    const rules: RoutingRule[] = [
      { ...DEFAULT_RULE, matchers: [{ label: "severity", op: "=", value: "info" }], action: "record" },
      { ...DEFAULT_RULE, matchers: [{ label: "alertname", op: "=~", value: "Search.*" }], action: "attach", service: { slug: "search" } },
    ];
    const { id, secret } = await integration(rules, "rules");
    const info = await post(
      id,
      "alertmanager",
      secret,
      alertmanagerPayload([alertmanagerAlert({ fingerprint: "i1", alertname: "Info", severity: "info" })], "g-info"),
    );
    expect(info.body).toMatchObject({ declared: [], recorded: 1 });
    const lonely = await post(id, "alertmanager", secret, alertmanagerPayload([alertmanagerAlert({ fingerprint: "s1", alertname: "SearchSlow" })], "g-s1"));
    expect(lonely.body).toMatchObject({ declared: [], attached: [], recorded: 1 });
    // An open incident on the service: the next Search alert attaches to it.
    const other = await integration(undefined, "other");
    const declared = await post(
      other.id,
      "alertmanager",
      other.secret,
      alertmanagerPayload([alertmanagerAlert({ fingerprint: "o1", alertname: "Down", service: "search" })], "g-o"),
    );
    const incidentId = refId((declared.body.declared as string[])[0]);
    const attach = await post(id, "alertmanager", secret, alertmanagerPayload([alertmanagerAlert({ fingerprint: "s2", alertname: "SearchErrors" })], "g-s2"));
    expect(attach.body).toMatchObject({ attached: [`INC-${incidentId}`] });
    expect((await listIncidentAlerts({ actor: ctx.viewer.actor, incidentId })).alerts.map((a) => a.integrationName).sort()).toEqual(["other", "rules"]);
  });

  it("declares without a service when the service label names none in the catalogue, and says so", async () => {
    const { id, secret } = await integration(undefined, "nosvc");
    const res = await post(id, "alertmanager", secret, alertmanagerPayload([firing("n1", "Boom", T0, { service: "no-such-service" })], "g-n"));
    const incidentId = refId((res.body.declared as string[])[0]);
    expect((await timelineOf(ctx.t.db, incidentId)).find((e) => e.kind === "alert")!.body).toContain('service "no-such-service" is not in the catalogue');
  });

  it("disabling stops intake with 403; re-enabling resumes", async () => {
    const { id, secret } = await integration(undefined, "toggle");
    await updateIntegration({ actor: ctx.admin.actor, id, input: { version: 1, enabled: false } });
    const refused = await post(id, "alertmanager", secret, alertmanagerPayload([firing("t1", "X", T0)], "g-t"));
    expect(refused.status).toBe(403);
    expect(await alertsOfIntegration(ctx.t.db, id)).toHaveLength(0);
    expect((await deliveriesOf(ctx.t.db, id)).at(-1)).toMatchObject({ httpStatus: 403, outcome: "rejected", error: expect.stringContaining("disabled") });
    await updateIntegration({ actor: ctx.admin.actor, id, input: { version: 2, enabled: true } });
    expect((await post(id, "alertmanager", secret, alertmanagerPayload([firing("t1", "X", T0)], "g-t"))).body).toMatchObject({
      declared: [expect.any(String)],
    });
  });
});
