import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { SECTION_KEYS, SECTION_MAX } from "@/lib/postmortem-template";
import { setUpTestDb, thrown, type TestUser, auditsOf } from "../../testing/test-db";
import { actionItems, auditLog, contributingFactors, postmortems, timelineEntries } from "../../schema";
import { ensureDefaultFactors } from "../../seed/defaults/default-factors";
import { declareIncident } from "../../commands/incidents/declare";
import { updateIncident } from "../../commands/incidents/update";
import { addNote, setHighlighted } from "../../commands/incidents/timeline";
import { createService } from "../../commands/catalogue/services";
import { createSlo } from "../../commands/catalogue/slos";
import { archiveFactor } from "../../commands/admin/factors";
import { listFactors } from "../admin/factors";
import { setRequiredSeverities } from "../../commands/admin/settings";
import { addComment } from "../../commands/postmortems/comments";
import { exportPostmortemMarkdown } from "./markdown";
import { getPostmortem } from "./detail";
import { listPostmortems } from "./list";
import { postmortemDueForIncident } from "./due";
import { regenerateTimelineSection } from "../../commands/postmortems/regenerate-timeline";
import { savePostmortem } from "../../commands/postmortems/save";
import { startPostmortem } from "../../commands/postmortems/start";
import { transitionPostmortem } from "../../commands/postmortems/review";

const ctx = setUpTestDb();

let responder: TestUser;
let responder2: TestUser;

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  responder = await ctx.t.createUser("responder", { name: "Riley Responder" });
  responder2 = await ctx.t.createUser("responder", { name: "Sam Second" });
  await ensureDefaultFactors(ctx.t.db);
  await createService({ actor: ctx.admin.actor, input: { slug: "checkout", name: "Checkout", tier: 1 } });
  await createSlo({ actor: ctx.admin.actor, slug: "checkout", input: { name: "Availability", objective: 99.9, windowDays: 28 } });
});

async function declare(input: Record<string, unknown> = {}, actor = responder.actor) {
  return (await declareIncident({ actor, input: { title: "Checkout 5xx", severity: "SEV2", ...input } })).incident;
}

/** Declares an incident that started an hour ago and resolves it now. */
async function resolvedIncident(input: Record<string, unknown> = {}) {
  const incident = await declare({ startedAt: iso(Date.now() - 60 * MIN), ...input });
  return updateIncident({ actor: responder.actor, incidentId: incident.id, input: { version: incident.version, status: "resolved" } });
}

const err = async (fn: () => unknown) => (await thrown(fn)) as AppError;

