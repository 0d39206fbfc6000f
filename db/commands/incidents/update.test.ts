import { beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { setUpTestDb, type TestUser, thrown } from "../../testing/test-db";
import { auditLog, incidents, timelineEntries, users } from "../../schema";
import { declareIncident } from "./declare";
import { getIncident } from "../../queries/incidents/detail";
import { updateIncident } from "./update";

const ctx = setUpTestDb();
let responder2: TestUser;

beforeAll(async () => {
  responder2 = await ctx.t.createUser("responder");
});

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

async function declare(input: Record<string, unknown> = {}) {
  return (await declareIncident({ actor: ctx.responder.actor, input: { title: "Payments API latency", severity: "SEV3", ...input } })).incident;
}

async function entriesOf(incidentId: number) {
  return await ctx.t.db.select().from(timelineEntries).where(eq(timelineEntries.incidentId, incidentId)).orderBy(asc(timelineEntries.id));
}

async function auditsOf(incidentId: number, action = "incident.update") {
  return await ctx.t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, String(incidentId)), eq(auditLog.action, action)))
    .orderBy(asc(auditLog.id));
}

async function snapshot(incidentId: number) {
  return {
    row: (await ctx.t.db.select().from(incidents).where(eq(incidents.id, incidentId)))[0],
    entries: (await entriesOf(incidentId)).length,
    audits: (await ctx.t.db.select({ n: sql<number>`count(*)` }).from(auditLog))[0]!.n,
  };
}

