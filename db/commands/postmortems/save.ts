import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { savePostmortemSchema } from "@/lib/validation/postmortem";
import type { PostmortemSectionKey } from "@/lib/postmortem-template";
import { parseNoActionItemsReason, storedSections } from "@/lib/postmortem-action-items";
import { contributingFactors, postmortemFactors, type Postmortem } from "../../schema";
import { recordAudit } from "../../access/audit";
import { refreshIncidentFacts } from "../../access/incident-facts";
import { personFrom } from "../../access/people";
import { getPostmortem, type PostmortemDetail } from "../../queries/postmortems/detail";
import { parseSections, parseTags } from "../../queries/postmortems/stored";
import { assertEligiblePerson, assertNotPublished, loadForWrite, stalePostmortem, updatePostmortem } from "./guards";
import { emitPostmortemChanged } from "../events/emit";
import { transaction } from "../../transaction";

const sameList = <T>(a: T[], b: T[]) => a.length === b.length && a.every((v, i) => v === b[i]);

export type SavePostmortemInput = {
  version: number;
  sections?: Partial<Record<PostmortemSectionKey, string>>;
  factorIds?: number[];
  tags?: string[];
  ownerId?: number | null;
  ownerEmail?: string | null;
};

/**
 * Saves sections (merged: sections not sent stay as they are), factors, tags and owner.
 * A stale version gets 409 with the current postmortem; a published one cannot be edited
 * (422). Nothing changed → no new version. The audit records which sections changed and
 * their lengths, not the text.
 */
export async function savePostmortem({
  actor,
  incidentId,
  input,
}: {
  actor: Actor;
  incidentId: number;
  input: SavePostmortemInput | unknown;
}): Promise<PostmortemDetail> {
  const data = parseInput(savePostmortemSchema, input);
  await transaction(async (tx) => {
    const { incident, row } = await loadForWrite(tx, actor, incidentId);
    if (data.version !== row.version) throw await stalePostmortem(tx, incident, row);
    assertNotPublished(row);
    const now = Date.now();
    const changes: Partial<Postmortem> = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};

    const sections = parseSections(row.sections);
    let noActions = parseNoActionItemsReason(row.sections);
    const changedKeys = Object.entries(data.sections ?? {}).filter(([key, text]) => sections[key as PostmortemSectionKey] !== text) as [
      PostmortemSectionKey,
      string,
    ][];
    if (changedKeys.length) {
      before.sections = Object.fromEntries(changedKeys.map(([key]) => [key, { length: sections[key].length }]));
      after.sections = Object.fromEntries(changedKeys.map(([key, text]) => [key, { length: text.length }]));
      for (const [key, text] of changedKeys) sections[key] = text;
    }
    if (data.noActionItemsReason !== undefined && data.noActionItemsReason !== noActions) {
      // The reason is short and shown to every reader: the audit keeps it, unlike section text.
      before.noActionItemsReason = noActions;
      after.noActionItemsReason = data.noActionItemsReason;
      noActions = data.noActionItemsReason;
    }
    if (changedKeys.length || "noActionItemsReason" in after) changes.sections = storedSections(sections, noActions);

    if (data.tags !== undefined) {
      const current = parseTags(row.tags);
      if (!sameList(current, data.tags)) {
        before.tags = current;
        after.tags = data.tags;
        changes.tags = JSON.stringify(data.tags);
      }
    }

    const owner = await personFrom(tx, { id: data.ownerId, email: data.ownerEmail }, { id: "ownerId", email: "ownerEmail" });
    if (owner) await assertEligiblePerson(tx, owner, data.ownerEmail !== undefined ? "ownerEmail" : "ownerId", "own a postmortem");
    const ownerId = owner === undefined ? undefined : (owner?.id ?? null);
    if (ownerId !== undefined && ownerId !== row.ownerId) {
      before.ownerId = row.ownerId;
      after.ownerId = ownerId;
      changes.ownerId = ownerId;
    }

    let factorIds: number[] | null = null;
    if (data.factorIds !== undefined) {
      const wanted = [...new Set(data.factorIds)].sort((a, b) => a - b);
      const current = (await tx.select({ id: postmortemFactors.factorId }).from(postmortemFactors).where(eq(postmortemFactors.postmortemId, row.id)))
        .map((f) => f.id)
        .sort((a, b) => a - b);
      if (!sameList(wanted, current)) {
        const known = wanted.length
          ? await tx
              .select({ id: contributingFactors.id, archived: contributingFactors.archived })
              .from(contributingFactors)
              .where(inArray(contributingFactors.id, wanted))
          : [];
        // An archived factor can stay where it was chosen, but not be newly chosen.
        const bad = wanted.filter((fid) => {
          const factor = known.find((k) => k.id === fid);
          return !factor || (factor.archived && !current.includes(fid));
        });
        if (bad.length) {
          throw new AppError("validation_failed", `factorIds: unknown or archived contributing factor ${bad.join(", ")}`, {
            factorIds: `Unknown or archived factor ${bad.join(", ")}`,
          });
        }
        before.factorIds = current;
        after.factorIds = wanted;
        factorIds = wanted;
      }
    }

    if (!Object.keys(after).length) return;
    await updatePostmortem(tx, incident, row, changes, now);
    if (factorIds) {
      await tx.delete(postmortemFactors).where(eq(postmortemFactors.postmortemId, row.id));
      if (factorIds.length) await tx.insert(postmortemFactors).values(factorIds.map((factorId) => ({ postmortemId: row.id, factorId })));
    }
    await refreshIncidentFacts(tx, incidentId);
    await emitPostmortemChanged(tx, actor, incidentId, now);
    await recordAudit(tx, actor, { action: "postmortem.update", entityType: "postmortem", entityId: row.id, before, after }, now);
  });
  return (await getPostmortem({ actor, incidentId }))!;
}
