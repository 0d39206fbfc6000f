import "server-only";
import type { Actor } from "@/lib/actor";
import { actorLabel } from "@/lib/actor";
import { parseInput } from "@/lib/validation/parse";
import { addCommentSchema } from "@/lib/validation/postmortem";
import { postmortemComments } from "../../schema";
import type { Writer } from "../../types";
import { recordAudit } from "../../access/audit";
import type { PostmortemCommentView } from "../../queries/postmortems/detail";
import { loadForWrite } from "./guards";
import { emitPostmortemChanged } from "../events/emit";
import { transaction } from "../../transaction";

/** A comment on one section (or "review"), by a responder; does not change the version. */
export async function addComment({
  actor,
  incidentId,
  section,
  body,
}: {
  actor: Actor;
  incidentId: number;
  section: string;
  body: string;
}): Promise<PostmortemCommentView> {
  const data = parseInput(addCommentSchema, { section, body });
  return await transaction(async (tx) => {
    const { row } = await loadForWrite(tx, actor, incidentId);
    const now = Date.now();
    const comment = await insertComment(tx, actor, row.id, data.section, data.body, now);
    await emitPostmortemChanged(tx, actor, incidentId, now);
    await recordAudit(
      tx,
      actor,
      { action: "postmortem.comment", entityType: "postmortem", entityId: row.id, after: { commentId: comment.id, section: data.section } },
      now,
    );
    return comment;
  });
}

export async function insertComment(
  tx: Writer,
  actor: Actor,
  postmortemId: number,
  section: string,
  body: string,
  now: number,
): Promise<PostmortemCommentView> {
  return (
    await tx
      .insert(postmortemComments)
      .values({ postmortemId, section, body, authorUserId: actor.kind === "user" ? actor.userId : null, authorLabel: actorLabel(actor), createdAt: now })
      .returning({
        id: postmortemComments.id,
        section: postmortemComments.section,
        body: postmortemComments.body,
        authorLabel: postmortemComments.authorLabel,
        createdAt: postmortemComments.createdAt,
      })
  )[0]!;
}
