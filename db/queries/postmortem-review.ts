import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { actorLabel } from "@/lib/actor";
import { AppError, forbidden } from "@/lib/errors";
import { hasRole } from "@/lib/roles";
import { parseInput } from "@/lib/validation/parse";
import { reviewCheckSchema, setReviewersSchema, transitionSchema } from "@/lib/validation/postmortem";
import { POSTMORTEM_STATUS_LABEL, REVIEW_CHECKLIST, type PostmortemStatus, type ReviewCheckKey } from "@/lib/postmortem-template";
import { getDb, type Db } from "../client";
import { actionItems, postmortemFactors, postmortemReviewers, postmortems, users, type Postmortem } from "../schema";
import { parseNoActionItemsReason } from "@/lib/postmortem-action-items";
import { publishCheck, publishErrorFields, type PublishCheck } from "@/lib/postmortem-publish-gate";
import { rolesOf } from "../access/incidents";
import { recordAudit } from "../access/audit";
import { writeTimelineEntry } from "../access/timeline";
import { applyIncidentUpdate } from "./incident-update";
import {
  assertEligiblePerson,
  assertNotPublished,
  getPostmortem,
  insertComment,
  loadForWrite,
  parseChecklist,
  parseSections,
  stalePostmortem,
  type PostmortemDetail,
} from "./postmortems";

export { addComment } from "./postmortems";

type Reader = Pick<Db, "select">;
type Tx = Pick<Db, "select" | "insert" | "update" | "delete">;

function reviewerIdsOf(db: Reader, postmortemId: number): number[] {
  return db
    .select({ id: postmortemReviewers.userId })
    .from(postmortemReviewers)
    .where(eq(postmortemReviewers.postmortemId, postmortemId))
    .all()
    .map((r) => r.id);
}

const isAdmin = (actor: Actor) => hasRole(actor.role, "admin");
const isReviewer = (actor: Actor, reviewerIds: number[]) => actor.kind === "user" && reviewerIds.includes(actor.userId);
const isOwner = (actor: Actor, row: Postmortem) => actor.kind === "user" && row.ownerId === actor.userId;

/** Replaces the reviewers; each must be an active responder or admin. Returns whether anything changed. */
function replaceReviewers(tx: Tx, row: Postmortem, reviewerIds: number[], now: number): { before: number[]; after: number[]; changed: boolean } {
  for (const id of reviewerIds) assertEligiblePerson(tx, id, "reviewerIds", "review postmortems");
  const before = reviewerIdsOf(tx, row.id);
  const changed = before.length !== reviewerIds.length || before.some((id) => !reviewerIds.includes(id));
  if (changed) {
    tx.delete(postmortemReviewers).where(eq(postmortemReviewers.postmortemId, row.id)).run();
    if (reviewerIds.length) tx.insert(postmortemReviewers).values(reviewerIds.map((userId) => ({ postmortemId: row.id, userId, addedAt: now }))).run();
  }
  return { before, after: reviewerIds, changed };
}

function namesOf(db: Reader, ids: number[]): string[] {
  if (!ids.length) return [];
  const rows = db.select({ id: users.id, name: users.name }).from(users).where(sql`${users.id} IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`).all();
  return ids.map((id) => rows.find((r) => r.id === id)?.name ?? `user ${id}`);
}

export type TransitionPostmortemInput = {
  to: PostmortemStatus;
  comment?: string;
  reviewerIds?: number[];
  acknowledgeHints?: boolean;
  version: number;
};

/** The publish gate (lib/postmortem-publish-gate.ts) on the stored postmortem. */
function publishCheckFor(db: Reader, incidentId: number, row: Postmortem, acknowledgeHints: boolean): PublishCheck {
  const count = (n: { n: number } | undefined) => n?.n ?? 0;
  const factorCount = count(db.select({ n: sql<number>`count(*)` }).from(postmortemFactors).where(eq(postmortemFactors.postmortemId, row.id)).get());
  const actionItemCount = count(db.select({ n: sql<number>`count(*)` }).from(actionItems).where(eq(actionItems.incidentId, incidentId)).get());
  const people = [...new Set((rolesOf(db, [incidentId]).get(incidentId) ?? []).map((p) => p.name))];
  return publishCheck({
    sections: parseSections(row.sections),
    factorCount,
    actionItemCount,
    noActionItemsReason: parseNoActionItemsReason(row.sections),
    people,
    acknowledgeHints,
  });
}

