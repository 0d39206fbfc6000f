import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestDb, thrown } from "../testing/test-db";
import { declareIncident } from "../commands/incidents/declare";
import { updateIncident } from "../commands/incidents/update";
import { createActionItem } from "../commands/action-items/create";
import { startPostmortem } from "../commands/postmortems/start";
import { savePostmortem } from "../commands/postmortems/save";
import { setReviewers } from "../commands/postmortems/reviewers";
import { transitionPostmortem } from "../commands/postmortems/review";
import { updateUser } from "../commands/admin/users";
import { addResponderFromInput, removeResponder } from "../commands/incidents/people";
import { getIncident } from "../queries/incidents/detail";
import { getDb } from "../client";
import { activePerson, peopleFrom, personFrom } from "./people";

const ctx = setUpTestDb();
let incidentId = 0;
let disabledEmail = "";

beforeAll(async () => {
  incidentId = (await declareIncident({ actor: ctx.responder.actor, input: { title: "People test", severity: "SEV3" } })).incident.id;
  const gone = await ctx.t.createUser("responder", { email: "gone@example.test" });
  await updateUser({ actor: ctx.admin.actor, userId: gone.id, input: { disabled: true } });
  disabledEmail = gone.email;
});

const fields = { id: "ownerId", email: "ownerEmail" };

describe("the people resolver", () => {
  it("finds an active user by id or by email (any case, trimmed)", async () => {
    const db = getDb();
    expect(await activePerson(db, { id: ctx.responder.id }, "x")).toMatchObject({ id: ctx.responder.id, email: ctx.responder.email, role: "responder" });
    expect((await activePerson(db, { email: `  ${ctx.responder.email.toUpperCase()} ` }, "x")).id).toBe(ctx.responder.id);
  });

  it("answers 400 naming the field sent for an unknown or disabled person, or both forms", async () => {
    const db = getDb();
    expect((await thrown(() => personFrom(db, { email: "nobody@example.test" }, fields))).fields).toEqual({
      ownerEmail: "No active user with email nobody@example.test",
    });
    expect((await thrown(() => personFrom(db, { email: disabledEmail }, fields))).fields).toHaveProperty("ownerEmail");
    expect((await thrown(() => personFrom(db, { id: 987_654 }, fields))).fields).toEqual({ ownerId: "No active user with id 987654" });
    expect((await thrown(() => personFrom(db, { id: 1, email: ctx.admin.email }, fields))).fields).toEqual({
      ownerEmail: "Give ownerId or ownerEmail, not both",
    });
    expect((await thrown(() => personFrom(db, { id: 987_654 }, fields))).status).toBe(400);
  });

  it("tells not given (undefined) from unassign (null)", async () => {
    expect(await personFrom(getDb(), {}, fields)).toBeUndefined();
    expect(await personFrom(getDb(), { email: null }, fields)).toBeNull();
    expect(await personFrom(getDb(), { id: null }, fields)).toBeNull();
  });

  it("resolves lists by ids or emails, without repeats, naming the bad item", async () => {
    const db = getDb();
    const listFields = { ids: "reviewerIds", emails: "reviewerEmails" };
    expect((await peopleFrom(db, { emails: [ctx.admin.email, ctx.responder.email, ctx.admin.email] }, listFields))!.map((p) => p.id)).toEqual([
      ctx.admin.id,
      ctx.responder.id,
    ]);
    expect((await thrown(() => peopleFrom(db, { emails: [ctx.admin.email, "nobody@example.test"] }, listFields))).fields).toHaveProperty(["reviewerEmails.1"]);
    expect((await thrown(() => peopleFrom(db, { ids: [ctx.admin.id, 987_654] }, listFields))).fields).toHaveProperty("reviewerIds");
    expect(await peopleFrom(db, {}, listFields)).toBeUndefined();
  });
});