describe("startPostmortem", () => {
  it("creates one draft per incident, pre-filled, owned by the person; timeline entry and audit", async () => {
    const incident = await declare({ services: [{ service: "checkout", impact: "full_outage" }], startedAt: iso(Date.now() - 90 * MIN) });
    const note = await addNote({ actor: responder.actor, incidentId: incident.id, input: { body: "Rolled back deploy 4711", highlighted: true } });
    await addNote({ actor: responder.actor, incidentId: incident.id, input: { body: "Not highlighted chatter" } });
    const pm = await startPostmortem({ actor: responder.actor, incidentId: incident.id });
    expect(pm).toMatchObject({
      incidentId: incident.id,
      status: "draft",
      version: 1,
      tags: [],
      factors: [],
      reviewers: [],
      comments: [],
      publishedAt: null,
      publishedBy: null,
    });
    expect(pm.owner).toEqual({ id: responder.id, name: responder.name, email: responder.email });
    expect(Object.keys(pm.sections).sort()).toEqual([...SECTION_KEYS].sort());
    expect(pm.sections.timeline).toContain("Rolled back deploy 4711 (Riley Responder)");
    expect(pm.sections.timeline).toContain("Declared SEV2 incident");
    expect(pm.sections.timeline).not.toContain("chatter");
    expect(pm.sections.timeline.indexOf("Declared")).toBeLessThan(pm.sections.timeline.indexOf("Rolled back"));
    expect(note.highlighted).toBe(true);
    expect(pm.sections.impact).toContain("- Checkout: Full outage");
    expect(pm.sections.impact).toMatch(/Checkout, SLO “Availability” \(99\.9 %\): 9\d(\.\d)? min/);
    expect(pm.sections.impact).toContain("- Time to detect:");
    expect(pm.sections.summary).toBe("");
    expect(pm.reviewChecklist).toEqual({ data: false, impact: false, causes: false, actions: false, stakeholders: false });
    expect(pm.due.state).toBe("not_due");

    const entries = await ctx.t.db
      .select()
      .from(timelineEntries)
      .where(and(eq(timelineEntries.incidentId, incident.id), eq(timelineEntries.kind, "postmortem")));
    expect(entries.map((e) => e.body)).toEqual(["Postmortem started"]);
    const audit = await auditsOf(ctx.t.db, "postmortem.start", pm.id);
    expect(audit).toHaveLength(1);
  });

  it("a second start is a 409", async () => {
    const incident = await declare();
    await startPostmortem({ actor: responder.actor, incidentId: incident.id });
    const error = await err(() => startPostmortem({ actor: responder2.actor, incidentId: incident.id }));
    expect(error.status).toBe(409);
    expect((error.details?.current as { incidentId: number }).incidentId).toBe(incident.id);
  });

  it("viewers cannot start (403); invisible incidents are 404; a token owns nothing", async () => {
    const incident = await declare();
    expect((await err(() => startPostmortem({ actor: ctx.viewer.actor, incidentId: incident.id }))).status).toBe(403);
    const hidden = await declare({ private: true });
    expect((await err(() => startPostmortem({ actor: responder2.actor, incidentId: hidden.id }))).status).toBe(404);
    expect((await err(() => startPostmortem({ actor: responder.actor, incidentId: 999_999 }))).status).toBe(404);
    const token = await ctx.t.createToken("responder");
    expect((await startPostmortem({ actor: token.actor, incidentId: incident.id })).owner).toBeNull();
  });
});

describe("getPostmortem", () => {
  it("is null when none was started", async () => {
    expect(await getPostmortem({ actor: responder.actor, incidentId: (await declare()).id })).toBeNull();
    expect(await getPostmortem({ actor: ctx.viewer.actor, incidentId: (await declare()).id })).toBeNull();
  });

  it("viewers cannot read drafts (404) but read published ones", async () => {
    const incident = await resolvedIncident();
    await startPostmortem({ actor: responder.actor, incidentId: incident.id });
    const error = await err(() => getPostmortem({ actor: ctx.viewer.actor, incidentId: incident.id }));
    expect(error.status).toBe(404);
    expect((await getPostmortem({ actor: responder2.actor, incidentId: incident.id }))?.status).toBe("draft");
    const published = await publish(incident.id);
    expect(published.status).toBe("published");
    expect((await getPostmortem({ actor: ctx.viewer.actor, incidentId: incident.id }))?.status).toBe("published");
  });

  it("a private incident's postmortem stays private", async () => {
    const incident = await declare({ private: true });
    await startPostmortem({ actor: responder.actor, incidentId: incident.id });
    expect((await err(() => getPostmortem({ actor: responder2.actor, incidentId: incident.id }))).status).toBe(404);
    expect(await getPostmortem({ actor: ctx.admin.actor, incidentId: incident.id })).not.toBeNull();
  });
});

/** Writes what the publish gate requires, sends for review with responder2 as reviewer, ticks everything, publishes as responder2. */
async function publish(incidentId: number) {
  let pm = (await getPostmortem({ actor: responder.actor, incidentId }))!;
  pm = await savePostmortem({
    actor: responder.actor,
    incidentId,
    input: {
      version: pm.version,
      sections: {
        summary: "Checkout failed.",
        impact: "Every order for an hour.",
        timeline: pm.sections.timeline || "- 14:00 declared",
        root_causes: "A config push.",
      },
      factorIds: [(await listFactors({ actor: ctx.admin.actor }))[0]!.id],
      noActionItemsReason: "Nothing left to do.",
    },
  });
  pm = await transitionPostmortem({ actor: responder.actor, incidentId, input: { to: "in_review", reviewerIds: [responder2.id], version: pm.version } });
  await ctx.t.db
    .update(postmortems)
    .set({ reviewChecklist: JSON.stringify({ data: true, impact: true, causes: true, actions: true, stakeholders: true }) })
    .where(eq(postmortems.id, pm.id));
  return transitionPostmortem({ actor: responder2.actor, incidentId, input: { to: "published", version: pm.version } });
}

