import "server-only";
import type { Actor } from "@/lib/actor";
import { actorLabel } from "@/lib/actor";
import { AppError, forbidden } from "@/lib/errors";
import { canPublishPostmortem, canSendBackPostmortem, requirePermission } from "@/lib/policy";
import { parseInput } from "@/lib/validation/parse";
import { transitionSchema } from "@/lib/validation/postmortem";
import { POSTMORTEM_STATUS_LABEL, type PostmortemStatus } from "@/lib/postmortem-template";
import type { Postmortem } from "../../schema";
import { recordAudit } from "../../access/audit";
import { refreshIncidentFacts } from "../../access/incident-facts";
import { writeTimelineEntry } from "../../access/timeline";
import { applyIncidentUpdate } from "../incidents/update";
import { getPostmortem, type PostmortemDetail } from "../../queries/postmortems/detail";
import { insertComment } from "./comments";
import { loadForWrite, stalePostmortem, updatePostmortem } from "./guards";
import { emitPostmortemChanged } from "../events/emit";
import { assertReadyToPublish } from "./publish-gate";
import { namedReviewers, namesOf, replaceReviewers, reviewerIdsOf, reviewFacts } from "./reviewers";
import { transaction } from "../../transaction";

export type TransitionPostmortemInput = {
  to: PostmortemStatus;
  comment?: string;
  reviewerIds?: number[];
  reviewerEmails?: string[];
  acknowledgeHints?: boolean;
  version: number;
};

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
export async function transitionPostmortem({
  actor,
  incidentId,
  input,
}: {
  actor: Actor;
  incidentId: number;
  input: TransitionPostmortemInput | unknown;
}): Promise<PostmortemDetail> {
  const data = parseInput(transitionSchema, input);
  await transaction(async (tx) => {
    const { incident, row } = await loadForWrite(tx, actor, incidentId);
    if (data.version !== row.version) throw await stalePostmortem(tx, incident, row);
    const from = row.status;
    const to = data.to;
    if (from === to)
      throw new AppError("unprocessable", `The postmortem is already ${POSTMORTEM_STATUS_LABEL[to].toLowerCase()}`, { to: "Already in this status" });
    const reviewersField = data.reviewerEmails !== undefined ? "reviewerEmails" : "reviewerIds";
    if ((data.reviewerIds ?? data.reviewerEmails)?.length && to !== "in_review") {
      throw new AppError("validation_failed", `${reviewersField} can only be given when sending for review (to: in_review)`, {
        [reviewersField]: "Only with to: in_review",
      });
    }
    const named = await namedReviewers(tx, data);
    const now = Date.now();
    const who = actorLabel(actor);
    const changes: Partial<Postmortem> = { status: to };
    let body: string;
    const auditAfter: Record<string, unknown> = { status: to };

    if (from === "draft" && to === "in_review") {
      let reviewerIds = await reviewerIdsOf(tx, row.id);
      if (named?.length) {
        const replaced = await replaceReviewers(tx, row, named, now);
        reviewerIds = replaced.after;
        if (replaced.changed) auditAfter.reviewerIds = reviewerIds;
      }
      if (!reviewerIds.length) {
        throw new AppError("unprocessable", "Name at least one reviewer before sending the postmortem for review", {
          reviewerIds: "Name at least one reviewer",
        });
      }
      changes.submittedAt = now;
      body = `Postmortem sent for review to ${(await namesOf(tx, reviewerIds)).join(", ")} by ${who}`;
    } else if (from === "in_review" && to === "published") {
      if (!canPublishPostmortem(actor, await reviewFacts(tx, row))) throw forbidden("Only a named reviewer or an admin can publish this postmortem");
      const gate = await assertReadyToPublish(tx, incidentId, row, data.acknowledgeHints === true);
      if (gate.hints.length) auditAfter.acknowledgedHints = gate.hints.map((h) => ({ section: h.section, phrase: h.phrase }));
      changes.publishedAt = now;
      changes.publishedById = actor.kind === "user" ? actor.userId : null;
      const n = gate.hints.length;
      body = `Postmortem published by ${who}${n ? ` (${n} blameless hint${n === 1 ? "" : "s"} reviewed and acknowledged)` : ""}`;
    } else if (from === "in_review" && to === "draft") {
      if (!canSendBackPostmortem(actor, await reviewFacts(tx, row))) {
        throw forbidden("Only a named reviewer, the owner or an admin can send this postmortem back to draft");
      }
      if (!data.comment)
        throw new AppError("validation_failed", "Say what needs to change: a comment is required to send it back to draft", { comment: "Required" });
      body = `Postmortem sent back to draft by ${who}`;
    } else if (from === "published" && to === "draft") {
      requirePermission(actor, "postmortem", "unpublish");
      if (!data.comment) throw new AppError("validation_failed", "Say why: a comment is required to unpublish a postmortem", { comment: "Required" });
      changes.publishedAt = null;
      changes.publishedById = null;
      body = `Postmortem moved back to draft by ${who}`;
    } else if (from === "draft" && to === "published") {
      throw new AppError("unprocessable", "Send the postmortem for review first: only a reviewed postmortem can be published", {
        to: "Send it for review first",
      });
    } else {
      throw new AppError("unprocessable", "A published postmortem must be moved back to draft before another review", { to: "Move it back to draft first" });
    }

    await updatePostmortem(tx, incident, row, changes, now);
    if (data.comment) {
      const comment = await insertComment(tx, actor, row.id, "review", data.comment, now);
      auditAfter.commentId = comment.id;
    }
    await emitPostmortemChanged(tx, actor, incidentId, now);
    await writeTimelineEntry(tx, actor, { incidentId, kind: "postmortem", body, meta: { field: "postmortem", from, to } }, now);
    await refreshIncidentFacts(tx, incidentId);
    await recordAudit(
      tx,
      actor,
      { action: "postmortem.transition", entityType: "postmortem", entityId: row.id, before: { status: from }, after: auditAfter },
      now,
    );
    // DESIGN.md: an incident closes once its postmortem is published.
    if (to === "published" && incident.status === "resolved") {
      await applyIncidentUpdate(tx, actor, incidentId, { version: incident.version, status: "closed" });
    }
  });
  return (await getPostmortem({ actor, incidentId }))!;
}