describe("commands that take a person accept an id or an email", () => {
  it("incident roles: commander by email, scribe by id, comms unassigned with null", async () => {
    let incident = await getIncident({ actor: ctx.admin.actor, incidentId });
    incident = await updateIncident({
      actor: ctx.responder.actor,
      incidentId,
      input: { version: incident.version, commanderEmail: ctx.responder.email, scribeId: ctx.admin.id, communicationsId: ctx.responder.id },
    });
    const roles = (i: typeof incident) => Object.fromEntries(i.people.map((p) => [p.role, p.email]));
    expect(roles(incident)).toEqual({ commander: ctx.responder.email, scribe: ctx.admin.email, communications: ctx.responder.email });
    incident = await updateIncident({
      actor: ctx.responder.actor,
      incidentId,
      input: { version: incident.version, communicationsEmail: null, commanderId: ctx.admin.id },
    });
    expect(roles(incident)).toEqual({ commander: ctx.admin.email, scribe: ctx.admin.email });
    // Naming the current holder again changes nothing (no new version).
    expect(
      (await updateIncident({ actor: ctx.responder.actor, incidentId, input: { version: incident.version, commanderEmail: ctx.admin.email } })).version,
    ).toBe(incident.version);
    expect(
      (await thrown(() => updateIncident({ actor: ctx.responder.actor, incidentId, input: { version: incident.version, scribeEmail: "nobody@example.test" } })))
        .fields,
    ).toHaveProperty("scribeEmail");
    expect(
      (await thrown(() => updateIncident({ actor: ctx.responder.actor, incidentId, input: { version: incident.version, scribeId: 987_654 } }))).fields,
    ).toHaveProperty("scribeId");
    expect(
      (
        await thrown(() =>
          updateIncident({
            actor: ctx.responder.actor,
            incidentId,
            input: { version: incident.version, scribeId: ctx.admin.id, scribeEmail: ctx.admin.email },
          }),
        )
      ).fields,
    ).toHaveProperty("scribeEmail");
  });

  it("action item owner by email", async () => {
    const item = await createActionItem({
      actor: ctx.responder.actor,
      incidentId,
      input: { title: "Fix it", ownerEmail: ctx.admin.email.toUpperCase(), priority: "P2", kind: "repair" },
    });
    expect(item.ownerId).toBe(ctx.admin.id);
    expect(
      (
        await thrown(() =>
          createActionItem({ actor: ctx.responder.actor, incidentId, input: { title: "Fix it", ownerEmail: disabledEmail, priority: "P2", kind: "repair" } }),
        )
      ).fields,
    ).toHaveProperty("ownerEmail");
  });

  it("postmortem owner and reviewers by email; a viewer is refused on the field sent", async () => {
    const pm = await startPostmortem({ actor: ctx.responder.actor, incidentId });
    const saved = await savePostmortem({ actor: ctx.responder.actor, incidentId, input: { version: pm.version, ownerEmail: ctx.responder.email } });
    expect(saved.owner?.id).toBe(ctx.responder.id);
    expect(
      (await thrown(() => savePostmortem({ actor: ctx.responder.actor, incidentId, input: { version: saved.version, ownerEmail: ctx.viewer.email } }))).fields,
    ).toHaveProperty("ownerEmail");
    expect((await savePostmortem({ actor: ctx.responder.actor, incidentId, input: { version: saved.version, ownerEmail: null } })).owner).toBeNull();
    const named = await setReviewers({ actor: ctx.responder.actor, incidentId, input: { reviewerEmails: [ctx.admin.email] } });
    expect(named.reviewers.map((r) => r.id)).toEqual([ctx.admin.id]);
    expect(
      (await thrown(() => setReviewers({ actor: ctx.responder.actor, incidentId, input: { reviewerEmails: [ctx.admin.email, ctx.viewer.email] } }))).fields,
    ).toHaveProperty(["reviewerEmails.1"]);
    expect((await thrown(() => setReviewers({ actor: ctx.responder.actor, incidentId, input: {} }))).fields).toHaveProperty("reviewerIds");
    // A viewer may not name anyone: the permission is checked before any email is looked up.
    expect((await thrown(() => setReviewers({ actor: ctx.viewer.actor, incidentId, input: { reviewerEmails: ["nobody@example.test"] } }))).status).toBe(403);
    const current = named;
    const sent = await transitionPostmortem({
      actor: ctx.responder.actor,
      incidentId,
      input: { to: "in_review", version: current.version, reviewerEmails: [ctx.responder.email] },
    });
    expect(sent.status).toBe("in_review");
    expect(sent.reviewers.map((r) => r.id)).toEqual([ctx.responder.id]);
  });

  it("responders: added by email or id, removed by email or id", async () => {
    const responders = async () => (await getIncident({ actor: ctx.admin.actor, incidentId })).people.filter((p) => p.role === "responder").map((p) => p.email);
    await addResponderFromInput({ actor: ctx.responder.actor, incidentId, input: { email: ctx.viewer.email } });
    await addResponderFromInput({ actor: ctx.responder.actor, incidentId, input: { userId: ctx.admin.id } });
    expect((await responders()).sort()).toEqual([ctx.admin.email, ctx.viewer.email].sort());
    expect(
      (await thrown(() => addResponderFromInput({ actor: ctx.responder.actor, incidentId, input: { email: "nobody@example.test" } }))).fields,
    ).toHaveProperty("email");
    expect((await thrown(() => addResponderFromInput({ actor: ctx.responder.actor, incidentId, input: {} }))).fields).toHaveProperty("userId");
    expect((await thrown(() => addResponderFromInput({ actor: ctx.viewer.actor, incidentId, input: { email: "nobody@example.test" } }))).status).toBe(403);
    await removeResponder({ actor: ctx.responder.actor, incidentId, person: ctx.viewer.email.toUpperCase() });
    await removeResponder({ actor: ctx.responder.actor, incidentId, person: String(ctx.admin.id) });
    expect(await responders()).toEqual([]);
    expect((await thrown(() => removeResponder({ actor: ctx.responder.actor, incidentId, person: ctx.admin.email }))).status).toBe(404);
    expect((await thrown(() => removeResponder({ actor: ctx.responder.actor, incidentId, person: "someone" }))).status).toBe(404);
  });
});