describe("savePostmortem", () => {
  it("merges sections, keeps the others, bumps the version and audits lengths only", async () => {
    const incident = await declare();
    const pm = await startPostmortem({ actor: responder.actor, incidentId: incident.id });
    const summary = "Checkout failed for 40 minutes.  \n\nTrailing spaces kept.  ";
    const saved = await savePostmortem({ actor: responder.actor, incidentId: incident.id, input: { version: pm.version, sections: { summary } } });
    expect(saved.version).toBe(pm.version + 1);
    expect(saved.sections.summary).toBe(summary);
    expect(saved.sections.timeline).toBe(pm.sections.timeline);
    expect(saved.sections.impact).toBe(pm.sections.impact);

    const again = await savePostmortem({
      actor: responder2.actor,
      incidentId: incident.id,
      input: { version: saved.version, sections: { trigger: "A config push" } },
    });
    expect(again.sections).toMatchObject({ summary, trigger: "A config push" });

    const audit = await auditsOf(ctx.t.db, "postmortem.update", pm.id);
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]!.before!)).toEqual({ sections: { summary: { length: 0 } } });
    expect(JSON.parse(audit[0]!.after!)).toEqual({ sections: { summary: { length: summary.length } } });
    expect(audit[0]!.after).not.toContain("Checkout failed");
  });

  it("an unchanged save does not create a version", async () => {
    const incident = await declare();
    const pm = await startPostmortem({ actor: responder.actor, incidentId: incident.id });
    const same = await savePostmortem({ actor: responder.actor, incidentId: incident.id, input: { version: pm.version, sections: { summary: "" }, tags: [] } });
    expect(same.version).toBe(pm.version);
  });

  it("a stale version is a 409 with the current postmortem, and the first save is not lost", async () => {
    const incident = await declare();
    const pm = await startPostmortem({ actor: responder.actor, incidentId: incident.id });
    const first = await savePostmortem({
      actor: responder.actor,
      incidentId: incident.id,
      input: { version: pm.version, sections: { summary: "Riley's words" } },
    });
    const error = await err(() =>
      savePostmortem({ actor: responder2.actor, incidentId: incident.id, input: { version: pm.version, sections: { summary: "Sam's words" } } }),
    );
    expect(error.status).toBe(409);
    expect(error.code).toBe("conflict");
    const current = error.details?.current as { version: number; sections: { summary: string } };
    expect(current.version).toBe(first.version);
    expect(current.sections.summary).toBe("Riley's words");
    expect((await getPostmortem({ actor: responder.actor, incidentId: incident.id }))!.sections.summary).toBe("Riley's words");
    // Retrying on the current version goes through.
    const retried = await savePostmortem({
      actor: responder2.actor,
      incidentId: incident.id,
      input: { version: current.version, sections: { summary: "Riley's words\n\nSam's words" } },
    });
    expect(retried.sections.summary).toBe("Riley's words\n\nSam's words");
  });

  it("refuses unknown sections, too-long text, bad tags, unknown factors and owners (400 naming the field)", async () => {
    const incident = await declare();
    const pm = await startPostmortem({ actor: responder.actor, incidentId: incident.id });
    const save = (input: Record<string, unknown>) =>
      err(() => savePostmortem({ actor: responder.actor, incidentId: incident.id, input: { version: pm.version, ...input } }));
    let e = await save({ sections: { summary: "ok", blame_list: "x" } });
    expect(e.status).toBe(400);
    expect(e.fields).toHaveProperty(["sections.blame_list"]);
    expect(e.message).toContain("blame_list");
    e = await save({ sections: { summary: "x".repeat(SECTION_MAX + 1) } });
    expect(e.fields).toHaveProperty(["sections.summary"]);
    expect((await save({ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) })).fields).toHaveProperty(["tags"]);
    expect((await save({ tags: ["x".repeat(41)] })).fields).toHaveProperty(["tags.0"]);
    expect((await save({ tags: ["  "] })).fields).toHaveProperty(["tags.0"]);
    expect((await save({ factorIds: [999_999] })).fields).toHaveProperty(["factorIds"]);
    expect((await save({ ownerId: ctx.viewer.id })).fields).toHaveProperty(["ownerId"]);
    expect((await save({ ownerId: 999_999 })).fields).toHaveProperty(["ownerId"]);
    expect((await save({ version: undefined })).fields).toHaveProperty(["version"]);
    expect((await save({ colour: "red" })).fields).toHaveProperty(["colour"]);
    expect((await getPostmortem({ actor: responder.actor, incidentId: incident.id }))!.version).toBe(pm.version);
  });

  it("sets factors, tags and owner; archived factors stay but cannot be newly chosen", async () => {
    const incident = await declare();
    const pm = await startPostmortem({ actor: responder.actor, incidentId: incident.id });
    const [a, b, c] = await listFactors({ actor: ctx.admin.actor });
    let saved = await savePostmortem({
      actor: responder.actor,
      incidentId: incident.id,
      input: { version: pm.version, factorIds: [a!.id, b!.id], tags: ["payments", " canary ", "payments"], ownerId: responder2.id },
    });
    expect(saved.factors.map((f) => f.id).sort()).toEqual([a!.id, b!.id].sort());
    expect(saved.tags).toEqual(["payments", "canary"]);
    expect(saved.owner?.id).toBe(responder2.id);

    const archived = await archiveFactor({ actor: ctx.admin.actor, id: b!.id });
    expect(archived.archived).toBe(true);
    saved = await savePostmortem({ actor: responder.actor, incidentId: incident.id, input: { version: saved.version, factorIds: [a!.id, b!.id, c!.id] } });
    expect(saved.factors).toHaveLength(3);
    const other = await startPostmortem({ actor: responder.actor, incidentId: (await declare()).id });
    const e = await err(() => savePostmortem({ actor: responder.actor, incidentId: other.incidentId, input: { version: other.version, factorIds: [b!.id] } }));
    expect(e.fields).toHaveProperty(["factorIds"]);
    await archiveFactor({ actor: ctx.admin.actor, id: b!.id, archived: false });
    saved = await savePostmortem({ actor: responder.actor, incidentId: incident.id, input: { version: saved.version, ownerId: null, factorIds: [] } });
    expect(saved.owner).toBeNull();
    expect(saved.factors).toEqual([]);
  });

  it("viewers cannot save (403); a published postmortem cannot be edited (422)", async () => {
    const incident = await resolvedIncident();
    const pm = await startPostmortem({ actor: responder.actor, incidentId: incident.id });
    expect(
      (await err(() => savePostmortem({ actor: ctx.viewer.actor, incidentId: incident.id, input: { version: pm.version, sections: { summary: "x" } } })))
        .status,
    ).toBe(403);
    const published = await publish(incident.id);
    const e = await err(() =>
      savePostmortem({ actor: responder.actor, incidentId: incident.id, input: { version: published.version, sections: { summary: "x" } } }),
    );
    expect(e.status).toBe(422);
    expect(e.message).toMatch(/back to draft first/);
  });

  it("saving without a postmortem is a 404", async () => {
    expect((await err(async () => savePostmortem({ actor: responder.actor, incidentId: (await declare()).id, input: { version: 1 } }))).status).toBe(404);
  });
});

