import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestDb } from "../../testing/test-db";
import { createService } from "../../commands/catalogue/services";
import { createSlo } from "../../commands/catalogue/slos";
import { declareIncident } from "../../commands/incidents/declare";
import { plansOf } from "../../testing/query-plans";
import { dialect } from "../../dialect";
import { listServicePickerChoices } from "./picker";
import { listServices } from "./services";

const ctx = setUpTestDb();

beforeAll(async () => {
  const add = (slug: string, name: string, tier: number) => createService({ actor: ctx.admin.actor, input: { slug, name, tier } });
  await add("search", "Search", 2);
  await add("checkout", "Checkout", 1);
  await add("api", "API", 1);
  await add("reports", "Reports", 3);
  await createSlo({ actor: ctx.admin.actor, slug: "checkout", input: { name: "Availability", objective: 99.9 } });
  await declareIncident({
    actor: ctx.admin.actor,
    input: { title: "Checkout down", severity: "SEV1", services: [{ service: "checkout", impact: "full_outage" }] },
  });
});

describe("listServicePickerChoices", () => {
  it("lists every service as id, slug, name and tier, most critical tier first, then by name", async () => {
    const choices = await listServicePickerChoices({ actor: ctx.responder.actor });
    expect(choices.map((c) => Object.keys(c).sort())).toEqual(choices.map(() => ["id", "name", "slug", "tier"]));
    expect(choices.map((c) => [c.slug, c.tier])).toEqual([
      ["api", 1],
      ["checkout", 1],
      ["search", 2],
      ["reports", 3],
    ]);
  });

  it("offers the same services, in the same order, as the full catalogue listing", async () => {
    const full = (await listServices({ actor: ctx.admin.actor, query: {} })).map((s) => ({ id: s.id, slug: s.slug, name: s.name, tier: s.tier }));
    expect(await listServicePickerChoices({ actor: ctx.admin.actor })).toEqual(full);
  });

  it("is open to viewers, who filter lists by service", async () => {
    expect(await listServicePickerChoices({ actor: ctx.viewer.actor })).toHaveLength(4);
  });

  // SQLite only: the check reads SQLite's EXPLAIN QUERY PLAN (db/testing/query-plans.ts); the query is the same on PostgreSQL.
  it.skipIf(dialect === "pg")("reads only the services table: nothing from incidents, SLOs or budgets", async () => {
    const plans = await plansOf(() => listServicePickerChoices({ actor: ctx.viewer.actor }));
    expect(plans).toHaveLength(1);
    expect(plans[0]!.plan.join("\n")).not.toMatch(/incidents|slos|incident_services/);
  });
});
