import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditsOf, setUpTestDb, type TestUser, thrown } from "../../testing/test-db";
import { incidents, services } from "../../schema";
import { createTeam, setTeamMember } from "../../commands/admin/teams";
import { createService, updateService } from "../../commands/catalogue/services";
import { getService, listServices, serviceIncidents } from "./services";
import { createSlo } from "../../commands/catalogue/slos";
import { declareIncident } from "../../commands/incidents/declare";
import { getIncident } from "../incidents/detail";
import { refreshSpendFor, spendSnapshot } from "../../access/slo-spend-segments";
import { updateIncident } from "../../commands/incidents/update";

const ctx = setUpTestDb();
let member: TestUser;
let paymentsTeam: number;
let searchTeam: number;

const MIN = 60_000;

beforeAll(async () => {
  member = await ctx.t.createUser("viewer");
  paymentsTeam = (await createTeam({ actor: ctx.admin.actor, input: { name: "Payments" } })).id;
  searchTeam = (await createTeam({ actor: ctx.admin.actor, input: { name: "Search" } })).id;
  await setTeamMember({ actor: ctx.admin.actor, teamId: paymentsTeam, userId: member.id, member: true });
});

const audits = (action: string, entityId?: string) => auditsOf(ctx.t.db, action, entityId);

const add = (input: Record<string, unknown>) => createService({ actor: ctx.admin.actor, input });

/** Declares an incident on a service and sets its impact window by hand (minutes before now). */
async function incidentOn(slug: string, impact: string, fromMinAgo: number, toMinAgo: number | null, extra: Record<string, unknown> = {}) {
  const { incident } = await declareIncident({
    actor: ctx.responder.actor,
    input: { title: `Trouble on ${slug}`, severity: "SEV3", services: [{ service: slug, impact }], ...extra },
  });
  const now = Date.now();
  // Written straight to the row, so the stored spend is refreshed as the commands do.
  const spendBefore = await spendSnapshot(ctx.t.db, incident.id);
  await ctx.t.db
    .update(incidents)
    .set({ startedAt: now - fromMinAgo * MIN, detectedAt: now - fromMinAgo * MIN, mitigatedAt: toMinAgo === null ? null : now - toMinAgo * MIN })
    .where(eq(incidents.id, incident.id));
  await refreshSpendFor(ctx.t.db, { incidentId: incident.id, before: spendBefore });
  return incident.id;
}

