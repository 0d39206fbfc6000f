import "server-only";
import type { Actor } from "@/lib/actor";
import { AppError, notFound } from "@/lib/errors";
import { requirePermission } from "@/lib/policy";
import { incidentReference } from "@/lib/validation/incident";
import { SECTION_KEYS, type PostmortemSectionKey } from "@/lib/postmortem-template";
import { impactSectionDraft } from "@/lib/postmortem-markdown";
import { postmortems } from "../../schema";
import { recordAudit } from "../../access/audit";
import { refreshIncidentFacts } from "../../access/incident-facts";
import { writeTimelineEntry } from "../../access/timeline";
import { findVisibleIncident } from "../../access/incidents";
import { incidentSloSpend } from "../../queries/incidents/slo-spend";
import { linkedServices } from "../../access/linked-services";
import { getPostmortem, postmortemDetail, type PostmortemDetail } from "../../queries/postmortems/detail";
import { findPostmortemRow } from "../../queries/postmortems/stored";
import { timelineFromIncident } from "../../queries/postmortems/timeline-draft";
import { emitPostmortemChanged } from "../events/emit";
import { transaction } from "../../transaction";

/**
 * Starts the incident's postmortem from the template (one per incident: 409 when it
 * exists). The timeline section is generated from the incident (key times, status and
 * severity changes, highlighted entries) and the impact
 * section from affected services, SLO spend and durations; the rest start empty. The
 * person starting it owns it.
 */
export async function startPostmortem({ actor, incidentId }: { actor: Actor; incidentId: number }): Promise<PostmortemDetail> {
  await transaction(async (tx) => {
    const incident = await findVisibleIncident(tx, actor, incidentId);
    if (!incident) throw notFound();
    requirePermission(actor, "postmortem", "start");
    const existing = await findPostmortemRow(tx, incidentId);
    if (existing) {
      throw new AppError("conflict", `${incidentReference(incidentId)} already has a postmortem`, undefined, {
        current: await postmortemDetail(tx, incident, existing),
      });
    }
    const now = Date.now();
    const sections = Object.fromEntries(SECTION_KEYS.map((key) => [key, ""])) as Record<PostmortemSectionKey, string>;
    sections.timeline = await timelineFromIncident(tx, incident);
    sections.impact = impactSectionDraft({
      incident,
      services: await linkedServices(tx, incidentId),
      sloSpend: await incidentSloSpend({ actor, incidentId, now }),
    });
    const row = (
      await tx
        .insert(postmortems)
        .values({
          incidentId,
          status: "draft",
          ownerId: actor.kind === "user" ? actor.userId : null,
          sections: JSON.stringify(sections),
          createdAt: now,
          updatedAt: now,
        })
        .returning()
    )[0]!;
    await emitPostmortemChanged(tx, actor, incidentId, now);
    await writeTimelineEntry(
      tx,
      actor,
      { incidentId, kind: "postmortem", body: "Postmortem started", meta: { field: "postmortem", from: null, to: "draft" } },
      now,
    );
    await refreshIncidentFacts(tx, incidentId);
    await recordAudit(
      tx,
      actor,
      {
        action: "postmortem.start",
        entityType: "postmortem",
        entityId: row.id,
        after: { incidentId, status: row.status, ownerId: row.ownerId },
      },
      now,
    );
  });
  return (await getPostmortem({ actor, incidentId }))!;
}
