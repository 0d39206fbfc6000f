import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditsOf, setUpTestDb, thrown } from "../../testing/test-db";
import { sloSpendOverrides, slos } from "../../schema";
import { createService } from "./services";
import { createSlo, deleteSlo, updateSlo } from "./slos";
import { getSlo, listSlos } from "../../queries/catalogue/slos";
import { declareIncident } from "../incidents/declare";
import { setSpendOverride } from "../incidents/services";

const ctx = setUpTestDb();

beforeAll(async () => {
  await createService({ actor: ctx.admin.actor, input: { slug: "api", name: "API", tier: 1 } });
  await createService({ actor: ctx.admin.actor, input: { slug: "web", name: "Web", tier: 2 } });
});

const audits = (action: string, id: number) => auditsOf(ctx.t.db, action, id);

describe("createSlo", () => {
  it("is for admins only", async () => {
    for (const actor of [ctx.responder.actor, ctx.viewer.actor]) {
      expect((await thrown(() => createSlo({ actor, slug: "api", input: { name: "Availability", objective: 99.9 } }))).status).toBe(403);
    }
    expect(await listSlos({ actor: ctx.viewer.actor, slug: "api" })).toHaveLength(0);
  });

  it("creates with a 28-day window by default, audited with the service", async () => {
    const slo = await createSlo({
      actor: ctx.admin.actor,
      slug: "api",
      input: { name: " Availability ", objective: 99.9, sliDescription: "Non-5xx / all requests" },
    });
    expect(slo).toMatchObject({ name: "Availability", objective: 99.9, windowDays: 28, sliDescription: "Non-5xx / all requests", version: 1 });
    const [audit] = await audits("slo.create", slo.id);
    expect(JSON.parse(audit!.after!)).toMatchObject({ service: "api", objective: 99.9 });
  });

  it("accepts the edges: objective 50 and 99.9999, windows 1 and 90 days", async () => {
    expect((await createSlo({ actor: ctx.admin.actor, slug: "web", input: { name: "Low", objective: 50, windowDays: 1 } })).objective).toBe(50);
    expect((await createSlo({ actor: ctx.admin.actor, slug: "web", input: { name: "High", objective: 99.9999, windowDays: 90 } })).windowDays).toBe(90);
    expect((await listSlos({ actor: ctx.viewer.actor, slug: "web" })).map((s) => s.name)).toEqual(["Low", "High"]);
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ["objective 49", { name: "X", objective: 49 }, "objective"],
    ["objective 100", { name: "X", objective: 100 }, "objective"],
    ["objective 99.99999", { name: "X", objective: 99.99999 }, "objective"],
    ["objective as a string", { name: "X", objective: "99.9" }, "objective"],
    ["missing objective", { name: "X" }, "objective"],
    ["window 0", { name: "X", objective: 99, windowDays: 0 }, "windowDays"],
    ["window 91", { name: "X", objective: 99, windowDays: 91 }, "windowDays"],
    ["window 1.5", { name: "X", objective: 99, windowDays: 1.5 }, "windowDays"],
    ["window as a string", { name: "X", objective: 99, windowDays: "28" }, "windowDays"],
    ["empty name", { name: " ", objective: 99 }, "name"],
    ["unknown field", { name: "X", objective: 99, target: 99 }, "target"],
  ];
  for (const [name, input, field] of bad) {
    it(`rejects ${name} with 400 naming ${field}`, async () => {
      const error = await thrown(() => createSlo({ actor: ctx.admin.actor, slug: "api", input }));
      expect(error.status).toBe(400);
      expect(error.fields).toHaveProperty([field]);
    });
  }

  it("answers 404 for an unknown service", async () => {
    expect((await thrown(() => createSlo({ actor: ctx.admin.actor, slug: "nope", input: { name: "X", objective: 99 } }))).status).toBe(404);
    expect((await thrown(() => listSlos({ actor: ctx.viewer.actor, slug: "nope" }))).status).toBe(404);
  });
});

describe("updateSlo and deleteSlo", () => {
  it("updates with the version, audited; a stale version gets 409 with the current SLO", async () => {
    const slo = await createSlo({ actor: ctx.admin.actor, slug: "api", input: { name: "Latency", objective: 99 } });
    const updated = await updateSlo({ actor: ctx.admin.actor, id: slo.id, input: { version: 1, objective: 99.5, windowDays: 30 } });
    expect(updated).toMatchObject({ name: "Latency", objective: 99.5, windowDays: 30, version: 2 });
    const [audit] = await audits("slo.update", slo.id);
    expect(JSON.parse(audit!.before!)).toMatchObject({ objective: 99, windowDays: 28 });
    expect(JSON.parse(audit!.after!)).toMatchObject({ objective: 99.5, windowDays: 30 });
    const error = await thrown(() => updateSlo({ actor: ctx.admin.actor, id: slo.id, input: { version: 1, name: "Old" } }));
    expect(error.status).toBe(409);
    expect(error.details.current).toMatchObject({ id: slo.id, version: 2, objective: 99.5 });
    expect((await getSlo({ actor: ctx.viewer.actor, id: slo.id })).name).toBe("Latency");
  });

  it("refuses non-admins, bad values, a missing version and unknown SLOs", async () => {
    const slo = await createSlo({ actor: ctx.admin.actor, slug: "api", input: { name: "Errors", objective: 99 } });
    expect((await thrown(() => updateSlo({ actor: ctx.responder.actor, id: slo.id, input: { version: 1, objective: 98 } }))).status).toBe(403);
    expect((await thrown(() => updateSlo({ actor: ctx.admin.actor, id: slo.id, input: { version: 1, objective: 100 } }))).fields).toHaveProperty("objective");
    expect((await thrown(() => updateSlo({ actor: ctx.admin.actor, id: slo.id, input: { version: 1, windowDays: 91 } }))).fields).toHaveProperty("windowDays");
    expect((await thrown(() => updateSlo({ actor: ctx.admin.actor, id: slo.id, input: { objective: 98 } }))).fields).toHaveProperty("version");
    expect((await thrown(() => updateSlo({ actor: ctx.admin.actor, id: slo.id, input: { version: 1, serviceId: 2 } }))).fields).toEqual({
      serviceId: "Unknown field",
    });
    expect((await thrown(() => updateSlo({ actor: ctx.admin.actor, id: 99999, input: { version: 1, objective: 98 } }))).status).toBe(404);
    expect(await getSlo({ actor: ctx.viewer.actor, id: slo.id })).toMatchObject({ version: 1, objective: 99 });
  });

  it("deletes (admin), audited, taking its spend overrides with it", async () => {
    const slo = await createSlo({ actor: ctx.admin.actor, slug: "web", input: { name: "Doomed", objective: 99 } });
    const { incident } = await declareIncident({
      actor: ctx.responder.actor,
      input: { title: "Web down", severity: "SEV3", services: [{ service: "web", impact: "full_outage" }] },
    });
    await setSpendOverride({ actor: ctx.responder.actor, incidentId: incident.id, sloId: slo.id, input: { minutes: 3, reason: "Only one region" } });
    expect(await ctx.t.db.select().from(sloSpendOverrides).where(eq(sloSpendOverrides.sloId, slo.id))).toHaveLength(1);
    expect((await thrown(() => deleteSlo({ actor: ctx.responder.actor, id: slo.id }))).status).toBe(403);
    await deleteSlo({ actor: ctx.admin.actor, id: slo.id });
    expect((await thrown(() => getSlo({ actor: ctx.viewer.actor, id: slo.id }))).status).toBe(404);
    expect(await ctx.t.db.select().from(slos).where(eq(slos.id, slo.id))).toHaveLength(0);
    expect(await ctx.t.db.select().from(sloSpendOverrides).where(eq(sloSpendOverrides.sloId, slo.id))).toHaveLength(0);
    expect(await audits("slo.delete", slo.id)).toHaveLength(1);
    expect((await thrown(() => deleteSlo({ actor: ctx.admin.actor, id: slo.id }))).status).toBe(404);
  });
});
