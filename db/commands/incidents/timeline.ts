import "server-only";
import { and, eq } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { addNoteSchema } from "@/lib/validation/incident";
import { FUTURE_TOLERANCE_MS } from "@/lib/incident-timestamps";
import { timelineEntries, type TimelineEntry } from "../../schema";
import { recordAudit } from "../../access/audit";
import { acknowledgeIfNeeded, editableIncident } from "../../access/incidents";
import { writeTimelineEntry } from "../../access/timeline";
import { emitTimelineEntry } from "../../access/event-payloads";
import { transaction } from "../../transaction";

/** A note on the timeline (responders); the first one by a person acknowledges the incident. */
export async function addNote({ actor, incidentId, input }: { actor: Actor; incidentId: number; input: unknown }): Promise<TimelineEntry> {
  const data = parseInput(addNoteSchema, input);
  const now = Date.now();
  if (data.occurredAt !== undefined && data.occurredAt > now + FUTURE_TOLERANCE_MS) {
    throw new AppError("validation_failed", "occurredAt cannot be in the future", { occurredAt: "Cannot be in the future" });
  }
  return await transaction(async (tx) => {
    const incident = await editableIncident(tx, actor, incidentId, "note");
    const entry = await writeTimelineEntry(
      tx,
      actor,
      { incidentId, kind: "note", body: data.body, occurredAt: data.occurredAt, highlighted: data.highlighted },
      now,
    );
    await acknowledgeIfNeeded(tx, actor, incident, now);
    await recordAudit(tx, actor, { action: "timeline.note", entityType: "incident", entityId: incidentId, after: { entryId: entry.id } }, now);
    return entry;
  });
}

export async function setHighlighted({
  actor,
  incidentId,
  entryId,
  highlighted,
}: {
  actor: Actor;
  incidentId: number;
  entryId: number;
  highlighted: boolean;
}): Promise<TimelineEntry> {
  if (typeof highlighted !== "boolean") {
    throw new AppError("validation_failed", "highlighted must be true or false", { highlighted: "Must be true or false" });
  }
  return await transaction(async (tx) => {
    await editableIncident(tx, actor, incidentId, "highlight");
    const now = Date.now();
    const entry = (
      await tx
        .update(timelineEntries)
        .set({ highlighted })
        .where(and(eq(timelineEntries.id, entryId), eq(timelineEntries.incidentId, incidentId)))
        .returning()
    )[0];
    if (!entry) throw notFound("Timeline entry");
    await emitTimelineEntry(tx, actor, entry, "timeline.entry_updated", now);
    await recordAudit(tx, actor, {
      action: highlighted ? "timeline.highlight" : "timeline.unhighlight",
      entityType: "incident",
      entityId: incidentId,
      after: { entryId, highlighted },
    });
    return entry;
  });
}
