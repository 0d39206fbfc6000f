import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { rejected, setUpTestDb, thrown } from "../../testing/test-db";
import { moreUsers } from "../../testing/incident-fixtures";
import { getSqlite } from "../../client";
import { dialect } from "../../dialect";
import { exec } from "../../sql";
import { auditLog, idempotencyKeys, incidentRoles, incidents, timelineEntries } from "../../schema";
import { declareIncident } from "./declare";
import { getIncident } from "../../queries/incidents/detail";
import { listIncidents } from "../../queries/incidents/list";
import { updateIncident } from "./update";
import { listTimeline } from "../../queries/incidents/timeline";

const ctx = setUpTestDb();
const more = moreUsers(ctx, { responder2: "responder", outsider: "responder" });

const count = async (table: typeof incidents | typeof timelineEntries | typeof auditLog) =>
  (await ctx.t.db.select({ n: sql<number>`count(*)` }).from(table))[0]!.n;

const iso = (ms: number) => new Date(ms).toISOString();

describe("declareIncident", () => {
  it("stores the incident with the declarer as commander, acknowledged, with a timeline entry and an audit record", async () => {
    const before = Date.now();
    const { incident, replayed } = await declareIncident({
      actor: ctx.responder.actor,
      input: { title: "  Checkout returns 502  ", severity: "SEV2", summary: "Card payments fail for ~30% of users" },
    });
    expect(replayed).toBe(false);
    expect(incident.title).toBe("Checkout returns 502");
    expect(incident.status).toBe("investigating");
    expect(incident.version).toBe(1);
    expect(incident.createdById).toBe(ctx.responder.id);
    expect(incident.declaredAt).toBeGreaterThanOrEqual(before);
    expect(incident.acknowledgedAt).toBe(incident.declaredAt);
    expect(incident.acknowledgedAtSource).toBe("status_change");
    expect(incident.startedAt).toBe(incident.declaredAt);
    expect(incident.startedAtSource).toBe("status_change");
    expect(incident.detectedAt).toBe(incident.declaredAt);
    expect(incident.people).toEqual([{ userId: ctx.responder.id, name: ctx.responder.name, email: ctx.responder.email, role: "commander" }]);

    const entries = await ctx.t.db.select().from(timelineEntries).where(eq(timelineEntries.incidentId, incident.id));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      kind: "status",
      authorUserId: ctx.responder.id,
      authorLabel: ctx.responder.name,
      occurredAt: incident.declaredAt,
      createdAt: incident.declaredAt,
      highlighted: true,
    });
    expect(entries[0]!.body).toContain("Checkout returns 502");
    expect(JSON.parse(entries[0]!.meta!)).toEqual({ field: "status", from: null, to: "investigating" });

    const audits = await ctx.t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "incident"), eq(auditLog.entityId, String(incident.id))));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: "incident.declare", actorUserId: ctx.responder.id, at: incident.declaredAt, ip: "127.0.0.1" });
    expect(JSON.parse(audits[0]!.after!)).toMatchObject({ id: incident.id, title: "Checkout returns 502" });
  });

  it("gives increasing references that are never reused", async () => {
    const a = (await declareIncident({ actor: ctx.responder.actor, input: { title: "A", severity: "SEV4" } })).incident;
    const b = (await declareIncident({ actor: ctx.responder.actor, input: { title: "B", severity: "SEV4" } })).incident;
    expect(b.id).toBeGreaterThan(a.id);
    // Even if the newest row disappears, its number is not handed out again.
    await ctx.t.db.delete(incidents).where(eq(incidents.id, b.id));
    const c = (await declareIncident({ actor: ctx.responder.actor, input: { title: "C", severity: "SEV4" } })).incident;
    expect(c.id).toBeGreaterThan(b.id);
  });

  it("writes nothing when part of the transaction fails", async () => {
    const incidentsBefore = await count(incidents);
    const entriesBefore = await count(timelineEntries);
    // A trigger that fails every audit insert, the last write of the declaration.
    if (dialect === "pg") {
      await exec(
        sql.raw(
          "CREATE FUNCTION audit_down() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit down'; END $$;" +
            " CREATE TRIGGER audit_down BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_down()",
        ),
        ctx.t.db,
      );
    } else getSqlite().exec("CREATE TEMP TRIGGER audit_down BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit down'); END");
    try {
      const error = await rejected(() => declareIncident({ actor: ctx.responder.actor, input: { title: "Atomic", severity: "SEV3" } }));
      // PostgreSQL's driver error arrives wrapped by Drizzle (DrizzleQueryError, the failing statement in `cause`).
      expect(String(error.cause?.message ?? error.message)).toMatch(/audit down/);
    } finally {
      if (dialect === "pg") await exec(sql.raw("DROP TRIGGER audit_down ON audit_log; DROP FUNCTION audit_down()"), ctx.t.db);
      else getSqlite().exec("DROP TRIGGER audit_down");
    }
    expect(await count(incidents)).toBe(incidentsBefore);
    expect(await count(timelineEntries)).toBe(entriesBefore);
  });

  it("refuses a viewer with 403 and stores nothing", async () => {
    const before = { incidents: await count(incidents), timeline: await count(timelineEntries), audit: await count(auditLog) };
    const error = await thrown(() => declareIncident({ actor: ctx.viewer.actor, input: { title: "Nope", severity: "SEV1" } }));
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(403);
    expect(error.code).toBe("forbidden");
    expect({ incidents: await count(incidents), timeline: await count(timelineEntries), audit: await count(auditLog) }).toEqual(before);
  });

  it("rejects bad input with 400 naming the fields, storing nothing", async () => {
    const before = await count(incidents);
    const error = await thrown(() => declareIncident({ actor: ctx.responder.actor, input: { title: "", severity: "SEV9", extra: 1 } }));
    expect(error.status).toBe(400);
    expect(error.fields).toEqual({ title: "Title is required", severity: expect.stringMatching(/Must be one of/), extra: "Unknown field" });
    expect(await count(incidents)).toBe(before);
  });

  it("records a backdated start, and detection at declaration", async () => {
    const startedAt = Date.now() - 90 * 60 * 1000;
    const { incident } = await declareIncident({ actor: ctx.responder.actor, input: { title: "Slow search", severity: "SEV3", startedAt: iso(startedAt) } });
    expect(incident.startedAt).toBe(startedAt);
    expect(incident.startedAtSource).toBe("backdated");
    expect(incident.detectedAt).toBe(incident.declaredAt);
    expect(incident.detectedAtSource).toBe("status_change");
  });

  it("rejects detection before impact started and a start in the future", async () => {
    const now = Date.now();
    const early = await thrown(() =>
      declareIncident({
        actor: ctx.responder.actor,
        input: { title: "x", severity: "SEV3", startedAt: iso(now - 60_000), detectedAt: iso(now - 120_000) },
      }),
    );
    expect(early.status).toBe(400);
    expect(Object.keys(early.fields)).toEqual(["detectedAt"]);
    const future = await thrown(() =>
      declareIncident({ actor: ctx.responder.actor, input: { title: "x", severity: "SEV3", startedAt: iso(now + 3_600_000) } }),
    );
    expect(future.status).toBe(400);
    expect(future.fields.startedAt).toMatch(/future/);
  });

  it("an incident declared with a token has no commander and is not acknowledged", async () => {
    const token = await ctx.t.createToken("responder");
    const { incident } = await declareIncident({ actor: token.actor, input: { title: "Alert: disk full on db-2", severity: "SEV3" } });
    expect(incident.people).toEqual([]);
    expect(incident.acknowledgedAt).toBeNull();
    expect(incident.acknowledgedAtSource).toBeNull();
    expect(incident.createdById).toBeNull();
    expect(incident.createdByTokenId).toBe(token.id);
    const [entry] = await listTimeline({ actor: ctx.admin.actor, incidentId: incident.id });
    expect(entry).toMatchObject({ authorTokenId: token.id, authorUserId: null, authorLabel: `API token "${token.actor.name}"` });
    expect(entry!.body).not.toContain("commander");
  });

  it("replays an idempotency key for the same actor instead of declaring twice", async () => {
    const before = await count(incidents);
    const first = await declareIncident({ actor: ctx.responder.actor, input: { title: "Retry me", severity: "SEV2" }, idempotencyKey: "key-1" });
    const second = await declareIncident({ actor: ctx.responder.actor, input: { title: "Retry me", severity: "SEV2" }, idempotencyKey: "key-1" });
    expect(first.replayed).toBe(false);
    expect(second.replayed).toBe(true);
    expect(second.incident.id).toBe(first.incident.id);
    expect(await count(incidents)).toBe(before + 1);
    expect(await ctx.t.db.select().from(timelineEntries).where(eq(timelineEntries.incidentId, first.incident.id))).toHaveLength(1);
  });

  it("keeps idempotency keys per actor", async () => {
    const mine = await declareIncident({ actor: ctx.responder.actor, input: { title: "Same key", severity: "SEV3" }, idempotencyKey: "shared-key" });
    const theirs = await declareIncident({ actor: more.responder2.actor, input: { title: "Same key", severity: "SEV3" }, idempotencyKey: "shared-key" });
    expect(theirs.replayed).toBe(false);
    expect(theirs.incident.id).not.toBe(mine.incident.id);
    expect(await ctx.t.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, "shared-key"))).toHaveLength(2);
  });

  it("rejects an over-long idempotency key", async () => {
    const error = await thrown(() => declareIncident({ actor: ctx.responder.actor, input: { title: "x", severity: "SEV3" }, idempotencyKey: "k".repeat(201) }));
    expect(error.status).toBe(400);
    expect(error.fields).toHaveProperty("Idempotency-Key");
  });
});

