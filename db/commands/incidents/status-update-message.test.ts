import { describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { setUpTestDb, thrown } from "../../testing/test-db";
import { incidents, timelineEntries } from "../../schema";
import { declareIncident } from "./declare";
import { updateIncident } from "./update";
import { lastStakeholderUpdateAt } from "../../queries/incidents/activity";

const ctx = setUpTestDb();

const declare = () => declareIncident({ actor: ctx.responder.actor, input: { title: "Checkout errors", severity: "SEV1" } }).incident;
const entriesOf = (incidentId: number) =>
  ctx.t.db.select().from(timelineEntries).where(eq(timelineEntries.incidentId, incidentId)).orderBy(asc(timelineEntries.id)).all();

describe("status change with an update message", () => {
  it("writes the status change and the update entry together, authored by the actor, in one version", () => {
    const incident = declare();
    const before = entriesOf(incident.id).length;
    const updated = updateIncident({
      actor: ctx.responder.actor,
      incidentId: incident.id,
      input: { version: incident.version, status: "identified", message: "Bad deploy of cart-api; rolling back." },
    });
    expect(updated.version).toBe(incident.version + 1);
    const added = entriesOf(incident.id).slice(before);
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
    expect(lastStakeholderUpdateAt({ actor: ctx.responder.actor, incidentId: incident.id })).toBe(update.createdAt);
  });

  it("writes neither the status nor the message when the version is stale (409)", () => {
    const incident = declare();
    updateIncident({ actor: ctx.responder.actor, incidentId: incident.id, input: { version: incident.version, title: "Checkout errors (EU)" } });
    const before = entriesOf(incident.id).length;
    const error = thrown(() =>
      updateIncident({ actor: ctx.responder.actor, incidentId: incident.id, input: { version: incident.version, status: "resolved", message: "All clear" } }),
    ) as AppError;
    expect(error.status).toBe(409);
    expect(entriesOf(incident.id)).toHaveLength(before);
    expect(ctx.t.db.select().from(incidents).where(eq(incidents.id, incident.id)).get()!.status).toBe("investigating");
  });

  it("rolls the message back when the status change itself is refused inside the transaction", () => {
    const incident = declare();
    const before = entriesOf(incident.id).length;
    // A resolved time before the start fails the order check after the entries were prepared.
    const error = thrown(() =>
      updateIncident({
        actor: ctx.responder.actor,
        incidentId: incident.id,
        input: { version: incident.version, status: "resolved", resolvedAt: new Date(incident.startedAt - 3_600_000).toISOString(), message: "Resolved" },
      }),
    ) as AppError;
    expect(error.status).toBe(400);
    expect(entriesOf(incident.id)).toHaveLength(before);
  });

  it("refuses a message without a status, naming the field", () => {
    const incident = declare();
    const error = thrown(() =>
      updateIncident({ actor: ctx.responder.actor, incidentId: incident.id, input: { version: incident.version, message: "hello" } }),
    ) as AppError;
    expect(error.status).toBe(400);
    expect(error.fields?.message).toMatch(/status/);
  });

  it("counts the cadence from the declaration until an update or status change, not from title edits", () => {
    const incident = declare();
    const start = lastStakeholderUpdateAt({ actor: ctx.responder.actor, incidentId: incident.id });
    expect(start).toBe(incident.declaredAt);
    ctx.t.db
      .update(timelineEntries)
      .set({ createdAt: incident.declaredAt - 60_000 })
      .where(eq(timelineEntries.incidentId, incident.id))
      .run();
    updateIncident({ actor: ctx.responder.actor, incidentId: incident.id, input: { version: incident.version, title: "Checkout errors in EU" } });
    expect(lastStakeholderUpdateAt({ actor: ctx.responder.actor, incidentId: incident.id })).toBe(incident.declaredAt);
  });
});
