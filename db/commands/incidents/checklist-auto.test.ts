import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditsOf, setUpTestDb, type TestUser } from "../../testing/test-db";
import { entriesOfKind } from "../../testing/incident-fixtures";
import { checklistItems, timelineEntries } from "../../schema";
import { declareIncident } from "./declare";
import { updateIncident } from "./update";
import { createPlaybook, updatePlaybook } from "../catalogue/playbooks";
import { getPlaybook } from "../../queries/catalogue/playbooks";
import { listChecklist } from "../../queries/incidents/checklist";
import { setChecklistItemDone } from "./checklist";
import { ensureDefaultPlaybooks } from "../../seed/defaults/default-playbooks";

const ctx = setUpTestDb();
let admin: TestUser;
let responder: TestUser;
let other: TestUser;

beforeAll(async () => {
  admin = await ctx.t.createUser("admin", { name: "Ada Admin" });
  responder = await ctx.t.createUser("responder", { name: "Alice Doe" });
  other = await ctx.t.createUser("responder", { name: "Bo Lead" });
  await ensureDefaultPlaybooks(ctx.t.db);
});

const item = async (incidentId: number, text: string | RegExp) =>
  (await listChecklist({ actor: admin.actor, incidentId })).find((i) => (typeof text === "string" ? i.text === text : text.test(i.text)))!;
const autoEntries = async (incidentId: number) =>
  (await entriesOfKind(ctx.t.db, incidentId, "checklist")).filter((e) => e.body.startsWith("✓ Checked “")).map((e) => e.body);
const COMMANDER = "Assign an incident commander";
const COMMS = "Assign a communications lead";
const SUMMARY = /^Write the current-state summary/;