describe("regenerateTimelineSection", () => {
  it("rebuilds the timeline from highlighted entries, with the same version rules", async () => {
    const incident = await declare();
    const pm = await startPostmortem({ actor: responder.actor, incidentId: incident.id });
    const edited = await savePostmortem({
      actor: responder.actor,
      incidentId: incident.id,
      input: { version: pm.version, sections: { timeline: "hand-written" } },
    });
    const note = await addNote({ actor: responder.actor, incidentId: incident.id, input: { body: "Paged the database team" } });
    await setHighlighted({ actor: responder.actor, incidentId: incident.id, entryId: note.id, highlighted: true });
    expect((await err(() => regenerateTimelineSection({ actor: responder.actor, incidentId: incident.id, version: pm.version }))).status).toBe(409);
    const regenerated = await regenerateTimelineSection({ actor: responder.actor, incidentId: incident.id, version: edited.version });
    expect(regenerated.version).toBe(edited.version + 1);
    expect(regenerated.sections.timeline).toContain("Paged the database team");
    expect(regenerated.sections.timeline).not.toContain("hand-written");
  });

  it("always has status and severity changes and key times; plain notes only with includeAllNotes", async () => {
    let incident = await declare({ startedAt: iso(Date.now() - 30 * MIN) });
    await addNote({ actor: responder.actor, incidentId: incident.id, input: { body: "Looking at the load balancer logs" } });
    incident = await updateIncident({ actor: responder.actor, incidentId: incident.id, input: { version: incident.version, severity: "SEV1" } });
    incident = await updateIncident({ actor: responder.actor, incidentId: incident.id, input: { version: incident.version, status: "identified" } });
    await updateIncident({ actor: responder.actor, incidentId: incident.id, input: { version: incident.version, status: "resolved" } });
    const pm = await startPostmortem({ actor: responder.actor, incidentId: incident.id });
    expect(pm.sections.timeline).toContain("**Impact started**");
    expect(pm.sections.timeline).toContain("Severity changed from SEV2 to SEV1");
    expect(pm.sections.timeline).toContain("Status changed from Investigating to Identified");
    expect(pm.sections.timeline).toMatch(/\*\*Resolved\*\*.*Status changed from Identified to Resolved/);
    expect(pm.sections.timeline).not.toContain("load balancer");
    const all = await regenerateTimelineSection({ actor: responder.actor, incidentId: incident.id, version: pm.version, includeAllNotes: true });
    expect(all.sections.timeline).toContain("Looking at the load balancer logs");
    const audit = (
      await ctx.t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "postmortem.regenerate_timeline"), eq(auditLog.entityId, String(pm.id))))
    )[0]!;
    expect(JSON.parse(audit.after!)).toMatchObject({ includeAllNotes: true });
    expect(
      (await err(() => regenerateTimelineSection({ actor: responder.actor, incidentId: incident.id, version: all.version, includeAllNotes: "yes" as never })))
        .fields,
    ).toHaveProperty(["includeAllNotes"]);
  });
});