describe("updateIncident", () => {
  it("writes one timeline entry per change, with author and from → to, and one audit record with before/after", async () => {
    const startedAt = Date.now() - 60 * MIN;
    const incident = await declare({ startedAt: iso(startedAt) });
    const detectedAt = startedAt + 10 * MIN;
    const updated = await updateIncident({
      actor: responder2.actor,
      incidentId: incident.id,
      input: {
        version: 1,
        status: "identified",
        severity: "SEV2",
        title: "Payments API latency in eu-west",
        commanderEmail: responder2.email,
        detectedAt: iso(detectedAt),
      },
    });
    expect(updated.version).toBe(2);
    expect(updated).toMatchObject({ status: "identified", severity: "SEV2", title: "Payments API latency in eu-west", detectedAt });
    expect(updated.detectedAtSource).toBe("manual");
    expect(updated.people.find((p) => p.role === "commander")?.userId).toBe(responder2.id);

    const entries = (await entriesOf(incident.id)).slice(1); // after the declaration
    expect(entries).toHaveLength(5);
    for (const entry of entries) {
      expect(entry.authorUserId).toBe(responder2.id);
      expect(entry.authorLabel).toBe(responder2.name);
      expect(entry.createdAt).toBe(updated.updatedAt);
    }
    const byField = Object.fromEntries(entries.map((e) => [JSON.parse(e.meta!).field, { kind: e.kind, meta: JSON.parse(e.meta!), body: e.body }]));
    expect(byField.status).toMatchObject({ kind: "status", meta: { from: "investigating", to: "identified" } });
    expect(byField.status.body).toBe("Status changed from Investigating to Identified");
    expect(byField.severity).toMatchObject({ kind: "severity", meta: { from: "SEV3", to: "SEV2" } });
    expect(byField.title).toMatchObject({ kind: "update", meta: { from: "Payments API latency", to: "Payments API latency in eu-west" } });
    expect(byField.commander).toMatchObject({ kind: "role", meta: { from: ctx.responder.email, to: responder2.email } });
    expect(byField.commander.body).toContain(`(was ${ctx.responder.name})`);
    expect(byField.detectedAt).toMatchObject({ kind: "update", meta: { from: incident.detectedAt, to: detectedAt } });

    const [audit] = await auditsOf(incident.id);
    expect(audit).toMatchObject({ actorUserId: responder2.id, actorLabel: responder2.name });
    const before = JSON.parse(audit!.before!);
    const after = JSON.parse(audit!.after!);
    expect(before).toMatchObject({ status: "investigating", severity: "SEV3", title: "Payments API latency", detectedAt: incident.detectedAt });
    expect(after).toMatchObject({ status: "identified", severity: "SEV2", title: "Payments API latency in eu-west", detectedAt });
    expect(before.people).toEqual([{ role: "commander", email: ctx.responder.email }]);
    expect(after.people).toEqual([{ role: "commander", email: responder2.email }]);
  });

  it("changes nothing, and keeps the version, when nothing differs", async () => {
    const incident = await declare();
    const same = await updateIncident({
      actor: ctx.responder.actor,
      incidentId: incident.id,
      input: { version: 1, status: "investigating", title: incident.title },
    });
    expect(same.version).toBe(1);
    expect(await entriesOf(incident.id)).toHaveLength(1);
    expect(await auditsOf(incident.id)).toHaveLength(0);
  });

  it("answers a stale version with 409, the current incident, and changes nothing", async () => {
    const incident = await declare();
    await updateIncident({ actor: ctx.responder.actor, incidentId: incident.id, input: { version: 1, severity: "SEV2" } });
    const before = await snapshot(incident.id);
    const error = await thrown(() => updateIncident({ actor: responder2.actor, incidentId: incident.id, input: { version: 1, status: "resolved" } }));
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(409);
    expect(error.code).toBe("conflict");
    expect(error.details.current).toMatchObject({ id: incident.id, version: 2, severity: "SEV2", status: "investigating" });
    expect(error.details.current.people).toHaveLength(1);
    expect(error.toJSON().current.version).toBe(2);
    expect(await snapshot(incident.id)).toEqual(before);
  });

  it("refuses a viewer with 403", async () => {
    const incident = await declare();
    const before = await snapshot(incident.id);
    const error = await thrown(() => updateIncident({ actor: ctx.viewer.actor, incidentId: incident.id, input: { version: 1, status: "resolved" } }));
    expect(error.status).toBe(403);
    expect(await snapshot(incident.id)).toEqual(before);
  });

  it("a move to resolved fills mitigated and resolved; reopening clears them", async () => {
    const incident = await declare();
    const resolved = await updateIncident({ actor: ctx.responder.actor, incidentId: incident.id, input: { version: 1, status: "resolved" } });
    expect(resolved.mitigatedAt).toBe(resolved.updatedAt);
    expect(resolved.resolvedAt).toBe(resolved.updatedAt);
    expect(resolved.mitigatedAtSource).toBe("status_change");
    expect(resolved.resolvedAtSource).toBe("status_change");
    expect(resolved.closedAt).toBeNull();

    const closed = await updateIncident({ actor: ctx.responder.actor, incidentId: incident.id, input: { version: 2, status: "closed" } });
    expect(closed.closedAt).toBe(closed.updatedAt);
    expect(closed.resolvedAt).toBe(resolved.resolvedAt);

    const reopened = await updateIncident({ actor: ctx.responder.actor, incidentId: incident.id, input: { version: 3, status: "investigating" } });
    expect(reopened).toMatchObject({ mitigatedAt: null, resolvedAt: null, closedAt: null, mitigatedAtSource: null, resolvedAtSource: null });
    expect(reopened.acknowledgedAt).toBe(incident.acknowledgedAt);
    const statusEntries = (await entriesOf(incident.id)).filter((e) => e.kind === "status").map((e) => JSON.parse(e.meta!));
    expect(statusEntries.map((m) => `${m.from}→${m.to}`)).toEqual(["null→investigating", "investigating→resolved", "resolved→closed", "closed→investigating"]);
  });

  it("records a manual timestamp correction as 'manual' and audits it", async () => {
    const startedAt = Date.now() - 120 * MIN;
    const incident = await declare({ startedAt: iso(startedAt) });
    const resolved = await updateIncident({ actor: ctx.responder.actor, incidentId: incident.id, input: { version: 1, status: "resolved" } });
    const mitigatedAt = startedAt + 30 * MIN;
    const corrected = await updateIncident({ actor: ctx.responder.actor, incidentId: incident.id, input: { version: 2, mitigatedAt: iso(mitigatedAt) } });
    expect(corrected.mitigatedAt).toBe(mitigatedAt);
    expect(corrected.mitigatedAtSource).toBe("manual");
    expect(corrected.resolvedAtSource).toBe("status_change");
    const [, audit] = await auditsOf(incident.id);
    expect(JSON.parse(audit!.before!)).toEqual({ mitigatedAt: resolved.mitigatedAt, mitigatedAtSource: "status_change" });
    expect(JSON.parse(audit!.after!)).toEqual({ mitigatedAt, mitigatedAtSource: "manual" });
    const last = (await entriesOf(incident.id)).at(-1)!;
    expect(last.kind).toBe("update");
    expect(last.body).toMatch(/^Mitigated time set to .* UTC \(was .* UTC\)$/);
  });

  it("clearing a timestamp clears its source", async () => {
    const incident = await declare();
    await updateIncident({ actor: ctx.responder.actor, incidentId: incident.id, input: { version: 1, status: "monitoring" } });
    const cleared = await updateIncident({ actor: ctx.responder.actor, incidentId: incident.id, input: { version: 2, mitigatedAt: null } });
    expect(cleared.mitigatedAt).toBeNull();
    expect(cleared.mitigatedAtSource).toBeNull();
  });

  it("an explicit time wins over what the status move would fill", async () => {
    const startedAt = Date.now() - 60 * MIN;
    const incident = await declare({ startedAt: iso(startedAt) });
    const mitigatedAt = startedAt + 20 * MIN;
    const updated = await updateIncident({
      actor: ctx.responder.actor,
      incidentId: incident.id,
      input: { version: 1, status: "monitoring", mitigatedAt: iso(mitigatedAt) },
    });
    expect(updated.mitigatedAt).toBe(mitigatedAt);
    expect(updated.mitigatedAtSource).toBe("manual");
  });

  it("rejects an order violation with 400 naming the field, and writes nothing", async () => {
    const startedAt = Date.now() - 60 * MIN;
    const incident = await declare({ startedAt: iso(startedAt) });
    const before = await snapshot(incident.id);
    const error = await thrown(() =>
      updateIncident({
        actor: ctx.responder.actor,
        incidentId: incident.id,
        input: { version: 1, status: "monitoring", severity: "SEV1", mitigatedAt: iso(startedAt - 5 * MIN) },
      }),
    );
    expect(error.status).toBe(400);
    expect(error.fields).toEqual({ mitigatedAt: "Mitigated cannot be before impact started" });
    expect(await snapshot(incident.id)).toEqual(before);
  });

  it("rejects moving the start after detection, naming detectedAt", async () => {
    const now = Date.now();
    const incident = await declare({ startedAt: iso(now - 60 * MIN), detectedAt: iso(now - 50 * MIN) });
    expect(incident.detectedAtSource).toBe("manual");
    const before = await snapshot(incident.id);
    const error = await thrown(() =>
      updateIncident({ actor: ctx.responder.actor, incidentId: incident.id, input: { version: 1, startedAt: iso(now - 40 * MIN) } }),
    );
    expect(error.status).toBe(400);
    expect(error.fields).toEqual({ detectedAt: "Detected cannot be before impact started" });
    expect(await snapshot(incident.id)).toEqual(before);
  });

  it("rejects a time in the future", async () => {
    const incident = await declare();
    const error = await thrown(() =>
      updateIncident({ actor: ctx.responder.actor, incidentId: incident.id, input: { version: 1, resolvedAt: iso(Date.now() + 24 * 60 * MIN) } }),
    );
    expect(error.status).toBe(400);
    expect(error.fields.resolvedAt).toMatch(/future/);
  });

  it("rejects an unknown commander email with 400 on commanderEmail, and writes nothing", async () => {
    const incident = await declare();
    const before = await snapshot(incident.id);
    const error = await thrown(() =>
      updateIncident({
        actor: ctx.responder.actor,
        incidentId: incident.id,
        input: { version: 1, status: "identified", commanderEmail: "nobody@example.test" },
      }),
    );
    expect(error.status).toBe(400);
    expect(Object.keys(error.fields)).toEqual(["commanderEmail"]);
    expect(await snapshot(incident.id)).toEqual(before);
  });

  it("refuses a disabled person as commander", async () => {
    const gone = await ctx.t.createUser("responder");
    await ctx.t.db.update(users).set({ disabled: true }).where(eq(users.id, gone.id));
    const incident = await declare();
    const error = await thrown(() =>
      updateIncident({ actor: ctx.responder.actor, incidentId: incident.id, input: { version: 1, commanderEmail: gone.email } }),
    );
    expect(error.status).toBe(400);
    expect(error.fields).toHaveProperty("commanderEmail");
  });

  it("assigns and unassigns lead roles, each with its own entry", async () => {
    const incident = await declare();
    const assigned = await updateIncident({
      actor: ctx.responder.actor,
      incidentId: incident.id,
      input: { version: 1, communicationsEmail: responder2.email, scribeEmail: ctx.responder.email },
    });
    expect(assigned.people.map((p) => `${p.role}:${p.email}`).sort()).toEqual(
      [`commander:${ctx.responder.email}`, `communications:${responder2.email}`, `scribe:${ctx.responder.email}`].sort(),
    );
    const unassigned = await updateIncident({ actor: ctx.responder.actor, incidentId: incident.id, input: { version: 2, scribeEmail: null } });
    expect(unassigned.people.find((p) => p.role === "scribe")).toBeUndefined();
    const roleEntries = (await entriesOf(incident.id)).filter((e) => e.kind === "role");
    expect(roleEntries.map((e) => JSON.parse(e.meta!))).toEqual([
      { field: "communications", from: null, to: responder2.email },
      { field: "scribe", from: null, to: ctx.responder.email },
      { field: "scribe", from: ctx.responder.email, to: null },
    ]);
  });

  it("assigning a commander acknowledges a token-declared incident", async () => {
    const token = await ctx.t.createToken("responder");
    const { incident } = await declareIncident({ actor: token.actor, input: { title: "Alert: 5xx spike", severity: "SEV2" } });
    expect(incident.acknowledgedAt).toBeNull();
    const updated = await updateIncident({ actor: ctx.responder.actor, incidentId: incident.id, input: { version: 1, commanderEmail: ctx.responder.email } });
    expect(updated.acknowledgedAt).toBe(updated.updatedAt);
    expect(updated.acknowledgedAtSource).toBe("status_change");
  });

  it("a token can update and is recorded as the author", async () => {
    const token = await ctx.t.createToken("responder");
    const incident = await declare();
    await updateIncident({ actor: token.actor, incidentId: incident.id, input: { version: 1, severity: "SEV1" } });
    const last = (await entriesOf(incident.id)).at(-1)!;
    expect(last).toMatchObject({ authorTokenId: token.id, authorUserId: null, kind: "severity" });
    expect((await auditsOf(incident.id))[0]).toMatchObject({ actorTokenId: token.id, actorUserId: null });
  });

  it("validates input before touching anything", async () => {
    const incident = await declare();
    const error = await thrown(() => updateIncident({ actor: ctx.responder.actor, incidentId: incident.id, input: { status: "resolved" } }));
    expect(error.status).toBe(400);
    expect(error.fields).toHaveProperty("version");
    expect((await getIncident({ actor: ctx.responder.actor, incidentId: incident.id })).status).toBe("investigating");
  });
});
