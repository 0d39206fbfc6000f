import { beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { auditsOf, createTestDb, setUpTestDb, thrown } from "../../testing/test-db";
import { playbookItems, playbooks, services } from "../../schema";
import { createPlaybook, deletePlaybook, serviceSlugsToIds, updatePlaybook } from "./playbooks";
import { getPlaybook, listPlaybooks } from "../../queries/catalogue/playbooks";
import { DEFAULT_PLAYBOOKS, ensureDefaultPlaybooks } from "../../seed/defaults/default-playbooks";

const ctx = setUpTestDb();
let payments: number;
let search: number;

beforeAll(async () => {
  const now = Date.now();
  const add = async (slug: string) =>
    (await ctx.t.db.insert(services).values({ slug, name: slug, tier: 1, createdAt: now, updatedAt: now }).returning())[0]!.id;
  payments = await add("payments-api");
  search = await add("search");
});

const audits = (action: string, id: number) => auditsOf(ctx.t.db, action, id);

const valid = () => ({
  name: "Payments outage",
  description: "When money stops moving",
  severities: ["SEV2", "SEV1", "SEV1"],
  serviceIds: [payments],
  items: [
    { text: "  Page the payments on-call  " },
    { text: "Check the PSP status page", link: "https://status.example.com" },
    { text: "Tell finance", link: "" },
  ],
});

describe("createPlaybook", () => {
  it("stores conditions and ordered items, canonical severities, with an audit record", async () => {
    const p = await createPlaybook({ actor: ctx.admin.actor, input: valid() });
    expect(p).toMatchObject({ name: "Payments outage", severities: ["SEV1", "SEV2"], serviceIds: [payments], enabled: true, version: 1 });
    expect(p.services).toEqual([{ id: payments, slug: "payments-api", name: "payments-api" }]);
    expect(p.items.map((i) => [i.position, i.text, i.link])).toEqual([
      [1, "Page the payments on-call", null],
      [2, "Check the PSP status page", "https://status.example.com"],
      [3, "Tell finance", null],
    ]);
    expect(await audits("playbook.create", p.id)).toHaveLength(1);
    expect(await getPlaybook({ actor: ctx.viewer.actor, playbookId: p.id })).toEqual(p);
  });

  it("only admins manage playbooks; anyone reads them", async () => {
    for (const who of [ctx.responder, ctx.viewer]) {
      expect(await thrown(() => createPlaybook({ actor: who.actor, input: valid() }))).toMatchObject({ status: 403 });
    }
    expect((await listPlaybooks({ actor: ctx.viewer.actor })).length).toBeGreaterThan(0);
  });

  it("rejects bad input naming the field", async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ ...valid(), name: " " }, "name"],
      [{ ...valid(), severities: ["SEV0"] }, "severities.0"],
      [{ ...valid(), serviceIds: ["payments"] }, "serviceIds.0"],
      [{ ...valid(), items: [] }, "items"],
      [{ ...valid(), items: [{ text: "" }] }, "items.0.text"],
      [{ ...valid(), items: [{ text: "x".repeat(501) }] }, "items.0.text"],
      [{ ...valid(), items: [{ text: "ok", link: "javascript:alert(1)" }] }, "items.0.link"],
      [{ ...valid(), items: [{ text: "ok", link: "ftp://example.com" }] }, "items.0.link"],
      [{ ...valid(), enabled: "yes" }, "enabled"],
      [{ ...valid(), colour: "red" }, "colour"],
      [{ ...valid(), severities: [], serviceIds: [] }, "severities"],
      [{ ...valid(), serviceIds: [payments, 9999] }, "serviceIds"],
    ];
    const before = (await ctx.t.db.select({ n: sql<number>`count(*)` }).from(playbooks))[0]!.n;
    for (const [input, field] of bad) {
      const error = await thrown(() => createPlaybook({ actor: ctx.admin.actor, input }));
      expect(error.status, field).toBe(400);
      expect(error.fields, field).toHaveProperty([field]);
    }
    expect((await ctx.t.db.select({ n: sql<number>`count(*)` }).from(playbooks))[0]!.n).toBe(before);
    // 500 characters is the limit, inclusive.
    expect((await createPlaybook({ actor: ctx.admin.actor, input: { ...valid(), items: [{ text: "x".repeat(500) }] } })).items[0]!.text).toHaveLength(500);
  });
});

