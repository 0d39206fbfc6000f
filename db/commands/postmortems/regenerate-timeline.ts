import "server-only";
import type { Actor } from "@/lib/actor";
import { parseInput } from "@/lib/validation/parse";
import { regenerateTimelineSchema } from "@/lib/validation/postmortem";
import { parseNoActionItemsReason, storedSections } from "@/lib/postmortem-action-items";
import { recordAudit } from "../../access/audit";
import { getPostmortem, type PostmortemDetail } from "../../queries/postmortems/detail";
import { parseSections } from "../../queries/postmortems/stored";
import { timelineFromIncident } from "../../queries/postmortems/timeline-draft";
import { assertNotPublished, loadForWrite, stalePostmortem, updatePostmortem } from "./guards";
import { emitPostmortemChanged } from "../events/emit";
import { transaction } from "../../transaction";

/**
 * Replaces the timeline section with one generated from the incident now (key times,
 * status/severity changes, highlighted entries; every note with `includeAllNotes`). Same
 * 409/422 rules as a save.
 */
export async function regenerateTimelineSection({
  actor,
  incidentId,
  version,
  includeAllNotes,
}: {
  actor: Actor;
  incidentId: number;
  version: number;
  includeAllNotes?: boolean;
}): Promise<PostmortemDetail> {
  const data = parseInput(regenerateTimelineSchema, { version, includeAllNotes });
  await transaction(async (tx) => {
    const { incident, row } = await loadForWrite(tx, actor, incidentId);
    if (data.version !== row.version) throw await stalePostmortem(tx, incident, row);
    assertNotPublished(row);
    const sections = parseSections(row.sections);
    const generated = await timelineFromIncident(tx, incident, data.includeAllNotes === true);
    if (generated === sections.timeline) return;
    const now = Date.now();
    const beforeLength = sections.timeline.length;
    sections.timeline = generated;
    await updatePostmortem(tx, incident, row, { sections: storedSections(sections, parseNoActionItemsReason(row.sections)) }, now);
    await emitPostmortemChanged(tx, actor, incidentId, now);
    await recordAudit(
      tx,
      actor,
      {
        action: "postmortem.regenerate_timeline",
        entityType: "postmortem",
        entityId: row.id,
        before: { sections: { timeline: { length: beforeLength } } },
        after: { sections: { timeline: { length: generated.length } }, includeAllNotes: data.includeAllNotes === true },
      },
      now,
    );
  });
  return (await getPostmortem({ actor, incidentId }))!;
}
