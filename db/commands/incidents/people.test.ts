import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { auditsOf, setUpTestDb, thrown } from "../../testing/test-db";
import { entriesOfKind, moreUsers } from "../../testing/incident-fixtures";
import { incidentRoles, timelineEntries } from "../../schema";
import { declareIncident } from "./declare";
import { getIncident } from "../../queries/incidents/detail";
import { listIncidents } from "../../queries/incidents/list";
import { addResponder, removeResponder } from "./people";
import { lastActivity } from "../../queries/incidents/activity";

const ctx = setUpTestDb();
const more = moreUsers(ctx, { helper: "responder", outsider: "responder" });

const responderRows = async (incidentId: number) =>
  await ctx.t.db
    .select()
    .from(incidentRoles)
    .where(and(eq(incidentRoles.incidentId, incidentId), eq(incidentRoles.role, "responder")));

describe("responders", () => {
  it("adds a person once, with a timeline entry and an audit record", async () => {
    const id = (await declareIncident({ actor: ctx.responder.actor, input: { title: "Cache stampede", severity: "SEV3" } })).incident.id;
    await addResponder({ actor: ctx.responder.actor, incidentId: id, userId: more.helper.id });
    await addResponder({ actor: ctx.responder.actor, incidentId: id, userId: more.helper.id });
    expect(await responderRows(id)).toHaveLength(1);
    const entries = await entriesOfKind(ctx.t.db, id, "role");
    expect(entries.map((e) => e.body)).toEqual([`${more.helper.name} added as a responder`]);
    expect(await auditsOf(ctx.t.db, "incident.responder_add")).toHaveLength(1);
    expect((await getIncident({ actor: ctx.responder.actor, incidentId: id })).people.map((p) => p.role).sort()).toEqual(["commander", "responder"]);
  });

  it("joining yourself reads as joining", async () => {
    const id = (await declareIncident({ actor: ctx.responder.actor, input: { title: "Slow builds", severity: "SEV4" } })).incident.id;
    await addResponder({ actor: more.helper.actor, incidentId: id, userId: more.helper.id });
    const last = (await ctx.t.db.select().from(timelineEntries).where(eq(timelineEntries.incidentId, id))).at(-1)!;
    expect(last.body).toBe(`${more.helper.name} joined as a responder`);
  });

  it("removes a responder and refuses to remove someone who is not one", async () => {
    const id = (await declareIncident({ actor: ctx.responder.actor, input: { title: "Disk full on builder", severity: "SEV4" } })).incident.id;
    await addResponder({ actor: ctx.responder.actor, incidentId: id, userId: more.helper.id });
    await removeResponder({ actor: ctx.responder.actor, incidentId: id, userId: more.helper.id });
    expect(await responderRows(id)).toHaveLength(0);
    expect(((await thrown(() => removeResponder({ actor: ctx.responder.actor, incidentId: id, userId: more.helper.id }))) as AppError).status).toBe(404);
  });

  it("viewers cannot change responders; unknown people are refused", async () => {
    const id = (await declareIncident({ actor: ctx.responder.actor, input: { title: "Webhook retries", severity: "SEV3" } })).incident.id;
    expect(((await thrown(() => addResponder({ actor: ctx.viewer.actor, incidentId: id, userId: ctx.viewer.id }))) as AppError).status).toBe(403);
    const unknown = (await thrown(() => addResponder({ actor: ctx.responder.actor, incidentId: id, userId: 999_999 }))) as AppError;
    expect(unknown.status).toBe(400);
    expect(unknown.fields).toHaveProperty("userId");
    expect(await responderRows(id)).toHaveLength(0);
  });

  it("a person added to a private incident can then see it; outsiders still cannot", async () => {
    const id = (await declareIncident({ actor: ctx.responder.actor, input: { title: "Leaked key", severity: "SEV1", private: true } })).incident.id;
    expect(((await thrown(() => getIncident({ actor: more.helper.actor, incidentId: id }))) as AppError).status).toBe(404);
    expect(((await thrown(() => addResponder({ actor: more.outsider.actor, incidentId: id, userId: more.outsider.id }))) as AppError).status).toBe(404);
    await addResponder({ actor: ctx.responder.actor, incidentId: id, userId: more.helper.id });
    expect((await getIncident({ actor: more.helper.actor, incidentId: id })).title).toBe("Leaked key");
    expect((await listIncidents({ actor: more.outsider.actor, query: { q: "Leaked" } })).items).toHaveLength(0);
  });
});

describe("lastActivity", () => {
  it("reports the newest timeline write per incident", async () => {
    const a = (await declareIncident({ actor: ctx.responder.actor, input: { title: "A", severity: "SEV4" } })).incident.id;
    const b = (await declareIncident({ actor: ctx.responder.actor, input: { title: "B", severity: "SEV4" } })).incident.id;
    await addResponder({ actor: ctx.responder.actor, incidentId: b, userId: more.helper.id });
    const activity = await lastActivity({ actor: ctx.responder.actor, incidentIds: [a, b] });
    const newestB = (await ctx.t.db.select().from(timelineEntries).where(eq(timelineEntries.incidentId, b))).at(-1)!;
    expect(activity.get(b)?.entryId).toBe(newestB.id);
    expect(activity.get(a)!.entryId).toBeLessThan(newestB.id);
    expect((await lastActivity({ actor: ctx.responder.actor, incidentIds: [] })).size).toBe(0);
  });
});
