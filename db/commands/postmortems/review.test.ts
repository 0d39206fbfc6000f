import { beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { REVIEW_CHECKLIST } from "@/lib/postmortem-template";
import { setUpTestDb, thrown, type TestUser, auditsOf } from "../../testing/test-db";
import { incidents, timelineEntries, users } from "../../schema";
import { declareIncident } from "../incidents/declare";
import { getIncident } from "../../queries/incidents/detail";
import { updateIncident } from "../incidents/update";
import { getPostmortem, type PostmortemDetail } from "../../queries/postmortems/detail";
import { savePostmortem } from "./save";
import { startPostmortem } from "./start";
import { ensureDefaultFactors } from "../../seed/defaults/default-factors";
import { listFactors } from "../../queries/admin/factors";
import { createActionItem } from "../action-items/create";
import { setReviewCheck, setReviewers } from "./reviewers";
import { transitionPostmortem } from "./review";

const ctx = setUpTestDb();

let owner: TestUser;
let reviewer: TestUser;
let other: TestUser;

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  owner = await ctx.t.createUser("responder", { name: "Olive Owner" });
  reviewer = await ctx.t.createUser("responder", { name: "Rex Reviewer" });
  other = await ctx.t.createUser("responder");
  await ensureDefaultFactors(ctx.t.db);
});

const err = async (fn: () => unknown) => (await thrown(fn)) as AppError;

/** The parts the publish gate requires (impact and timeline are generated when it starts). */
async function writeRequired(incidentId: number, pm: PostmortemDetail) {
  return await savePostmortem({
    actor: owner.actor,
    incidentId,
    input: {
      version: pm.version,
      sections: { summary: "The queue backed up for an hour.", root_causes: "Consumers stalled after a config push." },
      factorIds: [(await listFactors({ actor: ctx.admin.actor }))[0]!.id],
      noActionItemsReason: "The config check added during the incident covers it.",
    },
  });
}

async function newPostmortem({ resolved = true, severity = "SEV2", complete = true } = {}) {
  let incident = (await declareIncident({ actor: owner.actor, input: { title: "Queue backlog", severity, startedAt: iso(Date.now() - 60 * MIN) } })).incident;
  if (resolved) incident = await updateIncident({ actor: owner.actor, incidentId: incident.id, input: { version: incident.version, status: "resolved" } });
  let pm = await startPostmortem({ actor: owner.actor, incidentId: incident.id });
  if (complete) pm = await writeRequired(incident.id, pm);
  return { incidentId: incident.id, pm };
}

function toReview(incidentId: number, pm: PostmortemDetail, reviewerIds = [reviewer.id]) {
  return transitionPostmortem({ actor: owner.actor, incidentId, input: { to: "in_review", reviewerIds, version: pm.version } });
}

async function tickAll(incidentId: number, actor = reviewer.actor) {
  let pm!: PostmortemDetail;
  for (const { key } of REVIEW_CHECKLIST) pm = await setReviewCheck({ actor, incidentId, key, checked: true });
  return pm;
}

const postmortemEntries = async (incidentId: number) =>
  (
    await ctx.t.db
      .select()
      .from(timelineEntries)
      .where(and(eq(timelineEntries.incidentId, incidentId), eq(timelineEntries.kind, "postmortem")))
      .orderBy(asc(timelineEntries.id))
  ).map((e) => e.body);

const transitionAudits = (postmortemId: number) => auditsOf(ctx.t.db, "postmortem.transition", postmortemId);