describe("private incidents", () => {
  let secret: number;
  let secretTitle: string;
  beforeAll(async () => {
    secretTitle = "Leaked credentials zebra-7731";
    secret = (
      await declareIncident({
        actor: ctx.responder.actor,
        input: { title: secretTitle, severity: "SEV1", summary: "Key found in a public gist", private: true },
      })
    ).incident.id;
  });

  it("is a 404 for another responder and a viewer", async () => {
    for (const actor of [more.outsider.actor, ctx.viewer.actor]) {
      const error = await thrown(() => getIncident({ actor, incidentId: secret }));
      expect(error).toBeInstanceOf(AppError);
      expect(error.status).toBe(404);
      expect(error.code).toBe("not_found");
      expect((await thrown(() => listTimeline({ actor, incidentId: secret }))).status).toBe(404);
    }
  });

  it("is a 404 (not 403) when an outsider tries to change it, and nothing changes", async () => {
    const error = await thrown(() => updateIncident({ actor: more.outsider.actor, incidentId: secret, input: { version: 1, status: "resolved" } }));
    expect(error.status).toBe(404);
    expect((await getIncident({ actor: ctx.admin.actor, incidentId: secret })).status).toBe("investigating");
  });

  it("is a 404 for a non-admin token and visible to an admin token", async () => {
    expect((await thrown(async () => getIncident({ actor: (await ctx.t.createToken("responder")).actor, incidentId: secret }))).status).toBe(404);
    expect((await getIncident({ actor: (await ctx.t.createToken("admin")).actor, incidentId: secret })).id).toBe(secret);
  });

  it("is visible to admins and the declarer", async () => {
    expect((await getIncident({ actor: ctx.admin.actor, incidentId: secret })).title).toBe(secretTitle);
    expect((await getIncident({ actor: ctx.responder.actor, incidentId: secret })).title).toBe(secretTitle);
  });

  it("becomes visible to a person given a role on it", async () => {
    const scribe = await ctx.t.createUser("responder");
    expect((await thrown(() => getIncident({ actor: scribe.actor, incidentId: secret }))).status).toBe(404);
    const current = await getIncident({ actor: ctx.responder.actor, incidentId: secret });
    await updateIncident({ actor: ctx.responder.actor, incidentId: secret, input: { version: current.version, scribeEmail: scribe.email } });
    expect((await getIncident({ actor: scribe.actor, incidentId: secret })).id).toBe(secret);
    expect((await listIncidents({ actor: scribe.actor, query: { q: "zebra-7731" } })).items.map((i) => i.id)).toEqual([secret]);
  });

  it("is left out of lists and search for outsiders", async () => {
    for (const actor of [more.outsider.actor, ctx.viewer.actor]) {
      const all = (await listIncidents({ actor, query: { limit: "200" } })).items.map((i) => i.id);
      expect(all).not.toContain(secret);
      expect((await listIncidents({ actor, query: { q: "zebra-7731" } })).items).toEqual([]);
      expect((await listIncidents({ actor, query: { q: "public gist" } })).items).toEqual([]);
      expect((await listIncidents({ actor, query: { q: `INC-${secret}` } })).items).toEqual([]);
    }
    expect((await listIncidents({ actor: ctx.admin.actor, query: { q: "zebra-7731" } })).items.map((i) => i.id)).toEqual([secret]);
    expect((await listIncidents({ actor: ctx.responder.actor, query: { q: `inc-${secret}` } })).items.map((i) => i.id)).toEqual([secret]);
  });

  it("does not leak through role rows of other incidents", async () => {
    // outsider holds a role on a public incident only; that must not open the private one.
    const open = (await declareIncident({ actor: more.outsider.actor, input: { title: "Public one", severity: "SEV4" } })).incident;
    expect(await ctx.t.db.select().from(incidentRoles).where(eq(incidentRoles.incidentId, open.id))).toHaveLength(1);
    expect((await thrown(() => getIncident({ actor: more.outsider.actor, incidentId: secret }))).status).toBe(404);
  });
});

describe("getIncident", () => {
  it("is a 404 for an id that does not exist", async () => {
    expect((await thrown(() => getIncident({ actor: ctx.admin.actor, incidentId: 999_999 }))).code).toBe("not_found");
  });

  it("lets a viewer read a public incident", async () => {
    const { incident } = await declareIncident({ actor: ctx.responder.actor, input: { title: "Readable", severity: "SEV3" } });
    expect((await getIncident({ actor: ctx.viewer.actor, incidentId: incident.id })).title).toBe("Readable");
  });
});