describe("no action items note", () => {
  it("is stored with the postmortem, kept across section saves and regeneration, audited, and cleared with null", async () => {
    const incident = await resolvedIncident();
    const pm = await startPostmortem({ actor: responder.actor, incidentId: incident.id });
    expect(pm.noActionItemsReason).toBeNull();
    const e = await err(() => savePostmortem({ actor: responder.actor, incidentId: incident.id, input: { version: pm.version, noActionItemsReason: "   " } }));
    expect(e.status).toBe(400);
    expect(e.fields).toHaveProperty(["noActionItemsReason"]);
    let saved = await savePostmortem({
      actor: responder.actor,
      incidentId: incident.id,
      input: { version: pm.version, noActionItemsReason: " Fixed for good during the incident. " },
    });
    expect(saved).toMatchObject({ noActionItemsReason: "Fixed for good during the incident.", version: pm.version + 1 });
    expect(Object.keys(saved.sections)).toEqual(SECTION_KEYS);
    saved = await savePostmortem({ actor: responder.actor, incidentId: incident.id, input: { version: saved.version, sections: { summary: "New text" } } });
    saved = await regenerateTimelineSection({ actor: responder.actor, incidentId: incident.id, version: saved.version, includeAllNotes: true });
    expect(saved.noActionItemsReason).toBe("Fixed for good during the incident.");
    const audits = await auditsOf(ctx.t.db, "postmortem.update", pm.id);
    expect(JSON.parse(audits[0]!.after!)).toEqual({ noActionItemsReason: "Fixed for good during the incident." });
    saved = await savePostmortem({ actor: responder.actor, incidentId: incident.id, input: { version: saved.version, noActionItemsReason: null } });
    expect(saved.noActionItemsReason).toBeNull();
    expect(
      (await err(() => savePostmortem({ actor: ctx.viewer.actor, incidentId: incident.id, input: { version: saved.version, noActionItemsReason: "x" } })))
        .status,
    ).not.toBe(200);
  });

  it("appears in the Markdown export when no action item is tracked", async () => {
    const incident = await resolvedIncident();
    const pm = await startPostmortem({ actor: responder.actor, incidentId: incident.id });
    await savePostmortem({ actor: responder.actor, incidentId: incident.id, input: { version: pm.version, noActionItemsReason: "Nothing left to do." } });
    expect((await exportPostmortemMarkdown({ actor: responder.actor, incidentId: incident.id })).markdown).toContain(
      "**No action items needed:** Nothing left to do.",
    );
  });
});

