import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { setUpTestDb, type TestUser, thrown } from "../../testing/test-db";
import { entriesOfKind } from "../../testing/incident-fixtures";
import { auditLog, checklistItems, incidentPlaybooks, incidents, incidentServices, services } from "../../schema";
import { declareIncident } from "./declare";
import { updateIncident } from "./update";
import { createPlaybook, deletePlaybook, updatePlaybook } from "../catalogue/playbooks";
import { applyMatchingPlaybooks, setChecklistItemDone } from "./checklist";
import { listChecklist } from "../../queries/incidents/checklist";
import { listTimeline } from "../../queries/incidents/timeline";
import { ensureDefaultPlaybooks } from "../../seed/defaults/default-playbooks";
import { transaction } from "../../transaction";

const ctx = setUpTestDb();
let outsider: TestUser;
let payments: number;
let search: number;

beforeAll(async () => {
  outsider = await ctx.t.createUser("responder");
  const now = Date.now();
  const add = async (slug: string, name: string) =>
    (await ctx.t.db.insert(services).values({ slug, name, tier: 1, createdAt: now, updatedAt: now }).returning())[0]!.id;
  payments = await add("payments-api", "Payments API");
  search = await add("search", "Search");
});

const declare = async (severity: string, extra: Record<string, unknown> = {}) =>
  (await declareIncident({ actor: ctx.responder.actor, input: { title: `A ${severity} incident`, severity, ...extra } })).incident;

const checklistEntries = (incidentId: number) => entriesOfKind(ctx.t.db, incidentId, "checklist");

/** The first item nobody (and nothing) has ticked yet: "Assign an incident commander" is done at declaration. */
const firstOpen = async (actor: TestUser["actor"], incidentId: number) => (await listChecklist({ actor, incidentId })).find((i) => i.doneAt === null)!;
const itemNow = async (id: number) => (await ctx.t.db.select().from(checklistItems).where(eq(checklistItems.id, id)))[0]!;

/** Applies playbooks as a service link would: inside a transaction. */
const apply = async (incidentId: number, serviceIds: number[] = []) =>
  await transaction(async (tx) => {
    const incident = (await tx.select().from(incidents).where(eq(incidents.id, incidentId)))[0]!;
    return applyMatchingPlaybooks(tx, ctx.responder.actor, incident, serviceIds);
  });