describe("createService", () => {
  it("is for admins only", async () => {
    const input = { slug: "nope", name: "Nope", tier: 2 };
    expect((await thrown(() => createService({ actor: ctx.responder.actor, input }))).status).toBe(403);
    expect((await thrown(() => createService({ actor: ctx.viewer.actor, input }))).status).toBe(403);
    expect(await ctx.t.db.select().from(services)).toHaveLength(0);
  });

  it("creates with defaults, trims and lower-cases the slug, and audits", async () => {
    const s = await add({ slug: "  Payments-API ", name: "Payments API", tier: 1, teamId: paymentsTeam });
    expect(s).toMatchObject({
      slug: "payments-api",
      name: "Payments API",
      description: "",
      teamId: paymentsTeam,
      tier: 1,
      runbookUrl: null,
      links: "[]",
      version: 1,
    });
    expect(await audits("service.create", "payments-api")).toHaveLength(1);
  });

  it("refuses a duplicate slug (in any case) with 409 naming slug", async () => {
    for (const slug of ["payments-api", "PAYMENTS-API"]) {
      const error = await thrown(() => add({ slug, name: "Again", tier: 2 }));
      expect(error.status).toBe(409);
      expect(error.code).toBe("conflict");
      expect(error.fields).toHaveProperty("slug");
    }
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ["slug with a space", { slug: "pay ments", name: "X", tier: 1 }, "slug"],
    ["slug with a double hyphen", { slug: "pay--ments", name: "X", tier: 1 }, "slug"],
    ["slug with an underscore", { slug: "pay_ments", name: "X", tier: 1 }, "slug"],
    ["one-character slug", { slug: "p", name: "X", tier: 1 }, "slug"],
    ["61-character slug", { slug: "a".repeat(61), name: "X", tier: 1 }, "slug"],
    ["missing name", { slug: "no-name", tier: 1 }, "name"],
    ["tier 0", { slug: "tier-zero", name: "X", tier: 0 }, "tier"],
    ["tier 4", { slug: "tier-four", name: "X", tier: 4 }, "tier"],
    ["tier 1.5", { slug: "tier-frac", name: "X", tier: 1.5 }, "tier"],
    ["tier as a string", { slug: "tier-str", name: "X", tier: "1" }, "tier"],
    ["javascript: runbook", { slug: "js-runbook", name: "X", tier: 1, runbookUrl: "javascript:alert(1)" }, "runbookUrl"],
    ["runbook not a URL", { slug: "bad-runbook", name: "X", tier: 1, runbookUrl: "wiki/runbook" }, "runbookUrl"],
    ["data: link", { slug: "data-link", name: "X", tier: 1, links: [{ label: "x", url: "data:text/html,hi" }] }, "links.0.url"],
    ["link without label", { slug: "no-label", name: "X", tier: 1, links: [{ url: "https://example.com" }] }, "links.0.label"],
    ["unknown team", { slug: "no-team", name: "X", tier: 1, teamId: 9999 }, "teamId"],
    ["unknown field", { slug: "extra", name: "X", tier: 1, owner: "me" }, "owner"],
  ];
  for (const [name, input, field] of bad) {
    it(`rejects ${name} with 400 naming ${field}`, async () => {
      const error = await thrown(() => add(input));
      expect(error.status).toBe(400);
      expect(error.fields).toHaveProperty([field]);
    });
  }
});

describe("updateService", () => {
  beforeAll(async () => {
    await add({ slug: "checkout", name: "Checkout", tier: 2, description: "Cart and checkout" });
  });

  it("lets an admin change anything; the version goes up and the change is audited", async () => {
    const s = await updateService({
      actor: ctx.admin.actor,
      slug: "checkout",
      input: { version: 1, tier: 1, teamId: paymentsTeam, name: "Checkout web", runbookUrl: "https://wiki.example.com/checkout" },
    });
    expect(s).toMatchObject({
      tier: 1,
      teamId: paymentsTeam,
      name: "Checkout web",
      runbookUrl: "https://wiki.example.com/checkout",
      version: 2,
      description: "Cart and checkout",
    });
    const [audit] = await audits("service.update", "checkout");
    expect(JSON.parse(audit!.before!)).toMatchObject({ tier: 2, version: 1 });
    expect(JSON.parse(audit!.after!)).toMatchObject({ tier: 1, version: 2 });
  });

  it("answers a stale version with 409 and the current service", async () => {
    const error = await thrown(() => updateService({ actor: ctx.admin.actor, slug: "checkout", input: { version: 1, tier: 3 } }));
    expect(error.status).toBe(409);
    expect(error.fields).toHaveProperty("version");
    expect(error.details.current).toMatchObject({ slug: "checkout", version: 2, tier: 1, links: [] });
    expect((await getService({ actor: ctx.admin.actor, slug: "checkout" })).tier).toBe(1);
  });

  it("lets a responder edit the description and links only", async () => {
    const s = await updateService({
      actor: ctx.responder.actor,
      slug: "checkout",
      input: { version: 2, description: "Cart, checkout and receipts", links: [{ label: "Dashboard", url: "https://grafana.example.com/d/checkout" }] },
    });
    expect(s.version).toBe(3);
    expect((await getService({ actor: ctx.viewer.actor, slug: "checkout" })).links).toEqual([
      { label: "Dashboard", url: "https://grafana.example.com/d/checkout" },
    ]);
    for (const input of [
      { version: 3, tier: 3 },
      { version: 3, name: "Renamed" },
      { version: 3, teamId: null },
      { version: 3, runbookUrl: null },
      { version: 3, description: "x", tier: 2 },
    ]) {
      const error = await thrown(() => updateService({ actor: ctx.responder.actor, slug: "checkout", input }));
      expect(error.status).toBe(403);
    }
    expect(await getService({ actor: ctx.admin.actor, slug: "checkout" })).toMatchObject({ version: 3, tier: 1, name: "Checkout web" });
  });

  it("refuses viewers, unknown services and bad input", async () => {
    expect((await thrown(() => updateService({ actor: ctx.viewer.actor, slug: "checkout", input: { version: 3, description: "x" } }))).status).toBe(403);
    expect((await thrown(() => updateService({ actor: ctx.admin.actor, slug: "nope", input: { version: 1, description: "x" } }))).status).toBe(404);
    expect((await thrown(() => updateService({ actor: ctx.admin.actor, slug: "checkout", input: { description: "x" } }))).fields).toHaveProperty("version");
    expect((await thrown(() => updateService({ actor: ctx.admin.actor, slug: "checkout", input: { version: 3, tier: 4 } }))).fields).toHaveProperty("tier");
    expect((await thrown(() => updateService({ actor: ctx.admin.actor, slug: "checkout", input: { version: 3, slug: "renamed" } }))).fields).toEqual({
      slug: "Unknown field",
    });
    expect((await thrown(() => updateService({ actor: ctx.admin.actor, slug: "checkout", input: { version: 3, teamId: 9999 } }))).fields).toHaveProperty(
      "teamId",
    );
    expect(
      (
        await thrown(() =>
          updateService({ actor: ctx.responder.actor, slug: "checkout", input: { version: 3, links: [{ label: "x", url: "javascript:alert(1)" }] } }),
        )
      ).fields,
    ).toHaveProperty(["links.0.url"]);
    expect((await getService({ actor: ctx.admin.actor, slug: "checkout" })).version).toBe(3);
  });
});

describe("listServices and getService", () => {
  beforeAll(async () => {
    await add({ slug: "search-api", name: "Search API", tier: 2, teamId: searchTeam, description: "Full-text 100% of the time" });
    await add({ slug: "ledger", name: "Ledger", tier: 1, teamId: paymentsTeam });
    await add({ slug: "emails", name: "Emails", tier: 3 });
    // Ledger: 99.9 % over 28 days = 40.32 min; a 35-minute full outage leaves 5.32 (13 %): at risk.
    await createSlo({ actor: ctx.admin.actor, slug: "ledger", input: { name: "Availability", objective: 99.9 } });
    await incidentOn("ledger", "full_outage", 60, 25);
    // Emails: 99 % over 1 day = 14.4 min; an open 30-minute full outage exhausts it.
    await createSlo({ actor: ctx.admin.actor, slug: "emails", input: { name: "Delivery", objective: 99, windowDays: 1 } });
    await incidentOn("emails", "full_outage", 30, null);
    // Search: healthy SLO; one private open incident.
    await createSlo({ actor: ctx.admin.actor, slug: "search-api", input: { name: "Latency", objective: 99 } });
    await incidentOn("search-api", "degraded", 10, null, { private: true });
  });

  const slugs = async (query: Record<string, string>, actor = ctx.admin.actor) => (await listServices({ actor, query })).map((s) => s.slug);

  it("orders by tier, then name", async () => {
    expect(await slugs({})).toEqual(["checkout", "ledger", "payments-api", "search-api", "emails"]);
  });

  it("searches name, slug and description, treating % and _ literally", async () => {
    expect(await slugs({ q: "ledg" })).toEqual(["ledger"]);
    expect(await slugs({ q: "SEARCH-a" })).toEqual(["search-api"]);
    expect(await slugs({ q: "receipts" })).toEqual(["checkout"]);
    expect(await slugs({ q: "100%" })).toEqual(["search-api"]);
    expect(await slugs({ q: "%" })).toEqual(["search-api"]);
    expect(await slugs({ q: "_" })).toEqual([]);
  });

  it("filters by team and tier", async () => {
    expect(await slugs({ team: String(paymentsTeam) })).toEqual(["checkout", "ledger", "payments-api"]);
    expect(await slugs({ team: String(searchTeam), tier: "2" })).toEqual(["search-api"]);
    expect(await slugs({ tier: "3" })).toEqual(["emails"]);
    expect((await thrown(() => slugs({ tier: "4" }))).fields).toHaveProperty("tier");
  });

  it("filters to services with an open incident the reader can see", async () => {
    expect(await slugs({ openIncident: "1" })).toEqual(["ledger", "search-api", "emails"]);
    // The search incident is private: a viewer outside its team does not see it.
    expect(await slugs({ openIncident: "true" }, ctx.viewer.actor)).toEqual(["ledger", "emails"]);
    const searchForViewer = (await listServices({ actor: ctx.viewer.actor, query: { q: "search-api" } }))[0]!;
    expect(searchForViewer.openIncidents).toBe(0);
  });

  it("filters to services whose budget is at risk or exhausted, with the worst status", async () => {
    expect(await slugs({ atRisk: "1" })).toEqual(["ledger", "emails"]);
    const all = await listServices({ actor: ctx.admin.actor, query: {} });
    const by = (slug: string) => all.find((s) => s.slug === slug)!;
    expect(by("ledger")).toMatchObject({ worstStatus: "at_risk", sloCount: 1, teamName: "Payments" });
    expect(by("emails")).toMatchObject({ worstStatus: "exhausted", teamName: null });
    expect(by("search-api").worstStatus).toBe("healthy");
    expect(by("checkout")).toMatchObject({ worstStatus: null, sloCount: 0 });
    expect(await slugs({ atRisk: "1", tier: "1" })).toEqual(["ledger"]);
  });

  it("getService gives the SLOs with budget, spend, remaining and status", async () => {
    const ledger = await getService({ actor: ctx.viewer.actor, slug: "LEDGER" });
    expect(ledger.slos).toHaveLength(1);
    const { budget } = ledger.slos[0]!;
    expect(budget.budgetMinutes).toBeCloseTo(40.32, 6);
    expect(budget.spentMinutes).toBeCloseTo(35, 3);
    expect(budget.remainingMinutes).toBeCloseTo(5.32, 3);
    expect(budget.status).toBe("at_risk");
    expect(budget.byIncident).toHaveLength(1);
    expect((await thrown(() => getService({ actor: ctx.viewer.actor, slug: "nope" }))).status).toBe(404);
  });
});

describe("serviceIncidents", () => {
  it("lists a service's incidents newest first, paginated, without private ones the reader cannot see", async () => {
    await add({ slug: "billing", name: "Billing", tier: 2, teamId: paymentsTeam });
    const ids: number[] = [];
    for (let n = 0; n < 5; n++) {
      ids.push(
        (
          await declareIncident({
            actor: ctx.responder.actor,
            input: { title: `Billing ${n}`, severity: "SEV4", private: n === 4, services: [{ service: "billing", impact: "degraded" }] },
          })
        ).incident.id,
      );
      await new Promise((r) => setTimeout(r, 2));
    }
    const first = await getIncident({ actor: ctx.admin.actor, incidentId: ids[0]! });
    await updateIncident({ actor: ctx.responder.actor, incidentId: ids[0]!, input: { version: first.version, status: "resolved" } });
    const serviceId = (await getService({ actor: ctx.admin.actor, slug: "billing" })).id;

    const all = await serviceIncidents({ actor: ctx.admin.actor, serviceId, pageSize: 2 });
    expect(all.total).toBe(5);
    expect(all.items.map((i) => i.incident.id)).toEqual([ids[4], ids[3]]);
    expect((await serviceIncidents({ actor: ctx.admin.actor, serviceId, pageSize: 2, page: 3 })).items.map((i) => i.incident.id)).toEqual([ids[0]]);

    const forViewer = await serviceIncidents({ actor: ctx.viewer.actor, serviceId });
    expect(forViewer.total).toBe(4);
    expect(forViewer.items.map((i) => i.incident.id)).not.toContain(ids[4]);
    // A member of the owning team sees the private one.
    expect((await serviceIncidents({ actor: member.actor, serviceId })).total).toBe(5);

    expect((await serviceIncidents({ actor: ctx.admin.actor, serviceId, open: true })).total).toBe(4);
    expect((await serviceIncidents({ actor: ctx.admin.actor, serviceId, open: false })).items.map((i) => i.incident.id)).toEqual([ids[0]]);
    expect(all.items[0]!.impact).toBe("degraded");
  });
});
