import { describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { setUpTestDb, thrown } from "../../testing/test-db";
import { incidents, timelineEntries } from "../../schema";
import { declareIncident } from "./declare";
import { updateIncident } from "./update";
import { lastStakeholderUpdateAt } from "../../queries/incidents/activity";

const ctx = setUpTestDb();

const declare = async () => (await declareIncident({ actor: ctx.responder.actor, input: { title: "Checkout errors", severity: "SEV1" } })).incident;
const entriesOf = async (incidentId: number) =>
  await ctx.t.db.select().from(timelineEntries).where(eq(timelineEntries.incidentId, incidentId)).orderBy(asc(timelineEntries.id));

describe("status change with an update message", () => {
  it("writes the status change and the update entry together, authored by the actor, in one version", async () => {
    const incident = await declare();
    const before = (await entriesOf(incident.id)).length;
    const updated = await updateIncident({
      actor: ctx.responder.actor,
      incidentId: incident.id,
      input: { version: incident.version, status: "identified", message: "Bad deploy of cart-api; rolling back." },
    });
    expect(updated.version).toBe(incident.version + 1);
    const added = (await entriesOf(incident.id)).slice(before);
    expect(added.map((e) => [e.kind, e.body])).toEqual([
      ["status", "Status changed from Investigating to Identified"],
      ["update", "Bad deploy of cart-api; rolling back."],
    ]);
    const update = added[1]!;
    expect(update.authorUserId).toBe(ctx.responder.id);
    expect(update.authorLabel).toBe(ctx.responder.name);
    expect(JSON.parse(update.meta!)).toEqual({ field: "message", status: "identified" });
    // One write: both entries carry the same instant.
    expect(update.createdAt).toBe(added[0]!.createdAt);
    expect(await lastStakeholderUpdateAt({ actor: ctx.responder.actor, incidentId: incident.id })).toBe(update.createdAt);
  });

  it("writes neither the status nor the message when the version is stale (409)", async () => {
    const incident = await declare();
    await updateIncident({ actor: ctx.responder.actor, incidentId: incident.id, input: { version: incident.version, title: "Checkout errors (EU)" } });
    const before = (await entriesOf(incident.id)).length;
    const error = (await thrown(() =>
      updateIncident({ actor: ctx.responder.actor, incidentId: incident.id, input: { version: incident.version, status: "resolved", message: "All clear" } }),
    )) as AppError;
    expect(error.status).toBe(409);
    expect(await entriesOf(incident.id)).toHaveLength(before);
    expect((await ctx.t.db.select().from(incidents).where(eq(incidents.id, incident.id)))[0]!.status).toBe("investigating");
  });

  it("rolls the message back when the status change itself is refused inside the transaction", async () => {
    const incident = await declare();
    const before = (await entriesOf(incident.id)).length;
    // A resolved time before the start fails the order check after the entries were prepared.
    const error = (await thrown(() =>
      updateIncident({
        actor: ctx.responder.actor,
        incidentId: incident.id,
        input: { version: incident.version, status: "resolved", resolvedAt: new Date(incident.startedAt - 3_600_000).toISOString(), message: "Resolved" },
      }),
    )) as AppError;
    expect(error.status).toBe(400);
    expect(await entriesOf(incident.id)).toHaveLength(before);
  });

  it("refuses a message without a status, naming the field", async () => {
    const incident = await declare();
    const error = (await thrown(() =>
      updateIncident({ actor: ctx.responder.actor, incidentId: incident.id, input: { version: incident.version, message: "hello" } }),
    )) as AppError;
    expect(error.status).toBe(400);
    expect(error.fields?.message).toMatch(/status/);
  });

  it("counts the cadence from the declaration until an update or status change, not from title edits", async () => {
    const incident = await declare();
    const start = await lastStakeholderUpdateAt({ actor: ctx.responder.actor, incidentId: incident.id });
    expect(start).toBe(incident.declaredAt);
    await ctx.t.db
      .update(timelineEntries)
      .set({ createdAt: incident.declaredAt - 60_000 })
      .where(eq(timelineEntries.incidentId, incident.id));
    await updateIncident({ actor: ctx.responder.actor, incidentId: incident.id, input: { version: incident.version, title: "Checkout errors in EU" } });
    expect(await lastStakeholderUpdateAt({ actor: ctx.responder.actor, incidentId: incident.id })).toBe(incident.declaredAt);
  });
});
