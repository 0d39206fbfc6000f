import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError, forbidden } from "@/lib/errors";
import { canPublishPostmortem, type ReviewFacts } from "@/lib/policy";
import { parseInput } from "@/lib/validation/parse";
import { reviewCheckSchema, setReviewersSchema } from "@/lib/validation/postmortem";
import type { ReviewCheckKey } from "@/lib/postmortem-template";
import { getDb } from "../../client";
import { postmortemReviewers, postmortems, users, type Postmortem } from "../../schema";
import type { Reader, Tx } from "../../types";
import { recordAudit } from "../../access/audit";
import { getPostmortem, type PostmortemDetail } from "../../queries/postmortems/detail";
import { parseChecklist } from "../../queries/postmortems/stored";
import { assertEligiblePerson, assertNotPublished, loadForWrite } from "./guards";
import { peopleFrom } from "../../access/people";
import { emitPostmortemChanged } from "../events/emit";

export function reviewerIdsOf(db: Reader, postmortemId: number): number[] {
  return db
    .select({ id: postmortemReviewers.userId })
    .from(postmortemReviewers)
    .where(eq(postmortemReviewers.postmortemId, postmortemId))
    .all()
    .map((r) => r.id);
}

/** What the policy needs to decide who may publish, tick or send back. */
export const reviewFacts = (db: Reader, row: Postmortem): ReviewFacts => ({ reviewerIds: reviewerIdsOf(db, row.id), ownerId: row.ownerId });

/**
 * The reviewers a request names, by ids or by emails: each an active responder or admin, else a
 * 400 naming the field sent (`reviewerEmails.2`). Undefined when neither was sent.
 */
export function namedReviewers(tx: Reader, data: { reviewerIds?: number[]; reviewerEmails?: string[] }): number[] | undefined {
  const people = peopleFrom(tx, { ids: data.reviewerIds, emails: data.reviewerEmails }, { ids: "reviewerIds", emails: "reviewerEmails" });
  return people?.map((person) => {
    const field = data.reviewerEmails ? `reviewerEmails.${data.reviewerEmails.indexOf(person.email)}` : "reviewerIds";
    return assertEligiblePerson(tx, person, field, "review postmortems").id;
  });
}

/** Replaces the reviewers; each must be an active responder or admin. Returns whether anything changed. */
export function replaceReviewers(tx: Tx, row: Postmortem, reviewerIds: number[], now: number): { before: number[]; after: number[]; changed: boolean } {
  for (const id of reviewerIds) assertEligiblePerson(tx, id, "reviewerIds", "review postmortems");
  const before = reviewerIdsOf(tx, row.id);
  const changed = before.length !== reviewerIds.length || before.some((id) => !reviewerIds.includes(id));
  if (changed) {
    tx.delete(postmortemReviewers).where(eq(postmortemReviewers.postmortemId, row.id)).run();
    if (reviewerIds.length)
      tx.insert(postmortemReviewers)
        .values(reviewerIds.map((userId) => ({ postmortemId: row.id, userId, addedAt: now })))
        .run();
  }
  return { before, after: reviewerIds, changed };
}

export function namesOf(db: Reader, ids: number[]): string[] {
  if (!ids.length) return [];
  const rows = db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(
      sql`${users.id} IN (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    )
    .all();
  return ids.map((id) => rows.find((r) => r.id === id)?.name ?? `user ${id}`);
}

/** Names the reviewers (replacing the list) without a review transition; a responder, not once published. */
export function setReviewers({
  actor,
  incidentId,
  input,
}: {
  actor: Actor;
  incidentId: number;
  input: { reviewerIds?: number[]; reviewerEmails?: string[] } | unknown;
}): PostmortemDetail {
  const data = parseInput(setReviewersSchema, input);
  getDb().transaction(
    (tx) => {
      const { row } = loadForWrite(tx, actor, incidentId);
      assertNotPublished(row);
      const reviewerIds = namedReviewers(tx, data) ?? [];
      if (row.status === "in_review" && !reviewerIds.length) {
        throw new AppError("unprocessable", "A postmortem in review needs at least one reviewer", { reviewerIds: "Name at least one reviewer" });
      }
      const now = Date.now();
      const { before, after, changed } = replaceReviewers(tx, row, reviewerIds, now);
      if (changed) emitPostmortemChanged(tx, actor, incidentId, now);
      if (changed)
        recordAudit(
          tx,
          actor,
          { action: "postmortem.reviewers", entityType: "postmortem", entityId: row.id, before: { reviewerIds: before }, after: { reviewerIds: after } },
          now,
        );
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
      if (!canPublishPostmortem(actor, reviewFacts(tx, row))) throw forbidden("Only a named reviewer or an admin can tick the review checklist");
      assertNotPublished(row);
      const ticks = parseChecklist(row.reviewChecklist);
      if (ticks[data.key] === data.checked) return;
      const now = Date.now();
      ticks[data.key] = data.checked;
      tx.update(postmortems)
        .set({ reviewChecklist: JSON.stringify(ticks), updatedAt: now })
        .where(eq(postmortems.id, row.id))
        .run();
      emitPostmortemChanged(tx, actor, incidentId, now);
      recordAudit(
        tx,
        actor,
        {
          action: "postmortem.review_check",
          entityType: "postmortem",
          entityId: row.id,
          before: { [data.key]: !data.checked },
          after: { [data.key]: data.checked },
        },
        now,
      );
    },
    { behavior: "immediate" },
  );
  return getPostmortem({ actor, incidentId })!;
}