/**
 * Moves a postmortem through review (DESIGN.md):
 * - draft → in_review: a responder, with at least one reviewer (named now or before);
 * - in_review → published: a named reviewer or an admin (else 403), every review question
 *   ticked (else 422 naming the missing ones), the publish gate passed (else 422 naming each
 *   missing section, the factors or action items, and `acknowledgeHints` while blameless hints
 *   remain unacknowledged); when the incident is resolved it is closed in the same transaction;
 * - in_review → draft: a reviewer, an admin or the owner, with a comment;
 * - published → draft: an admin, with a comment.
 * Each move bumps the version (stale → 409), writes a timeline entry and an audit record; a
 * comment is stored as a "review" comment.
 */
export function transitionPostmortem({
  actor,
  incidentId,
  input,
}: {
  actor: Actor;
  incidentId: number;
  input: TransitionPostmortemInput | unknown;
}): PostmortemDetail {
  const data = parseInput(transitionSchema, input);
  getDb().transaction(
    (tx) => {
      const { incident, row } = loadForWrite(tx, actor, incidentId);
      if (data.version !== row.version) throw stalePostmortem(tx, incident, row);
      const from = row.status;
      const to = data.to;
      if (from === to) throw new AppError("unprocessable", `The postmortem is already ${POSTMORTEM_STATUS_LABEL[to].toLowerCase()}`, { to: "Already in this status" });
      if (data.reviewerIds?.length && to !== "in_review") {
        throw new AppError("validation_failed", "reviewerIds can only be given when sending for review (to: in_review)", { reviewerIds: "Only with to: in_review" });
      }
      const now = Date.now();
      const who = actorLabel(actor);
      const changes: Partial<Postmortem> = { status: to };
      let body: string;
      const auditAfter: Record<string, unknown> = { status: to };

      if (from === "draft" && to === "in_review") {
        let reviewerIds = reviewerIdsOf(tx, row.id);
        if (data.reviewerIds !== undefined && data.reviewerIds.length) {
          const replaced = replaceReviewers(tx, row, data.reviewerIds, now);
          reviewerIds = replaced.after;
          if (replaced.changed) auditAfter.reviewerIds = reviewerIds;
        }
        if (!reviewerIds.length) {
          throw new AppError("unprocessable", "Name at least one reviewer before sending the postmortem for review", { reviewerIds: "Name at least one reviewer" });
        }
        changes.submittedAt = now;
        body = `Postmortem sent for review to ${namesOf(tx, reviewerIds).join(", ")} by ${who}`;
      } else if (from === "in_review" && to === "published") {
        if (!isAdmin(actor) && !isReviewer(actor, reviewerIdsOf(tx, row.id))) {
          throw forbidden("Only a named reviewer or an admin can publish this postmortem");
        }
        const ticks = parseChecklist(row.reviewChecklist);
        const missing = REVIEW_CHECKLIST.filter((c) => !ticks[c.key]);
        if (missing.length) {
          throw new AppError(
            "unprocessable",
            `Tick every review question before publishing; still open: ${missing.map((m) => m.label).join(" ")}`,
            { reviewChecklist: `Not ticked: ${missing.map((m) => m.key).join(", ")}` },
            { missing: missing.map((m) => m.key) },
          );
        }
        const gate = publishCheckFor(tx, incidentId, row, data.acknowledgeHints === true);
        const gateFields = publishErrorFields(gate);
        if (Object.keys(gateFields).length) {
          const reasons = [...gate.blockers.map((b) => b.message), ...(gate.needsHintAcknowledgement ? [gateFields.acknowledgeHints!] : [])];
          throw new AppError("unprocessable", `Not ready to publish: ${reasons.join("; ")}.`, gateFields, {
            missing: gate.blockers.map((b) => b.field),
            hints: gate.hints.map((h) => ({ section: h.section, phrase: h.phrase })),
          });
        }
        if (gate.hints.length) auditAfter.acknowledgedHints = gate.hints.map((h) => ({ section: h.section, phrase: h.phrase }));
        changes.publishedAt = now;
        changes.publishedById = actor.kind === "user" ? actor.userId : null;
        const n = gate.hints.length;
        body = `Postmortem published by ${who}${n ? ` (${n} blameless hint${n === 1 ? "" : "s"} reviewed and acknowledged)` : ""}`;
      } else if (from === "in_review" && to === "draft") {
        if (!isAdmin(actor) && !isReviewer(actor, reviewerIdsOf(tx, row.id)) && !isOwner(actor, row)) {
          throw forbidden("Only a named reviewer, the owner or an admin can send this postmortem back to draft");
        }
        if (!data.comment) throw new AppError("validation_failed", "Say what needs to change: a comment is required to send it back to draft", { comment: "Required" });
        body = `Postmortem sent back to draft by ${who}`;
      } else if (from === "published" && to === "draft") {
        if (!isAdmin(actor)) throw forbidden("Only an admin can move a published postmortem back to draft");
        if (!data.comment) throw new AppError("validation_failed", "Say why: a comment is required to unpublish a postmortem", { comment: "Required" });
        changes.publishedAt = null;
        changes.publishedById = null;
        body = `Postmortem moved back to draft by ${who}`;
      } else if (from === "draft" && to === "published") {
        throw new AppError("unprocessable", "Send the postmortem for review first: only a reviewed postmortem can be published", { to: "Send it for review first" });
      } else {
        throw new AppError("unprocessable", "A published postmortem must be moved back to draft before another review", { to: "Move it back to draft first" });
      }

      const updated = tx
        .update(postmortems)
        .set({ ...changes, version: sql`${postmortems.version} + 1`, updatedAt: now })
        .where(and(eq(postmortems.id, row.id), eq(postmortems.version, row.version)))
        .returning()
        .get();
      if (!updated) throw stalePostmortem(tx, incident, row);
      if (data.comment) {
        const comment = insertComment(tx, actor, row.id, "review", data.comment, now);
        auditAfter.commentId = comment.id;
      }
      writeTimelineEntry(tx, actor, { incidentId, kind: "postmortem", body, meta: { field: "postmortem", from, to } }, now);
      recordAudit(tx, actor, { action: "postmortem.transition", entityType: "postmortem", entityId: row.id, before: { status: from }, after: auditAfter }, now);
      // DESIGN.md: an incident closes once its postmortem is published.
      if (to === "published" && incident.status === "resolved") {
        applyIncidentUpdate(tx, actor, incidentId, { version: incident.version, status: "closed" });
      }
    },
    { behavior: "immediate" },
  );
  return getPostmortem({ actor, incidentId })!;
}