describe("addComment", () => {
  it("adds a comment to a section with author and time; does not change the version", async () => {
    const incident = await declare();
    const pm = await startPostmortem({ actor: responder.actor, incidentId: incident.id });
    const comment = await addComment({ actor: responder2.actor, incidentId: incident.id, section: "root_causes", body: "  Go one why deeper?  " });
    expect(comment).toMatchObject({ section: "root_causes", body: "Go one why deeper?", authorLabel: "Sam Second" });
    const after = (await getPostmortem({ actor: responder.actor, incidentId: incident.id }))!;
    expect(after.version).toBe(pm.version);
    expect(after.comments).toEqual([comment]);
  });

  it("refuses unknown sections, empty and long bodies, and viewers", async () => {
    const incident = await declare();
    await startPostmortem({ actor: responder.actor, incidentId: incident.id });
    expect((await err(() => addComment({ actor: responder.actor, incidentId: incident.id, section: "nope", body: "x" }))).fields).toHaveProperty(["section"]);
    expect((await err(() => addComment({ actor: responder.actor, incidentId: incident.id, section: "summary", body: " " }))).fields).toHaveProperty(["body"]);
    expect(
      (await err(() => addComment({ actor: responder.actor, incidentId: incident.id, section: "summary", body: "x".repeat(5001) }))).fields,
    ).toHaveProperty(["body"]);
    expect((await addComment({ actor: responder.actor, incidentId: incident.id, section: "review", body: "ok" })).section).toBe("review");
    expect((await err(() => addComment({ actor: ctx.viewer.actor, incidentId: incident.id, section: "summary", body: "x" }))).status).toBe(403);
  });
});

describe("due state", () => {
  it("follows the severity, resolution and the configured severities", async () => {
    const sev3 = await resolvedIncident({ severity: "SEV3" });
    expect(await postmortemDueForIncident({ actor: ctx.viewer.actor, incidentId: sev3.id })).toEqual({ state: "not_required", dueAt: null, started: false });
    const sev1 = await resolvedIncident({ severity: "SEV1" });
    const due = await postmortemDueForIncident({ actor: ctx.viewer.actor, incidentId: sev1.id });
    expect(due.state).toBe("due");
    expect(due.dueAt).toBeGreaterThan(sev1.resolvedAt! + 5 * DAY - 1);
    const drill = await resolvedIncident({ severity: "SEV1", drill: true });
    expect((await postmortemDueForIncident({ actor: ctx.viewer.actor, incidentId: drill.id })).state).toBe("not_required");

    await setRequiredSeverities({ actor: ctx.admin.actor, severities: ["SEV1", "SEV2", "SEV3"] });
    try {
      expect((await postmortemDueForIncident({ actor: ctx.viewer.actor, incidentId: sev3.id })).state).toBe("due");
    } finally {
      await setRequiredSeverities({ actor: ctx.admin.actor, severities: ["SEV1", "SEV2"] });
    }
  });

  it("is overdue 5 business days after resolution", async () => {
    const incident = await declare({ startedAt: iso(Date.now() - 20 * DAY) });
    await updateIncident({
      actor: responder.actor,
      incidentId: incident.id,
      input: { version: incident.version, status: "resolved", mitigatedAt: iso(Date.now() - 10 * DAY), resolvedAt: iso(Date.now() - 10 * DAY) },
    });
    expect((await postmortemDueForIncident({ actor: responder.actor, incidentId: incident.id })).state).toBe("overdue");
    await startPostmortem({ actor: responder.actor, incidentId: incident.id });
    expect((await getPostmortem({ actor: responder.actor, incidentId: incident.id }))!.due.state).toBe("overdue");
  });

  it("a SEV4 that exhausted an error budget needs a postmortem", async () => {
    await createService({ actor: ctx.admin.actor, input: { slug: "ledger", name: "Ledger", tier: 2 } });
    await createSlo({ actor: ctx.admin.actor, slug: "ledger", input: { name: "Availability", objective: 99.9, windowDays: 28 } });
    // 99.9 % over 28 days is 40.32 min of budget: a 2-hour full outage exhausts it.
    const incident = await resolvedIncident({
      severity: "SEV4",
      startedAt: iso(Date.now() - 120 * MIN),
      services: [{ service: "ledger", impact: "full_outage" }],
    });
    expect((await postmortemDueForIncident({ actor: responder.actor, incidentId: incident.id })).state).toBe("due");
    const listed = (await listPostmortems({ actor: responder.actor, query: { q: `INC-${incident.id}` } })).items;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ status: "not_started", due: { state: "due" } });
  });
});

