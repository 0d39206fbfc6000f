import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError, forbidden } from "@/lib/errors";
import { canPublishPostmortem, type ReviewFacts } from "@/lib/policy";
import { parseInput } from "@/lib/validation/parse";
import { reviewCheckSchema, setReviewersSchema } from "@/lib/validation/postmortem";
import type { ReviewCheckKey } from "@/lib/postmortem-template";
import { postmortemReviewers, postmortems, users, type Postmortem } from "../../schema";
import type { Reader, Tx } from "../../types";
import { recordAudit } from "../../access/audit";
import { getPostmortem, type PostmortemDetail } from "../../queries/postmortems/detail";
import { parseChecklist } from "../../queries/postmortems/stored";
import { assertEligiblePerson, assertNotPublished, loadForWrite } from "./guards";
import { peopleFrom } from "../../access/people";
import { emitPostmortemChanged } from "../events/emit";
import { transaction } from "../../transaction";

export async function reviewerIdsOf(db: Reader, postmortemId: number): Promise<number[]> {
  return (await db.select({ id: postmortemReviewers.userId }).from(postmortemReviewers).where(eq(postmortemReviewers.postmortemId, postmortemId))).map(
    (r) => r.id,
  );
}

/** What the policy needs to decide who may publish, tick or send back. */
export const reviewFacts = async (db: Reader, row: Postmortem): Promise<ReviewFacts> => ({
  reviewerIds: await reviewerIdsOf(db, row.id),
  ownerId: row.ownerId,
});

/**
 * The reviewers a request names, by ids or by emails: each an active responder or admin, else a
 * 400 naming the field sent (`reviewerEmails.2`). Undefined when neither was sent.
 */
export async function namedReviewers(tx: Reader, data: { reviewerIds?: number[]; reviewerEmails?: string[] }): Promise<number[] | undefined> {
  const people = await peopleFrom(tx, { ids: data.reviewerIds, emails: data.reviewerEmails }, { ids: "reviewerIds", emails: "reviewerEmails" });
  if (!people) return undefined;
  const ids: number[] = [];
  for (const person of people) {
    const field = data.reviewerEmails ? `reviewerEmails.${data.reviewerEmails.indexOf(person.email)}` : "reviewerIds";
    ids.push((await assertEligiblePerson(tx, person, field, "review postmortems")).id);
  }
  return ids;
}

/** Replaces the reviewers; each must be an active responder or admin. Returns whether anything changed. */
export async function replaceReviewers(
  tx: Tx,
  row: Postmortem,
  reviewerIds: number[],
  now: number,
): Promise<{ before: number[]; after: number[]; changed: boolean }> {
  for (const id of reviewerIds) await assertEligiblePerson(tx, id, "reviewerIds", "review postmortems");
  const before = await reviewerIdsOf(tx, row.id);
  const changed = before.length !== reviewerIds.length || before.some((id) => !reviewerIds.includes(id));
  if (changed) {
    await tx.delete(postmortemReviewers).where(eq(postmortemReviewers.postmortemId, row.id));
    if (reviewerIds.length) await tx.insert(postmortemReviewers).values(reviewerIds.map((userId) => ({ postmortemId: row.id, userId, addedAt: now })));
  }
  return { before, after: reviewerIds, changed };
}

export async function namesOf(db: Reader, ids: number[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(
      sql`${users.id} IN (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  return ids.map((id) => rows.find((r) => r.id === id)?.name ?? `user ${id}`);
}

/** Names the reviewers (replacing the list) without a review transition; a responder, not once published. */
export async function setReviewers({
  actor,
  incidentId,
  input,
}: {
  actor: Actor;
  incidentId: number;
  input: { reviewerIds?: number[]; reviewerEmails?: string[] } | unknown;
}): Promise<PostmortemDetail> {
  const data = parseInput(setReviewersSchema, input);
  await transaction(async (tx) => {
    const { row } = await loadForWrite(tx, actor, incidentId);
    assertNotPublished(row);
    const reviewerIds = (await namedReviewers(tx, data)) ?? [];
    if (row.status === "in_review" && !reviewerIds.length) {
      throw new AppError("unprocessable", "A postmortem in review needs at least one reviewer", { reviewerIds: "Name at least one reviewer" });
    }
    const now = Date.now();
    const { before, after, changed } = await replaceReviewers(tx, row, reviewerIds, now);
    if (changed) await emitPostmortemChanged(tx, actor, incidentId, now);
    if (changed)
      await recordAudit(
        tx,
        actor,
        { action: "postmortem.reviewers", entityType: "postmortem", entityId: row.id, before: { reviewerIds: before }, after: { reviewerIds: after } },
        now,
      );
  });
  return (await getPostmortem({ actor, incidentId }))!;
}

/** A reviewer (or an admin) ticks or unticks one review question; not once published. */
export async function setReviewCheck({
  actor,
  incidentId,
  key,
  checked,
}: {
  actor: Actor;
  incidentId: number;
  key: ReviewCheckKey;
  checked: boolean;
}): Promise<PostmortemDetail> {
  const data = parseInput(reviewCheckSchema, { key, checked });
  await transaction(async (tx) => {
    const { row } = await loadForWrite(tx, actor, incidentId);
    if (!canPublishPostmortem(actor, await reviewFacts(tx, row))) throw forbidden("Only a named reviewer or an admin can tick the review checklist");
    assertNotPublished(row);
    const ticks = parseChecklist(row.reviewChecklist);
    if (ticks[data.key] === data.checked) return;
    const now = Date.now();
    ticks[data.key] = data.checked;
    await tx
      .update(postmortems)
      .set({ reviewChecklist: JSON.stringify(ticks), updatedAt: now })
      .where(eq(postmortems.id, row.id));
    await emitPostmortemChanged(tx, actor, incidentId, now);
    await recordAudit(
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
  });
  return (await getPostmortem({ actor, incidentId }))!;
}
