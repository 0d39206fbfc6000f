import { describe, expect, it } from "vitest";
import { asc, eq, gt } from "drizzle-orm";
import { setUpTestDb, thrown } from "../../testing/test-db";
import { postmortemInReview } from "../../testing/postmortem-fixtures";
import { events } from "../../schema";
import type { EventPayloads, EventType } from "../../queries/events/types";
import { declareIncident } from "../incidents/declare";
import { updateIncident } from "../incidents/update";
import { addNote, setHighlighted } from "../incidents/timeline";
import { addResponder, removeResponder } from "../incidents/people";
import { setChecklistItemDone } from "../incidents/checklist";
import { linkService, setSpendOverride, unlinkService } from "../incidents/services";
import { createService } from "../catalogue/services";
import { createSlo } from "../catalogue/slos";
import { createPlaybook } from "../catalogue/playbooks";
import { createActionItem } from "../action-items/create";
import { updateActionItem } from "../action-items/update";
import { startPostmortem } from "../postmortems/start";
import { savePostmortem } from "../postmortems/save";
import { setReviewCheck, setReviewers } from "../postmortems/reviewers";
import { transitionPostmortem } from "../postmortems/review";
import { addComment } from "../postmortems/comments";
import { regenerateTimelineSection } from "../postmortems/regenerate-timeline";
import { getIncident } from "../../queries/incidents/detail";
import { listTimeline } from "../../queries/incidents/timeline";
import { listChecklist } from "../../queries/incidents/checklist";
import { actionItemsForIncident } from "../../queries/action-items/read";

const ctx = setUpTestDb();

const lastId = async () => (await ctx.t.db.select({ id: events.id }).from(events).orderBy(asc(events.id))).at(-1)?.id ?? 0;

/** The events written by `fn` (ids after the ones before it), with parsed payloads. */
async function eventsOf(fn: () => unknown) {
  const before = await lastId();
  await fn();
  return (await ctx.t.db.select().from(events).where(gt(events.id, before)).orderBy(asc(events.id))).map((row) => ({
    ...row,
    payload: JSON.parse(row.payload) as unknown,
  }));
}

const types = (rows: { type: string }[]) => rows.map((r) => r.type);
function payloadOf<T extends EventType>(rows: { type: string; payload: unknown }[], type: T): EventPayloads[T] {
  const row = rows.findLast((r) => r.type === type);
  expect(row, `an event ${type}`).toBeDefined();
  return row!.payload as EventPayloads[T];
}

const declare = async (input: Record<string, unknown> = {}) =>
  (await declareIncident({ actor: ctx.responder.actor, input: { title: "Queue backlog", severity: "SEV3", ...input } })).incident;

