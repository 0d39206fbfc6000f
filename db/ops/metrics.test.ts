import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../testing/test-db";
import { declareIncident } from "../commands/incidents/declare";
import { registerDatabaseMetrics } from "./metrics";
import { incidents } from "../schema";
import { getMetrics } from "@/server/observability/metrics.mjs";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

describe("database metrics", () => {
  it("counts open incidents by severity on every scrape, drills and resolved ones aside", async () => {
    const admin = await t.createUser("admin");
    registerDatabaseMetrics();
    registerDatabaseMetrics();
    await declareIncident({ actor: admin.actor, input: { title: "Down", severity: "SEV1" } });
    await declareIncident({ actor: admin.actor, input: { title: "Slow", severity: "SEV3" } });
    await declareIncident({ actor: admin.actor, input: { title: "Slow too", severity: "SEV3" } });
    await declareIncident({ actor: admin.actor, input: { title: "Practice", severity: "SEV1", drill: true } });
    const over = (await declareIncident({ actor: admin.actor, input: { title: "Over", severity: "SEV2" } })).incident;
    await t.db.update(incidents).set({ status: "resolved" }).where(eq(incidents.id, over.id));
    const text = await getMetrics().registry.metrics();
    expect(text).toContain('hindsight_open_incidents{severity="SEV1"} 1');
    expect(text).toContain('hindsight_open_incidents{severity="SEV2"} 0');
    expect(text).toContain('hindsight_open_incidents{severity="SEV3"} 2');
    expect(text).toContain('hindsight_open_incidents{severity="SEV4"} 0');
  });

  it("times the statements the data layer runs", async () => {
    const text = await getMetrics().registry.metrics();
    const count = Number(/hindsight_db_statement_duration_seconds_count\{operation="all"\} (\d+)/.exec(text)?.[1]);
    expect(count).toBeGreaterThan(0);
  });
});
