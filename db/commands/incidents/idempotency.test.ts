import { describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { setUpTestDb, thrown } from "../../testing/test-db";
import { idempotencyKeys, incidents } from "../../schema";
import { declareIncident } from "./declare";

const ctx = setUpTestDb();

const incidentCount = async () => (await ctx.t.db.select({ n: sql<number>`count(*)` }).from(incidents))[0]!.n;

describe("declareIncident with an Idempotency-Key", () => {
  it("replays when the body is the same, whatever its key order", async () => {
    const first = await declareIncident({ actor: ctx.responder.actor, input: { title: "Same body", severity: "SEV2", summary: "s" }, idempotencyKey: "same" });
    const again = await declareIncident({ actor: ctx.responder.actor, input: { summary: "s", severity: "SEV2", title: "Same body" }, idempotencyKey: "same" });
    expect(again.replayed).toBe(true);
    expect(again.incident.id).toBe(first.incident.id);
  });

  it("refuses the same key with a different body: 422 unprocessable naming Idempotency-Key, nothing declared", async () => {
    const first = await declareIncident({ actor: ctx.responder.actor, input: { title: "First body", severity: "SEV3" }, idempotencyKey: "reused" });
    const before = await incidentCount();
    const error = await thrown(() =>
      declareIncident({ actor: ctx.responder.actor, input: { title: "Second body", severity: "SEV3" }, idempotencyKey: "reused" }),
    );
    expect(error.status).toBe(422);
    expect(error.code).toBe("unprocessable");
    expect(error.message).toContain("Idempotency-Key");
    expect(error.fields).toHaveProperty("Idempotency-Key");
    expect(await incidentCount()).toBe(before);
    // The first request can still be retried.
    const retry = await declareIncident({ actor: ctx.responder.actor, input: { title: "First body", severity: "SEV3" }, idempotencyKey: "reused" });
    expect(retry.incident.id).toBe(first.incident.id);
  });

  it("stores a hash of the canonical body with the key", async () => {
    await declareIncident({ actor: ctx.responder.actor, input: { title: "Hashed", severity: "SEV4" }, idempotencyKey: "hashed" });
    const row = (await ctx.t.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, "hashed")))[0]!;
    expect(row.requestHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("treats a key stored before hashes were kept as a match", async () => {
    const first = await declareIncident({ actor: ctx.responder.actor, input: { title: "Old row", severity: "SEV4" }, idempotencyKey: "old" });
    await ctx.t.db
      .update(idempotencyKeys)
      .set({ requestHash: null })
      .where(and(eq(idempotencyKeys.key, "old")));
    const again = await declareIncident({ actor: ctx.responder.actor, input: { title: "Old row, edited", severity: "SEV4" }, idempotencyKey: "old" });
    expect(again.replayed).toBe(true);
    expect(again.incident.id).toBe(first.incident.id);
  });
});