describe("checklist items the system can verify", () => {
  it("at declaration: the declarer is commander, so that item is done by Hindsight with the reason on the timeline and in the audit log", async () => {
    const incident = (await declareIncident({ actor: responder.actor, input: { title: "Payments down", severity: "SEV1" } })).incident;
    expect(await item(incident.id, COMMANDER)).toMatchObject({ doneAt: incident.declaredAt, doneByLabel: "Hindsight" });
    expect((await item(incident.id, COMMS)).doneAt).toBeNull();
    expect((await item(incident.id, SUMMARY)).doneAt).toBeNull();
    expect(await autoEntries(incident.id)).toEqual(["✓ Checked “Assign an incident commander”: Alice Doe is incident commander"]);
    const audit = await auditsOf(ctx.t.db, "checklist.check", incident.id);
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ text: COMMANDER, autoCheck: "commander_assigned", reason: "Alice Doe is incident commander" });
  });

  it("at declaration with a summary, the summary item is done too; a token declares without a commander, so that item stays open", async () => {
    const token = await ctx.t.createToken("responder");
    const incident = (await declareIncident({ actor: token.actor, input: { title: "From alerting", severity: "SEV2", summary: "5xx on checkout" } })).incident;
    expect((await item(incident.id, COMMANDER)).doneAt).toBeNull();
    expect((await item(incident.id, SUMMARY)).doneByLabel).toBe("Hindsight");
    expect(await autoEntries(incident.id)).toEqual([expect.stringMatching(/^✓ Checked “Write the current-state summary.*”: the summary is written$/)]);
  });

  it("on role assignment: naming a commander or comms lead ticks its item in the same change; un-assigning unticks nothing", async () => {
    const token = await ctx.t.createToken("responder");
    let incident = (await declareIncident({ actor: token.actor, input: { title: "No one in charge", severity: "SEV2" } })).incident;
    incident = await updateIncident({ actor: responder.actor, incidentId: incident.id, input: { version: incident.version, commanderEmail: other.email } });
    expect(await item(incident.id, COMMANDER)).toMatchObject({ doneByLabel: "Hindsight", doneAt: incident.updatedAt });
    expect((await item(incident.id, COMMS)).doneAt).toBeNull();
    incident = await updateIncident({
      actor: responder.actor,
      incidentId: incident.id,
      input: { version: incident.version, communicationsEmail: responder.email },
    });
    expect((await item(incident.id, COMMS)).doneByLabel).toBe("Hindsight");
    expect(await autoEntries(incident.id)).toEqual([
      "✓ Checked “Assign an incident commander”: Bo Lead is incident commander",
      "✓ Checked “Assign a communications lead”: Alice Doe is communications lead",
    ]);
    // The timeline entry is by whoever made the change, like every automatic entry.
    const entry = (await ctx.t.db.select().from(timelineEntries).where(eq(timelineEntries.incidentId, incident.id))).find((e) =>
      e.body.includes("Alice Doe is communications lead"),
    )!;
    expect(entry.authorUserId).toBe(responder.id);
    incident = await updateIncident({ actor: responder.actor, incidentId: incident.id, input: { version: incident.version, communicationsEmail: null } });
    expect((await item(incident.id, COMMS)).doneAt).not.toBeNull();
  });

  it("on summary save: the first summary ticks the item; a person's untick is respected until the condition becomes true anew", async () => {
    let incident = (await declareIncident({ actor: responder.actor, input: { title: "Search slow", severity: "SEV2" } })).incident;
    incident = await updateIncident({ actor: responder.actor, incidentId: incident.id, input: { version: incident.version, summary: "   " } });
    expect((await item(incident.id, SUMMARY)).doneAt).toBeNull();
    incident = await updateIncident({ actor: responder.actor, incidentId: incident.id, input: { version: incident.version, summary: "Search p99 at 4 s" } });
    const summaryItem = await item(incident.id, SUMMARY);
    expect(summaryItem.doneByLabel).toBe("Hindsight");

    // Someone unticks both; editing the summary or other fields does not tick them back.
    await setChecklistItemDone({ actor: other.actor, itemId: summaryItem.id, done: false });
    await setChecklistItemDone({ actor: other.actor, itemId: (await item(incident.id, COMMANDER)).id, done: false });
    incident = await updateIncident({
      actor: responder.actor,
      incidentId: incident.id,
      input: { version: incident.version, summary: "Search p99 at 6 s", status: "identified" },
    });
    expect((await item(incident.id, SUMMARY)).doneAt).toBeNull();
    expect((await item(incident.id, COMMANDER)).doneAt).toBeNull();
    // A new commander is a new fact: that item ticks again.
    incident = await updateIncident({ actor: responder.actor, incidentId: incident.id, input: { version: incident.version, commanderEmail: other.email } });
    expect((await item(incident.id, COMMANDER)).doneByLabel).toBe("Hindsight");
    // A person ticking by hand keeps their name on it.
    await setChecklistItemDone({ actor: other.actor, itemId: summaryItem.id, done: true });
    expect((await item(incident.id, SUMMARY)).doneByLabel).toBe("Bo Lead");
  });

  it("escalating to SEV1 brings the major checklist with what already holds ticked", async () => {
    let incident = (await declareIncident({ actor: responder.actor, input: { title: "Grew", severity: "SEV3", summary: "Some 5xx" } })).incident;
    incident = await updateIncident({ actor: responder.actor, incidentId: incident.id, input: { version: incident.version, severity: "SEV1" } });
    expect((await item(incident.id, COMMANDER)).doneByLabel).toBe("Hindsight");
    expect((await item(incident.id, SUMMARY)).doneByLabel).toBe("Hindsight");
    expect((await item(incident.id, COMMS)).doneAt).toBeNull();
  });

  it("a playbook item's condition is set through the playbook API, copied to incidents, and refused when unknown", async () => {
    const playbook = await createPlaybook({
      actor: admin.actor,
      input: {
        name: "SEV4 comms",
        severities: ["SEV4"],
        items: [{ text: "Name who talks to customers", autoCheck: "comms_lead_assigned" }, { text: "Plain item" }],
      },
    });
    expect((await getPlaybook({ actor: admin.actor, playbookId: playbook.id })).items.map((i) => i.autoCheck)).toEqual(["comms_lead_assigned", null]);
    let incident = (await declareIncident({ actor: responder.actor, input: { title: "Small", severity: "SEV4" } })).incident;
    expect(await item(incident.id, "Name who talks to customers")).toMatchObject({ autoCheck: "comms_lead_assigned", doneAt: null });
    incident = await updateIncident({
      actor: responder.actor,
      incidentId: incident.id,
      input: { version: incident.version, communicationsEmail: other.email },
    });
    expect((await item(incident.id, "Name who talks to customers")).doneByLabel).toBe("Hindsight");
    expect((await ctx.t.db.select().from(checklistItems).where(eq(checklistItems.text, "Plain item")))[0]!.autoCheck).toBeNull();

    let error: unknown;
    try {
      await updatePlaybook({ actor: admin.actor, playbookId: playbook.id, input: { version: 1, items: [{ text: "x", autoCheck: "moon_landed" }] } });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ status: 400 });
    expect((error as { fields: Record<string, string> }).fields).toHaveProperty(["items.0.autoCheck"]);
  });
});