describe("updatePlaybook", () => {
  it("replaces items and services, bumps the version, audits before and after", async () => {
    const p = await createPlaybook({ actor: ctx.admin.actor, input: valid() });
    const updated = await updatePlaybook({
      actor: ctx.admin.actor,
      playbookId: p.id,
      input: { version: 1, name: "Payments or search", serviceIds: [search, payments], items: [{ text: "Second" }, { text: "First" }] },
    });
    expect(updated).toMatchObject({ name: "Payments or search", version: 2, severities: ["SEV1", "SEV2"], serviceIds: [payments, search] });
    expect(updated.items.map((i) => i.text)).toEqual(["Second", "First"]);
    expect(await ctx.t.db.select().from(playbookItems).where(eq(playbookItems.playbookId, p.id))).toHaveLength(2);
    const [audit] = await audits("playbook.update", p.id);
    expect(JSON.parse(audit!.before!)).toMatchObject({ name: "Payments outage", version: 1 });
    expect(JSON.parse(audit!.after!)).toMatchObject({ name: "Payments or search", version: 2 });
  });

  it("a stale version gets 409 with the current playbook and changes nothing", async () => {
    const p = await createPlaybook({ actor: ctx.admin.actor, input: valid() });
    await updatePlaybook({ actor: ctx.admin.actor, playbookId: p.id, input: { version: 1, enabled: false } });
    const error = await thrown(() => updatePlaybook({ actor: ctx.admin.actor, playbookId: p.id, input: { version: 1, name: "Mine" } }));
    expect(error.status).toBe(409);
    expect(error.details.current).toMatchObject({ id: p.id, version: 2, enabled: false, name: "Payments outage" });
    expect((await getPlaybook({ actor: ctx.admin.actor, playbookId: p.id })).name).toBe("Payments outage");
  });

  it("cannot remove the last condition, name unknown services, or be done by a responder", async () => {
    const p = await createPlaybook({ actor: ctx.admin.actor, input: { name: "Sev only", severities: ["SEV3"], items: [{ text: "a" }] } });
    expect((await thrown(() => updatePlaybook({ actor: ctx.admin.actor, playbookId: p.id, input: { version: 1, severities: [] } }))).fields).toHaveProperty(
      "severities",
    );
    expect((await thrown(() => updatePlaybook({ actor: ctx.admin.actor, playbookId: p.id, input: { version: 1, serviceIds: [4242] } }))).fields).toHaveProperty(
      "serviceIds",
    );
    expect((await thrown(() => updatePlaybook({ actor: ctx.admin.actor, playbookId: p.id, input: { name: "x" } }))).fields).toHaveProperty("version");
    expect((await thrown(() => updatePlaybook({ actor: ctx.responder.actor, playbookId: p.id, input: { version: 1, name: "x" } }))).status).toBe(403);
    expect((await thrown(() => updatePlaybook({ actor: ctx.admin.actor, playbookId: 999_999, input: { version: 1, name: "x" } }))).status).toBe(404);
    // Swapping severities for a service in one change is fine.
    expect(await updatePlaybook({ actor: ctx.admin.actor, playbookId: p.id, input: { version: 1, severities: [], serviceIds: [search] } })).toMatchObject({
      severities: [],
      serviceIds: [search],
    });
  });
});

describe("deletePlaybook", () => {
  it("admins delete (audited); others cannot", async () => {
    const p = await createPlaybook({ actor: ctx.admin.actor, input: valid() });
    expect((await thrown(() => deletePlaybook({ actor: ctx.responder.actor, playbookId: p.id }))).status).toBe(403);
    await deletePlaybook({ actor: ctx.admin.actor, playbookId: p.id });
    expect((await thrown(() => getPlaybook({ actor: ctx.admin.actor, playbookId: p.id }))).status).toBe(404);
    expect((await thrown(() => deletePlaybook({ actor: ctx.admin.actor, playbookId: p.id }))).status).toBe(404);
    expect(await audits("playbook.delete", p.id)).toHaveLength(1);
  });
});

describe("serviceSlugsToIds (API input by slug)", () => {
  const toIds = (input: unknown) => serviceSlugsToIds({ actor: ctx.admin.actor, input });
  it("is for admins only, before any slug is looked up", async () => {
    expect((await thrown(() => serviceSlugsToIds({ actor: ctx.responder.actor, input: { services: ["nope"] } }))).status).toBe(403);
  });

  it("turns slugs into ids, and refuses unknown or malformed ones naming `services`", async () => {
    expect(await toIds({ name: "x", services: ["Search", "payments-api", "search"] })).toEqual({
      name: "x",
      serviceIds: [search, payments].sort((a, b) => a - b),
    });
    expect(await toIds({ name: "x" })).toEqual({ name: "x" });
    expect(await toIds({ services: [] })).toEqual({ serviceIds: [] });
    for (const input of [{ services: ["nope"] }, { services: "search" }, { services: [1] }, { services: [], serviceIds: [] }]) {
      const error = await thrown(() => toIds(input));
      expect(error.status).toBe(400);
      expect(error.fields).toHaveProperty("services");
    }
  });

  it("refuses more slugs than a playbook may name (a 1 MB list must not reach SQLite as 200,000 variables)", async () => {
    const error = await thrown(() => toIds({ services: Array.from({ length: 40_000 }, (_, i) => `s${i}`) }));
    expect(error.status).toBe(400);
    expect(error.fields?.services).toMatch(/At most 200/);
  });
});

describe("ensureDefaultPlaybooks", () => {
  it("creates the defaults only on a database without playbooks", async () => {
    const fresh = await createTestDb();
    try {
      expect(await ensureDefaultPlaybooks(fresh.db)).toBe(DEFAULT_PLAYBOOKS.length);
      expect(await ensureDefaultPlaybooks(fresh.db)).toBe(0);
      const reader = await fresh.createUser("viewer");
      const list = await listPlaybooks({ actor: reader.actor });
      expect(list.map((p) => p.name).sort()).toEqual(["Major incident (SEV1/SEV2)", "Minor incident (SEV3/SEV4)"]);
      const major = list.find((p) => p.name.startsWith("Major"))!;
      expect(major.severities).toEqual(["SEV1", "SEV2"]);
      expect(major.items).toHaveLength(10);
      expect(major.items[0]).toMatchObject({ text: "Assign an incident commander", autoCheck: "commander_assigned" });
      expect(major.items.filter((i) => i.autoCheck).map((i) => i.autoCheck)).toEqual(["commander_assigned", "summary_written", "comms_lead_assigned"]);
    } finally {
      await fresh.cleanup();
    }
  });
});