describe("listPostmortems", () => {
  it("lists started postmortems and required ones not started; viewers see published only", async () => {
    const tag = `list-${Date.now()}`;
    const missing = await resolvedIncident({ title: `${tag} missing`, severity: "SEV1" });
    const notRequired = await resolvedIncident({ title: `${tag} minor`, severity: "SEV3" });
    const active = await declare({ title: `${tag} active`, severity: "SEV1" });
    const drafted = await resolvedIncident({ title: `${tag} drafted` });
    await startPostmortem({ actor: responder.actor, incidentId: drafted.id });
    const published = await resolvedIncident({ title: `${tag} published` });
    await startPostmortem({ actor: responder.actor, incidentId: published.id });
    await publish(published.id);
    const hidden = await resolvedIncident({ title: `${tag} hidden`, private: true });
    await startPostmortem({ actor: responder.actor, incidentId: hidden.id });

    const items = (await listPostmortems({ actor: responder2.actor, query: { q: tag } })).items;
    const byTitle = Object.fromEntries(items.map((i) => [i.title, i]));
    expect(Object.keys(byTitle).sort()).toEqual([`${tag} drafted`, `${tag} missing`, `${tag} published`].sort());
    expect(byTitle[`${tag} missing`]).toMatchObject({
      status: "not_started",
      postmortemId: null,
      ownerName: null,
      due: { state: "due" },
      reference: `INC-${missing.id}`,
      severity: "SEV1",
    });
    expect(byTitle[`${tag} drafted`]).toMatchObject({ status: "draft", ownerName: "Riley Responder", due: { state: "due" } });
    expect(byTitle[`${tag} published`]).toMatchObject({ status: "published", due: { state: "published" }, incidentStatus: "closed" });
    expect(items.find((i) => i.incidentId === notRequired.id || i.incidentId === active.id)).toBeUndefined();

    expect((await listPostmortems({ actor: responder.actor, query: { q: tag } })).items.map((i) => i.title)).toContain(`${tag} hidden`);
    expect((await listPostmortems({ actor: ctx.viewer.actor, query: { q: tag } })).items.map((i) => i.title)).toEqual([`${tag} published`]);

    expect((await listPostmortems({ actor: responder.actor, query: { q: tag, status: "not_started" } })).items.map((i) => i.title)).toEqual([`${tag} missing`]);
    expect((await listPostmortems({ actor: responder.actor, query: { q: tag, status: "published" } })).items.map((i) => i.title)).toEqual([`${tag} published`]);
    expect((await listPostmortems({ actor: responder.actor, query: { q: tag, due: "due" } })).items.map((i) => i.title).sort()).toEqual(
      [`${tag} drafted`, `${tag} hidden`, `${tag} missing`].sort(),
    );
    expect((await listPostmortems({ actor: responder.actor, query: { q: tag, due: "overdue" } })).items).toEqual([]);
  });

  it("pages through due and overdue ones alike, however they interleave", async () => {
    const tag = `paging-${Date.now()}`;
    const overdue: number[] = [];
    const due: number[] = [];
    for (let i = 0; i < 4; i++) {
      const old = await declare({ title: `${tag} old ${i}`, severity: "SEV1", startedAt: iso(Date.now() - (30 + i) * DAY) });
      await updateIncident({
        actor: responder.actor,
        incidentId: old.id,
        input: { version: old.version, status: "resolved", mitigatedAt: iso(Date.now() - (20 + i) * DAY), resolvedAt: iso(Date.now() - (20 + i) * DAY) },
      });
      overdue.push(old.id);
      due.push((await resolvedIncident({ title: `${tag} fresh ${i}`, severity: "SEV1" })).id);
    }
    for (const [state, expected] of [
      ["overdue", overdue],
      ["due", due],
    ] as const) {
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof listPostmortems>> = await listPostmortems({
          actor: responder.actor,
          query: { q: tag, due: state, limit: 3, ...(cursor ? { cursor } : {}) },
        });
        expect(page.items.every((i) => i.due.state === state)).toBe(true);
        seen.push(...page.items.map((i) => i.incidentId));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen.sort()).toEqual([...expected].sort());
    }
  });

  it("searches postmortem text and pages with a cursor", async () => {
    const word = `zebra${Date.now()}`;
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const incident = await declare();
      const pm = await startPostmortem({ actor: responder.actor, incidentId: incident.id });
      await savePostmortem({
        actor: responder.actor,
        incidentId: incident.id,
        input: { version: pm.version, sections: { lessons: `We learned ${word} ${i}` } },
      });
      ids.push(incident.id);
    }
    const first = await listPostmortems({ actor: responder.actor, query: { q: word, limit: 2 } });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await listPostmortems({ actor: responder.actor, query: { q: word, limit: 2, cursor: first.nextCursor } });
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((i) => i.incidentId).sort()).toEqual([...ids].sort());
    expect((await err(() => listPostmortems({ actor: responder.actor, query: { cursor: "nonsense" } }))).fields).toHaveProperty(["cursor"]);
    expect((await err(() => listPostmortems({ actor: responder.actor, query: { status: "lost" } }))).fields).toHaveProperty(["status"]);
  });
});