/** Names the reviewers (replacing the list) without a review transition; a responder, not once published. */
export function setReviewers({ actor, incidentId, input }: { actor: Actor; incidentId: number; input: { reviewerIds: number[] } | unknown }): PostmortemDetail {
  const data = parseInput(setReviewersSchema, input);
  getDb().transaction(
    (tx) => {
      const { row } = loadForWrite(tx, actor, incidentId);
      assertNotPublished(row);
      if (row.status === "in_review" && !data.reviewerIds.length) {
        throw new AppError("unprocessable", "A postmortem in review needs at least one reviewer", { reviewerIds: "Name at least one reviewer" });
      }
      const now = Date.now();
      const { before, after, changed } = replaceReviewers(tx, row, data.reviewerIds, now);
      if (changed) recordAudit(tx, actor, { action: "postmortem.reviewers", entityType: "postmortem", entityId: row.id, before: { reviewerIds: before }, after: { reviewerIds: after } }, now);
    },
    { behavior: "immediate" },
  );
  return getPostmortem({ actor, incidentId })!;
}

/** A reviewer (or an admin) ticks or unticks one review question; not once published. */
export function setReviewCheck({
  actor,
  incidentId,
  key,
  checked,
}: {
  actor: Actor;
  incidentId: number;
  key: ReviewCheckKey;
  checked: boolean;
}): PostmortemDetail {
  const data = parseInput(reviewCheckSchema, { key, checked });
  getDb().transaction(
    (tx) => {
      const { row } = loadForWrite(tx, actor, incidentId);
      if (!isAdmin(actor) && !isReviewer(actor, reviewerIdsOf(tx, row.id))) throw forbidden("Only a named reviewer or an admin can tick the review checklist");
      assertNotPublished(row);
      const ticks = parseChecklist(row.reviewChecklist);
      if (ticks[data.key] === data.checked) return;
      const now = Date.now();
      ticks[data.key] = data.checked;
      tx.update(postmortems).set({ reviewChecklist: JSON.stringify(ticks), updatedAt: now }).where(eq(postmortems.id, row.id)).run();
      recordAudit(tx, actor, {
        action: "postmortem.review_check",
        entityType: "postmortem",
        entityId: row.id,
        before: { [data.key]: !data.checked },
        after: { [data.key]: data.checked },
      }, now);
    },
    { behavior: "immediate" },
  );
  return getPostmortem({ actor, incidentId })!;
}