describe("events appended with each change", () => {
  it("declare: incident.declared first, then its timeline entry; actor and time recorded", async () => {
    let id = 0;
    const rows = await eventsOf(async () => (id = (await declare()).id));
    expect(types(rows)).toEqual(["incident.declared", "timeline.entry_added"]);
    const incident = await getIncident({ actor: ctx.responder.actor, incidentId: id });
    expect(rows[0]).toMatchObject({
      incidentId: id,
      actorUserId: ctx.responder.id,
      actorTokenId: null,
      actorLabel: ctx.responder.name,
      at: incident.declaredAt,
    });
    const { incident: state } = payloadOf(rows, "incident.declared");
    expect(state).toMatchObject({ id, reference: `INC-${id}`, title: "Queue backlog", status: "investigating", version: 1 });
    expect(state).not.toHaveProperty("createdById");
    expect(rows[1]!.id).toBe(rows[0]!.id + 1);
  });

  it("a token's changes carry the token as actor", async () => {
    const token = await ctx.t.createToken("responder");
    const rows = await eventsOf(() => declareIncident({ actor: token.actor, input: { title: "From the pager", severity: "SEV4" } }));
    expect(rows[0]).toMatchObject({ actorUserId: null, actorTokenId: token.id, actorLabel: `API token "${token.actor.name}"` });
  });

  it("update: incident.updated with the changed fields and the new state, then the timeline entries", async () => {
    const incident = await declare();
    const rows = await eventsOf(() =>
      updateIncident({
        actor: ctx.responder.actor,
        incidentId: incident.id,
        input: { version: incident.version, status: "monitoring", message: "Rolled back" },
      }),
    );
    expect(types(rows)).toEqual(["incident.updated", "timeline.entry_added", "timeline.entry_added"]);
    const { changed, incident: state } = payloadOf(rows, "incident.updated");
    expect(changed).toEqual(expect.arrayContaining(["status", "mitigatedAt", "mitigatedAtSource"]));
    expect(state).toMatchObject({ status: "monitoring", version: incident.version + 1 });
    const added = rows.filter((r) => r.type === "timeline.entry_added").map((r) => (r.payload as EventPayloads["timeline.entry_added"]).entry);
    expect(added.map((e) => e.stakeholderUpdate)).toEqual([false, true]);
    expect(added).toEqual(
      (await listTimeline({ actor: ctx.responder.actor, incidentId: incident.id }))
        .slice(-2)
        .map((t) => expect.objectContaining({ id: t.id, body: t.body, kind: t.kind })),
    );
  });

  it("lead roles through update: roles.changed with the full list", async () => {
    const incident = await declare();
    const rows = await eventsOf(() =>
      updateIncident({ actor: ctx.responder.actor, incidentId: incident.id, input: { version: incident.version, scribeEmail: ctx.admin.email } }),
    );
    expect(payloadOf(rows, "roles.changed").people.map((p) => [p.role, p.userId])).toEqual([
      ["commander", ctx.responder.id],
      ["scribe", ctx.admin.id],
    ]);
  });

  it("a failing change writes no event (same transaction)", async () => {
    const incident = await declare();
    const before = await lastId();
    expect(
      (await thrown(() => updateIncident({ actor: ctx.responder.actor, incidentId: incident.id, input: { version: incident.version + 7, title: "Nope" } })))
        .status,
    ).toBe(409);
    expect(
      (await thrown(() => updateIncident({ actor: ctx.viewer.actor, incidentId: incident.id, input: { version: incident.version, title: "Nope" } }))).status,
    ).toBe(403);
    // Past the events of the change, the order check fails: everything rolls back.
    expect(
      (
        await thrown(() =>
          updateIncident({
            actor: ctx.responder.actor,
            incidentId: incident.id,
            input: { version: incident.version, status: "resolved", startedAt: Date.now() + 3_600_000 },
          }),
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await thrown(() =>
          declareIncident({ actor: ctx.responder.actor, input: { title: "Bad", severity: "SEV3", services: [{ service: "nope", impact: "degraded" }] } }),
        )
      ).status,
    ).toBe(400);
    expect(await lastId()).toBe(before);
  });

  it("notes: the first note by a person acknowledges (incident.updated); highlight → timeline.entry_updated", async () => {
    const token = await ctx.t.createToken("responder");
    const incident = (await declareIncident({ actor: token.actor, input: { title: "Unacknowledged", severity: "SEV4" } })).incident;
    let entryId = 0;
    const rows = await eventsOf(async () => (entryId = (await addNote({ actor: ctx.admin.actor, incidentId: incident.id, input: { body: "Looking" } })).id));
    expect(types(rows)).toEqual(["timeline.entry_added", "incident.updated"]);
    expect(payloadOf(rows, "timeline.entry_added").entry).toMatchObject({ id: entryId, body: "Looking", kind: "note", authorLabel: ctx.admin.name });
    expect(payloadOf(rows, "incident.updated")).toMatchObject({
      changed: ["acknowledgedAt", "acknowledgedAtSource"],
      incident: { acknowledgedAtSource: "status_change" },
    });
    const marked = await eventsOf(() => setHighlighted({ actor: ctx.admin.actor, incidentId: incident.id, entryId, highlighted: true }));
    expect(types(marked)).toEqual(["timeline.entry_updated"]);
    expect(payloadOf(marked, "timeline.entry_updated").entry).toMatchObject({ id: entryId, highlighted: true });
  });

  it("people: roles.changed on add and remove", async () => {
    const incident = await declare();
    const added = await eventsOf(() => addResponder({ actor: ctx.responder.actor, incidentId: incident.id, userId: ctx.admin.id }));
    expect(types(added)).toEqual(["roles.changed", "timeline.entry_added"]);
    expect(payloadOf(added, "roles.changed").people.map((p) => p.role)).toEqual(["commander", "responder"]);
    const removed = await eventsOf(() => removeResponder({ actor: ctx.responder.actor, incidentId: incident.id, userId: ctx.admin.id }));
    expect(payloadOf(removed, "roles.changed").people.map((p) => p.role)).toEqual(["commander"]);
  });

  it("services, playbooks, checklist and SLO overrides", async () => {
    await createService({ actor: ctx.admin.actor, input: { slug: "queue", name: "Queue", tier: 1 } });
    const slo = await createSlo({ actor: ctx.admin.actor, slug: "queue", input: { name: "Availability", objective: 99.9, windowDays: 30 } });
    await createPlaybook({
      actor: ctx.admin.actor,
      input: {
        name: "Queue trouble",
        severities: ["SEV3"],
        serviceIds: [],
        items: [{ text: "Drain the queue" }, { text: "Name a commander", autoCheck: "commander_assigned" }],
      },
    });
    let id = 0;
    const declared = await eventsOf(async () => (id = (await declare()).id));
    // The playbook applies at declaration; its commander item ticks itself at once: one checklist event.
    expect(types(declared).filter((t) => t === "checklist.changed")).toHaveLength(1);
    expect(payloadOf(declared, "checklist.changed").items.map((i) => [i.text, i.doneAt !== null])).toEqual([
      ["Drain the queue", false],
      ["Name a commander", true],
    ]);

    const linked = await eventsOf(() => linkService({ actor: ctx.responder.actor, incidentId: id, input: { service: "queue", impact: "partial_outage" } }));
    const services = payloadOf(linked, "services.changed");
    expect(services.linked.map((l) => [l.slug, l.impact])).toEqual([["queue", "partial_outage"]]);
    expect(services.sloSpend.map((s) => s.sloId)).toEqual([slo.id]);

    const override = await eventsOf(() =>
      setSpendOverride({ actor: ctx.responder.actor, incidentId: id, sloId: slo.id, input: { minutes: 3, reason: "EU only" } }),
    );
    expect(payloadOf(override, "slo_spend.changed").sloSpend[0]).toMatchObject({ spentMinutes: 3, overridden: { minutes: 3, reason: "EU only" } });

    const resolved = await eventsOf(async () =>
      updateIncident({
        actor: ctx.responder.actor,
        incidentId: id,
        input: { version: (await getIncident({ actor: ctx.responder.actor, incidentId: id })).version, status: "resolved" },
      }),
    );
    expect(types(resolved)).toContain("slo_spend.changed");

    const item = (await listChecklist({ actor: ctx.responder.actor, incidentId: id }))[0]!;
    const checked = await eventsOf(() => setChecklistItemDone({ actor: ctx.responder.actor, itemId: item.id, done: true }));
    expect(types(checked)).toEqual(["checklist.changed", "timeline.entry_added"]);
    expect(payloadOf(checked, "checklist.changed").items.every((i) => i.doneAt !== null)).toBe(true);

    const unlinked = await eventsOf(() => unlinkService({ actor: ctx.responder.actor, incidentId: id, slug: "queue" }));
    expect(payloadOf(unlinked, "services.changed")).toEqual({ linked: [], sloSpend: [] });
  });

  it("action items: action_items.changed with the items and progress", async () => {
    const incident = await declare();
    let itemId = 0;
    const created = await eventsOf(
      async () =>
        (itemId = (
          await createActionItem({
            actor: ctx.responder.actor,
            incidentId: incident.id,
            input: { title: "Alert on backlog", ownerId: ctx.responder.id, priority: "P2", kind: "detect" },
          })
        ).id),
    );
    expect(types(created)).toEqual(["timeline.entry_added", "action_items.changed"]);
    expect(payloadOf(created, "action_items.changed")).toEqual(
      JSON.parse(JSON.stringify(await actionItemsForIncident({ actor: ctx.responder.actor, incidentId: incident.id }))),
    );
    const updated = await eventsOf(() => updateActionItem({ actor: ctx.responder.actor, id: itemId, input: { version: 1, status: "done" } }));
    expect(payloadOf(updated, "action_items.changed").items[0]).toMatchObject({ id: itemId, status: "done", version: 2 });
    expect(payloadOf(updated, "action_items.changed").progress).toMatchObject({ done: 1 });
  });

  it("postmortem: start, save, reviewers, transitions, review checklist, comments, regenerate", async () => {
    const incident = await declare({ severity: "SEV2" });
    const actor = ctx.responder.actor;
    await updateIncident({ actor, incidentId: incident.id, input: { version: incident.version, status: "resolved" } });
    const started = await eventsOf(() => startPostmortem({ actor, incidentId: incident.id }));
    expect(types(started)).toEqual(["postmortem.changed", "timeline.entry_added"]);
    // Viewers of the incident may not read drafts: the payload (the same for every reader) says only where it stands.
    const draft = payloadOf(started, "postmortem.changed").postmortem;
    expect(Object.keys(draft).sort()).toEqual(["due", "status", "version"]);
    expect(draft).toMatchObject({ status: "draft", version: 1 });
    expect(JSON.stringify(draft)).not.toContain(ctx.responder.name);

    const saved = await eventsOf(() => savePostmortem({ actor, incidentId: incident.id, input: { version: 1, sections: { summary: "It broke" } } }));
    expect(payloadOf(saved, "postmortem.changed").postmortem.version).toBe(2);
    expect(await eventsOf(() => savePostmortem({ actor, incidentId: incident.id, input: { version: 2, sections: { summary: "It broke" } } }))).toEqual([]);

    const regenerated = await eventsOf(() => regenerateTimelineSection({ actor, incidentId: incident.id, version: 2, includeAllNotes: true }));
    const version = regenerated.length ? payloadOf(regenerated, "postmortem.changed").postmortem.version : 2;
    expect(types(await eventsOf(() => setReviewers({ actor, incidentId: incident.id, input: { reviewerIds: [ctx.admin.id] } })))).toEqual([
      "postmortem.changed",
    ]);
    const sent = await eventsOf(() => transitionPostmortem({ actor, incidentId: incident.id, input: { to: "in_review", version } }));
    expect(types(sent)).toEqual(["postmortem.changed", "timeline.entry_added"]);
    const inReview = payloadOf(sent, "postmortem.changed").postmortem;
    expect(inReview.status).toBe("in_review");
    expect(Object.keys(inReview).sort()).toEqual(["due", "status", "version"]);
    expect(types(await eventsOf(() => setReviewCheck({ actor: ctx.admin.actor, incidentId: incident.id, key: "data", checked: true })))).toEqual([
      "postmortem.changed",
    ]);
    expect(types(await eventsOf(() => addComment({ actor, incidentId: incident.id, section: "summary", body: "Clear" })))).toEqual(["postmortem.changed"]);
  });

  it("postmortem: once published, its owner is in the payload", async () => {
    const incident = await declare({ severity: "SEV2" });
    const sent = await postmortemInReview(ctx, incident);
    const published = await eventsOf(() =>
      transitionPostmortem({ actor: ctx.admin.actor, incidentId: incident.id, input: { to: "published", version: sent.version } }),
    );
    expect(payloadOf(published, "postmortem.changed").postmortem).toMatchObject({ status: "published", ownerName: ctx.responder.name });
  });

  it("events of one incident are kept per incident in id order", async () => {
    const incident = await declare();
    await addNote({ actor: ctx.responder.actor, incidentId: incident.id, input: { body: "one" } });
    await addNote({ actor: ctx.responder.actor, incidentId: incident.id, input: { body: "two" } });
    const rows = await ctx.t.db.select().from(events).where(eq(events.incidentId, incident.id)).orderBy(asc(events.id));
    const bodies = rows
      .filter((r) => r.type === "timeline.entry_added")
      .map((r) => (JSON.parse(r.payload) as EventPayloads["timeline.entry_added"]).entry.body);
    expect(bodies.slice(-2)).toEqual(["one", "two"]);
  });
});