describe("exportPostmortemMarkdown", () => {
  it("has every section, factors and the incident's action items with owners and status", async () => {
    const incident = await resolvedIncident({ title: "Export me" });
    const pm = await startPostmortem({ actor: responder.actor, incidentId: incident.id });
    const factor = (await ctx.t.db.select().from(contributingFactors).where(eq(contributingFactors.name, "Configuration")))[0]!;
    await savePostmortem({
      actor: responder.actor,
      incidentId: incident.id,
      input: { version: pm.version, sections: { summary: "It broke." }, factorIds: [factor.id] },
    });
    const now = Date.now();
    await ctx.t.db.insert(actionItems).values([
      {
        incidentId: incident.id,
        title: "Add canary",
        ownerId: responder2.id,
        dueDate: "2030-01-01",
        priority: "P1",
        kind: "prevent",
        status: "open",
        createdAt: now,
        updatedAt: now,
      },
      {
        incidentId: incident.id,
        title: "Write runbook",
        dueDate: "2030-02-01",
        priority: "P3",
        kind: "process",
        status: "done",
        createdAt: now,
        updatedAt: now,
      },
    ]);
    const { fileName, markdown } = await exportPostmortemMarkdown({ actor: responder.actor, incidentId: incident.id });
    expect(fileName).toBe(`INC-${incident.id}-postmortem.md`);
    expect(markdown).toContain(`# Postmortem: INC-${incident.id} — Export me`);
    expect(markdown).toContain("## Summary\n\nIt broke.");
    expect(markdown).toContain("- Configuration");
    expect(markdown).toContain("| Add canary | Sam Second | P1 | Open | 2030-01-01 |");
    expect(markdown).toContain("| Write runbook | Unassigned | P3 | Done | 2030-02-01 |");
    expect((await err(() => exportPostmortemMarkdown({ actor: ctx.viewer.actor, incidentId: incident.id }))).status).toBe(404);
    expect((await err(async () => exportPostmortemMarkdown({ actor: responder.actor, incidentId: (await declare()).id }))).status).toBe(404);
  });
});