describe("on a database where ensureDefaultPlaybooks ran", () => {
  it("escalating a SEV3 to SEV1 adds the major-incident checklist once", async () => {
    await ensureDefaultPlaybooks(ctx.t.db);
    const incident = await declare("SEV3");
    const minorItems = (await listChecklist({ actor: ctx.viewer.actor, incidentId: incident.id })).length;
    const escalated = await updateIncident({ actor: ctx.responder.actor, incidentId: incident.id, input: { version: incident.version, severity: "SEV1" } });
    const after = await listChecklist({ actor: ctx.viewer.actor, incidentId: incident.id });
    expect(after.length).toBe(minorItems + 10);
    expect(after.at(-1)!.playbookName).toBe("Major incident (SEV1/SEV2)");
    await updateIncident({ actor: ctx.responder.actor, incidentId: incident.id, input: { version: escalated.version, severity: "SEV2" } });
    expect(await listChecklist({ actor: ctx.viewer.actor, incidentId: incident.id })).toHaveLength(minorItems + 10);
  });

  it("declaring a SEV2 puts the major-incident checklist on it, with one timeline entry", async () => {
    await ensureDefaultPlaybooks(ctx.t.db);
    const incident = await declare("SEV2");
    const items = await listChecklist({ actor: ctx.viewer.actor, incidentId: incident.id });
    expect(items).toHaveLength(10);
    expect(items.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // The declarer became commander at once, so the item saying so is already done, by Hindsight.
    expect(items[0]).toMatchObject({
      text: "Assign an incident commander",
      playbookName: "Major incident (SEV1/SEV2)",
      autoCheck: "commander_assigned",
      doneAt: incident.declaredAt,
      doneByLabel: "Hindsight",
    });
    expect(items[1]).toMatchObject({ autoCheck: null, doneAt: null, doneByLabel: null });
    expect(items[2]!.text).toBe("Post the first stakeholder update within 15 minutes");
    const entries = await checklistEntries(incident.id);
    expect(entries.map((e) => e.body)).toEqual([
      "Playbook “Major incident (SEV1/SEV2)” added 10 checklist items",
      `✓ Checked “Assign an incident commander”: ${ctx.responder.name} is incident commander`,
    ]);
    expect(entries[0]).toMatchObject({ authorUserId: ctx.responder.id, occurredAt: incident.declaredAt });
    // The declaration comes first on the timeline.
    const timeline = await listTimeline({ actor: ctx.viewer.actor, incidentId: incident.id });
    expect(timeline.map((e) => e.kind)).toEqual(["status", "checklist", "checklist"]);

    const minor = await declare("SEV4");
    expect((await listChecklist({ actor: ctx.viewer.actor, incidentId: minor.id })).map((i) => i.playbookName)).toEqual(
      Array(4).fill("Minor incident (SEV3/SEV4)"),
    );
  });
});

describe("applyMatchingPlaybooks", () => {
  it("applies each playbook once, even when called again, and keeps positions increasing", async () => {
    const incident = await declare("SEV3");
    const before = (await listChecklist({ actor: ctx.admin.actor, incidentId: incident.id })).length;
    const p = await createPlaybook({
      actor: ctx.admin.actor,
      input: { name: "Search is slow", serviceIds: [search], items: [{ text: "s1" }, { text: "s2" }, { text: "s3" }] },
    });
    expect(await apply(incident.id, [search])).toBe(3);
    expect(await apply(incident.id, [search])).toBe(0);
    // Changing the playbook later does not copy it again.
    await updatePlaybook({
      actor: ctx.admin.actor,
      playbookId: p.id,
      input: { version: 1, items: [{ text: "s1" }, { text: "s2" }, { text: "s3" }, { text: "s4" }] },
    });
    expect(await apply(incident.id, [search])).toBe(0);
    const items = await listChecklist({ actor: ctx.admin.actor, incidentId: incident.id });
    expect(items).toHaveLength(before + 3);
    expect(items.slice(before).map((i) => [i.position, i.text])).toEqual([
      [before + 1, "s1"],
      [before + 2, "s2"],
      [before + 3, "s3"],
    ]);
    expect((await checklistEntries(incident.id)).filter((e) => e.body.includes("Search is slow"))).toHaveLength(1);
    expect((await ctx.t.db.select().from(incidentPlaybooks).where(eq(incidentPlaybooks.incidentId, incident.id))).map((r) => r.playbookId)).toContain(p.id);
    await deletePlaybook({ actor: ctx.admin.actor, playbookId: p.id });
    // Deleting the playbook keeps the copied items, named as they were.
    expect((await listChecklist({ actor: ctx.admin.actor, incidentId: incident.id })).slice(before).map((i) => [i.playbookName, i.playbookId])).toEqual(
      Array(3).fill(["Search is slow", null]),
    );
  });

  it("matches by severity and by service; both set means both; disabled ones are ignored", async () => {
    const sev1 = await createPlaybook({ actor: ctx.admin.actor, input: { name: "SEV1 only", severities: ["SEV1"], items: [{ text: "sev1 item" }] } });
    const pay = await createPlaybook({
      actor: ctx.admin.actor,
      input: { name: "Payments any severity", serviceIds: [payments], items: [{ text: "pay item" }] },
    });
    const both = await createPlaybook({
      actor: ctx.admin.actor,
      input: { name: "Payments SEV1", severities: ["SEV1"], serviceIds: [payments], items: [{ text: "both item" }] },
    });
    const off = await createPlaybook({
      actor: ctx.admin.actor,
      input: { name: "Disabled SEV1", severities: ["SEV1"], enabled: false, items: [{ text: "off item" }] },
    });
    const names = async (incidentId: number) => [...new Set((await listChecklist({ actor: ctx.admin.actor, incidentId })).map((i) => i.playbookName))];

    const a = await declare("SEV1");
    expect(await names(a.id)).toContain("SEV1 only");
    expect(await names(a.id)).not.toContain("Payments any severity");
    expect(await names(a.id)).not.toContain("Payments SEV1");
    // A service linked later brings its playbooks (the severity one is not repeated).
    await ctx.t.db.insert(incidentServices).values({ incidentId: a.id, serviceId: payments, impact: "degraded", linkedAt: Date.now() });
    expect(await apply(a.id)).toBe(2);
    expect(await names(a.id)).toEqual(expect.arrayContaining(["SEV1 only", "Payments any severity", "Payments SEV1"]));
    expect(await names(a.id)).not.toContain("Disabled SEV1");

    const b = await declare("SEV4");
    expect(await apply(b.id, [search])).toBe(0);
    expect(await apply(b.id, [payments])).toBe(1);
    expect(await names(b.id)).toContain("Payments any severity");
    expect(await names(b.id)).not.toContain("Payments SEV1");

    // Re-enabled later, a playbook applies on the next link.
    await updatePlaybook({ actor: ctx.admin.actor, playbookId: off.id, input: { version: 1, enabled: true } });
    expect(await apply(a.id)).toBe(1);
    for (const p of [sev1, pay, both, off]) await deletePlaybook({ actor: ctx.admin.actor, playbookId: p.id });
  });
});

describe("setChecklistItemDone", () => {
  it("checking and unchecking writes a timeline entry and an audit record with who; repeating changes nothing", async () => {
    const incident = await declare("SEV2");
    const item = await firstOpen(ctx.responder.actor, incident.id);
    const entriesBefore = (await checklistEntries(incident.id)).length;

    const checked = await setChecklistItemDone({ actor: ctx.responder.actor, itemId: item!.id, done: true });
    expect(checked.doneAt).toBeGreaterThan(0);
    expect(checked.doneByLabel).toBe(ctx.responder.name);
    expect(await setChecklistItemDone({ actor: ctx.responder.actor, itemId: item!.id, done: true })).toEqual(checked);

    const unchecked = await setChecklistItemDone({ actor: ctx.admin.actor, itemId: item!.id, done: false });
    expect(unchecked).toMatchObject({ doneAt: null, doneByLabel: null });
    await setChecklistItemDone({ actor: ctx.admin.actor, itemId: item!.id, done: false });

    const entries = (await checklistEntries(incident.id)).slice(entriesBefore);
    expect(entries.map((e) => [e.body, e.authorLabel])).toEqual([
      [`✓ Checked: ${item!.text}`, ctx.responder.name],
      [`Unchecked: ${item!.text}`, ctx.admin.name],
    ]);
    const audits = (
      await ctx.t.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.entityId, String(incident.id)))
    ).filter((a) => a.action.startsWith("checklist.") && JSON.parse(a.after!).itemId === item.id);
    expect(audits.map((a) => [a.action, a.actorLabel])).toEqual([
      ["checklist.check", ctx.responder.name],
      ["checklist.uncheck", ctx.admin.name],
    ]);
  });

  it("an API token checks items too, labelled as the token", async () => {
    const incident = await declare("SEV1");
    const item = await firstOpen(ctx.responder.actor, incident.id);
    const token = await ctx.t.createToken("responder");
    expect((await setChecklistItemDone({ actor: token.actor, itemId: item!.id, done: true })).doneByLabel).toBe(`API token "${token.actor.name}"`);
  });

  it("viewers get 403 and nothing changes", async () => {
    const incident = await declare("SEV2");
    const item = await firstOpen(ctx.viewer.actor, incident.id);
    expect((await thrown(() => setChecklistItemDone({ actor: ctx.viewer.actor, itemId: item.id, done: true }))).status).toBe(403);
    expect((await itemNow(item.id)).doneAt).toBeNull();
  });

  it("a private incident's checklist is a 404 to outsiders, readable and checkable by its people and admins", async () => {
    const incident = await declare("SEV1", { private: true });
    const item = await firstOpen(ctx.responder.actor, incident.id);
    expect((await thrown(() => listChecklist({ actor: outsider.actor, incidentId: incident.id }))).status).toBe(404);
    expect((await thrown(() => listChecklist({ actor: ctx.viewer.actor, incidentId: incident.id }))).status).toBe(404);
    expect((await thrown(() => setChecklistItemDone({ actor: outsider.actor, itemId: item!.id, done: true }))).status).toBe(404);
    expect((await thrown(() => setChecklistItemDone({ actor: ctx.viewer.actor, itemId: item!.id, done: true }))).status).toBe(404);
    expect((await setChecklistItemDone({ actor: ctx.admin.actor, itemId: item!.id, done: true })).doneByLabel).toBe(ctx.admin.name);
    expect((await itemNow(item.id)).doneAt).not.toBeNull();
  });

  it("unknown items, items of another incident and non-boolean values are refused", async () => {
    const a = await declare("SEV2");
    const b = await declare("SEV2");
    const item = await firstOpen(ctx.responder.actor, a.id);
    expect((await thrown(() => setChecklistItemDone({ actor: ctx.responder.actor, itemId: 999_999, done: true }))).status).toBe(404);
    expect((await thrown(() => setChecklistItemDone({ actor: ctx.responder.actor, itemId: item!.id, done: true, incidentId: b.id }))).status).toBe(404);
    const error = await thrown(() => setChecklistItemDone({ actor: ctx.responder.actor, itemId: item!.id, done: "yes" as unknown as boolean }));
    expect(error.status).toBe(400);
    expect(error.fields).toHaveProperty("done");
    expect((await ctx.t.db.select().from(checklistItems).where(eq(checklistItems.id, item!.id)))[0]!.doneAt).toBeNull();
  });
});