describe("draft → in_review", () => {
  it("needs at least one reviewer (422), named now or before", async () => {
    const { incidentId, pm } = await newPostmortem();
    const e = await err(() => transitionPostmortem({ actor: owner.actor, incidentId, input: { to: "in_review", version: pm.version } }));
    expect(e.status).toBe(422);
    expect(e.fields).toHaveProperty(["reviewerIds"]);

    const named = await setReviewers({ actor: owner.actor, incidentId, input: { reviewerIds: [reviewer.id] } });
    expect(named.reviewers).toEqual([{ id: reviewer.id, name: reviewer.name, email: reviewer.email }]);
    expect(named.version).toBe(pm.version);
    const sent = await transitionPostmortem({
      actor: owner.actor,
      incidentId,
      input: { to: "in_review", version: named.version, comment: "Ready for a look" },
    });
    expect(sent.status).toBe("in_review");
    expect(sent.version).toBe(pm.version + 1);
    expect(sent.submittedAt).not.toBeNull();
    expect(sent.comments).toMatchObject([{ section: "review", body: "Ready for a look", authorLabel: "Olive Owner" }]);
    expect(await postmortemEntries(incidentId)).toEqual(["Postmortem started", "Postmortem sent for review to Rex Reviewer by Olive Owner"]);
    expect(await transitionAudits(pm.id)).toHaveLength(1);
  });

  it("reviewers must be active responders or admins", async () => {
    const { incidentId, pm } = await newPostmortem();
    expect((await err(() => toReview(incidentId, pm, [ctx.viewer.id]))).fields).toHaveProperty(["reviewerIds"]);
    expect((await err(() => toReview(incidentId, pm, [999_999]))).fields).toHaveProperty(["reviewerIds"]);
    await ctx.t.db.update(users).set({ disabled: true }).where(eq(users.id, other.id));
    try {
      expect((await err(() => toReview(incidentId, pm, [other.id]))).fields).toHaveProperty(["reviewerIds"]);
    } finally {
      await ctx.t.db.update(users).set({ disabled: false }).where(eq(users.id, other.id));
    }
    expect((await toReview(incidentId, pm, [ctx.admin.id, reviewer.id])).reviewers.map((r) => r.id)).toEqual([ctx.admin.id, reviewer.id]);
  });

  it("viewers cannot move postmortems (403); stale versions get 409", async () => {
    const { incidentId, pm } = await newPostmortem();
    expect(
      (
        await err(() =>
          transitionPostmortem({ actor: ctx.viewer.actor, incidentId, input: { to: "in_review", reviewerIds: [reviewer.id], version: pm.version } }),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await err(() =>
          transitionPostmortem({ actor: owner.actor, incidentId, input: { to: "in_review", reviewerIds: [reviewer.id], version: pm.version + 5 } }),
        )
      ).status,
    ).toBe(409);
  });

  it("bad moves: publishing a draft, same status, unknown status", async () => {
    const { incidentId, pm } = await newPostmortem();
    expect((await err(() => transitionPostmortem({ actor: ctx.admin.actor, incidentId, input: { to: "published", version: pm.version } }))).status).toBe(422);
    expect((await err(() => transitionPostmortem({ actor: owner.actor, incidentId, input: { to: "draft", version: pm.version } }))).status).toBe(422);
    expect((await err(() => transitionPostmortem({ actor: owner.actor, incidentId, input: { to: "archived", version: pm.version } }))).fields).toHaveProperty([
      "to",
    ]);
    expect((await err(() => transitionPostmortem({ actor: owner.actor, incidentId, input: { to: "in_review" } }))).fields).toHaveProperty(["version"]);
  });
});

describe("review checklist", () => {
  it("only a named reviewer or an admin ticks it; ticks do not change the version", async () => {
    const { incidentId, pm } = await newPostmortem();
    const inReview = await toReview(incidentId, pm);
    expect((await err(() => setReviewCheck({ actor: owner.actor, incidentId, key: "data", checked: true }))).status).toBe(403);
    expect((await err(() => setReviewCheck({ actor: ctx.viewer.actor, incidentId, key: "data", checked: true }))).status).toBe(403);
    const ticked = await setReviewCheck({ actor: reviewer.actor, incidentId, key: "data", checked: true });
    expect(ticked.reviewChecklist.data).toBe(true);
    expect(ticked.version).toBe(inReview.version);
    expect((await setReviewCheck({ actor: ctx.admin.actor, incidentId, key: "impact", checked: true })).reviewChecklist).toMatchObject({
      data: true,
      impact: true,
      causes: false,
    });
    expect((await setReviewCheck({ actor: reviewer.actor, incidentId, key: "data", checked: false })).reviewChecklist.data).toBe(false);
    expect((await err(() => setReviewCheck({ actor: reviewer.actor, incidentId, key: "vibes" as never, checked: true }))).fields).toHaveProperty(["key"]);
    const audits = await auditsOf(ctx.t.db, "postmortem.review_check", pm.id);
    expect(audits).toHaveLength(3);
  });
});

describe("in_review → published", () => {
  it("only a named reviewer or an admin publishes (403 for the owner)", async () => {
    const { incidentId, pm } = await newPostmortem();
    const inReview = await toReview(incidentId, pm);
    await tickAll(incidentId);
    const e = await err(() => transitionPostmortem({ actor: owner.actor, incidentId, input: { to: "published", version: inReview.version } }));
    expect(e.status).toBe(403);
    const token = await ctx.t.createToken("responder");
    expect((await err(() => transitionPostmortem({ actor: token.actor, incidentId, input: { to: "published", version: inReview.version } }))).status).toBe(403);
    expect((await transitionPostmortem({ actor: ctx.admin.actor, incidentId, input: { to: "published", version: inReview.version } })).status).toBe(
      "published",
    );
  });

  it("needs every review question ticked (422 listing the missing ones)", async () => {
    const { incidentId, pm } = await newPostmortem();
    const inReview = await toReview(incidentId, pm);
    await setReviewCheck({ actor: reviewer.actor, incidentId, key: "data", checked: true });
    await setReviewCheck({ actor: reviewer.actor, incidentId, key: "impact", checked: true });
    const e = await err(() => transitionPostmortem({ actor: reviewer.actor, incidentId, input: { to: "published", version: inReview.version } }));
    expect(e.status).toBe(422);
    expect(e.details?.missing).toEqual(["causes", "actions", "stakeholders"]);
    expect(e.message).toContain("Was the root cause analysis deep enough?");
    expect((await getPostmortem({ actor: owner.actor, incidentId }))!.status).toBe("in_review");
  });

  it("refuses to publish until the required sections, a factor and action items (or a no-actions note) are there (422 naming each)", async () => {
    const { incidentId, pm } = await newPostmortem({ complete: false });
    // Generated at start: impact and timeline are written already.
    expect(pm.sections.impact).not.toBe("");
    expect(pm.sections.timeline).toContain("Declared SEV2 incident");
    const blank = await savePostmortem({ actor: owner.actor, incidentId, input: { version: pm.version, sections: { impact: "", timeline: " " } } });
    const inReview = await toReview(incidentId, blank);
    await tickAll(incidentId);
    const e = await err(() => transitionPostmortem({ actor: reviewer.actor, incidentId, input: { to: "published", version: inReview.version } }));
    expect(e.status).toBe(422);
    expect(Object.keys(e.fields!)).toEqual(["sections.summary", "sections.impact", "sections.timeline", "sections.root_causes", "factorIds", "actionItems"]);
    expect(e.toJSON().error).toMatchObject({ code: "unprocessable", fields: { "sections.summary": "Write the “Summary” section" } });
    expect(await getPostmortem({ actor: owner.actor, incidentId })).toMatchObject({ status: "in_review", publishedAt: null });
    expect(await postmortemEntries(incidentId)).not.toContain("Postmortem published by Rex Reviewer");

    // A tracked action item instead of the note; the sections filled in: accepted.
    await createActionItem({ actor: owner.actor, incidentId, input: { title: "Alert on consumer lag", ownerId: owner.id, priority: "P2", kind: "detect" } });
    let current = (await getPostmortem({ actor: owner.actor, incidentId }))!;
    current = await savePostmortem({
      actor: reviewer.actor,
      incidentId,
      input: {
        version: current.version,
        sections: { summary: "S", impact: "I", timeline: "T", root_causes: "R" },
        factorIds: [(await listFactors({ actor: ctx.admin.actor }))[0]!.id],
      },
    });
    expect((await transitionPostmortem({ actor: reviewer.actor, incidentId, input: { to: "published", version: current.version } })).status).toBe("published");
  });

  it("asks the publisher to acknowledge remaining blameless hints, never blocks on them otherwise", async () => {
    const { incidentId, pm } = await newPostmortem();
    const hinted = await savePostmortem({
      actor: owner.actor,
      incidentId,
      input: { version: pm.version, sections: { summary: "Root cause was human error; Olive should have checked." } },
    });
    const inReview = await toReview(incidentId, hinted);
    await tickAll(incidentId);
    const e = await err(() => transitionPostmortem({ actor: reviewer.actor, incidentId, input: { to: "published", version: inReview.version } }));
    expect(e.status).toBe(422);
    expect(Object.keys(e.fields!)).toEqual(["acknowledgeHints"]);
    expect(e.fields!.acknowledgeHints).toContain("2 blameless hints");
    expect(e.details?.hints).toEqual([
      { section: "summary", phrase: "human error" },
      { section: "summary", phrase: "should have" },
    ]);
    const published = await transitionPostmortem({
      actor: reviewer.actor,
      incidentId,
      input: { to: "published", version: inReview.version, acknowledgeHints: true },
    });
    expect(published.status).toBe("published");
    expect(await postmortemEntries(incidentId)).toContain("Postmortem published by Rex Reviewer (2 blameless hints reviewed and acknowledged)");
    expect(JSON.parse((await transitionAudits(pm.id)).at(-1)!.after!).acknowledgedHints).toHaveLength(2);
  });

  it("publishing closes a resolved incident in the same transaction, with timeline entries", async () => {
    const { incidentId, pm } = await newPostmortem();
    const inReview = await toReview(incidentId, pm);
    await tickAll(incidentId);
    const published = await transitionPostmortem({
      actor: reviewer.actor,
      incidentId,
      input: { to: "published", version: inReview.version, comment: "Great write-up" },
    });
    expect(published).toMatchObject({ status: "published", publishedBy: "Rex Reviewer", due: { state: "published" } });
    expect(published.publishedAt).not.toBeNull();
    const incident = await getIncident({ actor: owner.actor, incidentId });
    expect(incident.status).toBe("closed");
    expect(incident.closedAt).not.toBeNull();
    expect(await postmortemEntries(incidentId)).toContain("Postmortem published by Rex Reviewer");
    const statusEntry = (
      await ctx.t.db
        .select()
        .from(timelineEntries)
        .where(and(eq(timelineEntries.incidentId, incidentId), eq(timelineEntries.kind, "status")))
        .orderBy(asc(timelineEntries.id))
    ).at(-1)!;
    expect(statusEntry.body).toBe("Status changed from Resolved to Closed");
    expect(statusEntry.authorLabel).toBe("Rex Reviewer");
    expect((await transitionAudits(pm.id)).map((a) => JSON.parse(a.after!).status)).toEqual(["in_review", "published"]);
    expect((await auditsOf(ctx.t.db, "incident.update", incidentId)).length).toBeGreaterThanOrEqual(2);
  });

  it("an incident that is not resolved stays open when its postmortem is published", async () => {
    const { incidentId, pm } = await newPostmortem({ resolved: false });
    const inReview = await toReview(incidentId, pm);
    await tickAll(incidentId);
    await transitionPostmortem({ actor: reviewer.actor, incidentId, input: { to: "published", version: inReview.version } });
    expect((await ctx.t.db.select().from(incidents).where(eq(incidents.id, incidentId)))[0]!.status).toBe("investigating");
  });

  it("if closing the incident fails, nothing is published", async () => {
    const { incidentId, pm } = await newPostmortem();
    const inReview = await toReview(incidentId, pm);
    await tickAll(incidentId);
    // Make the close impossible (resolved before started breaks the timestamp order).
    const row = (await ctx.t.db.select().from(incidents).where(eq(incidents.id, incidentId)))[0]!;
    await ctx.t.db
      .update(incidents)
      .set({ mitigatedAt: row.startedAt - 10 * MIN, resolvedAt: row.startedAt - 5 * MIN })
      .where(eq(incidents.id, incidentId));
    expect((await err(() => transitionPostmortem({ actor: reviewer.actor, incidentId, input: { to: "published", version: inReview.version } }))).status).toBe(
      400,
    );
    const after = (await getPostmortem({ actor: owner.actor, incidentId }))!;
    expect(after.status).toBe("in_review");
    expect(after.version).toBe(inReview.version);
    expect(await postmortemEntries(incidentId)).not.toContain("Postmortem published by Rex Reviewer");
  });
});

describe("back to draft", () => {
  it("in_review → draft by a reviewer, the owner or an admin, with a comment", async () => {
    const { incidentId, pm } = await newPostmortem();
    let current = await toReview(incidentId, pm);
    expect(
      (await err(() => transitionPostmortem({ actor: reviewer.actor, incidentId, input: { to: "draft", version: current.version } }))).fields,
    ).toHaveProperty(["comment"]);
    expect(
      (await err(() => transitionPostmortem({ actor: other.actor, incidentId, input: { to: "draft", version: current.version, comment: "x" } }))).status,
    ).toBe(403);
    current = await transitionPostmortem({
      actor: reviewer.actor,
      incidentId,
      input: { to: "draft", version: current.version, comment: "Causes need another why" },
    });
    expect(current.status).toBe("draft");
    expect(current.comments.at(-1)).toMatchObject({ section: "review", body: "Causes need another why", authorLabel: "Rex Reviewer" });
    expect((await postmortemEntries(incidentId)).at(-1)).toBe("Postmortem sent back to draft by Rex Reviewer");

    current = await toReview(incidentId, current);
    current = await transitionPostmortem({ actor: owner.actor, incidentId, input: { to: "draft", version: current.version, comment: "Adding more detail" } });
    expect(current.status).toBe("draft");
  });

  it("published → draft by an admin only, with a comment; then editable again", async () => {
    const { incidentId, pm } = await newPostmortem();
    let current = await toReview(incidentId, pm);
    await tickAll(incidentId);
    current = await transitionPostmortem({ actor: reviewer.actor, incidentId, input: { to: "published", version: current.version } });
    expect(
      (await err(() => transitionPostmortem({ actor: reviewer.actor, incidentId, input: { to: "draft", version: current.version, comment: "x" } }))).status,
    ).toBe(403);
    expect(
      (await err(() => transitionPostmortem({ actor: ctx.admin.actor, incidentId, input: { to: "draft", version: current.version } }))).fields,
    ).toHaveProperty(["comment"]);
    expect((await err(() => transitionPostmortem({ actor: ctx.admin.actor, incidentId, input: { to: "in_review", version: current.version } }))).status).toBe(
      422,
    );
    expect((await err(() => setReviewCheck({ actor: reviewer.actor, incidentId, key: "data", checked: false }))).status).toBe(422);
    expect((await err(() => setReviewers({ actor: owner.actor, incidentId, input: { reviewerIds: [other.id] } }))).status).toBe(422);
    current = await transitionPostmortem({
      actor: ctx.admin.actor,
      incidentId,
      input: { to: "draft", version: current.version, comment: "Customer data was wrong" },
    });
    expect(current).toMatchObject({ status: "draft", publishedAt: null, publishedBy: null });
    expect((await postmortemEntries(incidentId)).at(-1)).toMatch(/^Postmortem moved back to draft by /);
    // The incident stays closed.
    expect((await getIncident({ actor: owner.actor, incidentId })).status).toBe("closed");
  });
});

describe("setReviewers", () => {
  it("replaces the list, audits, refuses viewers as actors and reviewers", async () => {
    const { incidentId, pm } = await newPostmortem();
    expect((await setReviewers({ actor: owner.actor, incidentId, input: { reviewerIds: [reviewer.id, ctx.admin.id] } })).reviewers.map((r) => r.id)).toEqual([
      reviewer.id,
      ctx.admin.id,
    ]);
    expect((await setReviewers({ actor: owner.actor, incidentId, input: { reviewerIds: [other.id] } })).reviewers.map((r) => r.id)).toEqual([other.id]);
    expect((await err(() => setReviewers({ actor: ctx.viewer.actor, incidentId, input: { reviewerIds: [other.id] } }))).status).toBe(403);
    expect((await err(() => setReviewers({ actor: owner.actor, incidentId, input: { reviewerIds: [ctx.viewer.id] } }))).fields).toHaveProperty(["reviewerIds"]);
    expect((await err(() => setReviewers({ actor: owner.actor, incidentId, input: { reviewerIds: "x" } }))).fields).toHaveProperty(["reviewerIds"]);
    const audits = await auditsOf(ctx.t.db, "postmortem.reviewers", pm.id);
    expect(audits).toHaveLength(2);
    // In review, the list cannot become empty.
    const inReview = await toReview(incidentId, (await getPostmortem({ actor: owner.actor, incidentId }))!, [other.id]);
    expect(inReview.status).toBe("in_review");
    expect((await err(() => setReviewers({ actor: owner.actor, incidentId, input: { reviewerIds: [] } }))).status).toBe(422);
  });
});
