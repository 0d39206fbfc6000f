import "server-only";
import type { Actor } from "@/lib/actor";
import { actorLabel } from "@/lib/actor";
import { timelineEntries, type TimelineEntry } from "../schema";
import type { Tx } from "../types";
import { emitTimelineEntry } from "./event-payloads";

export type TimelineKind = TimelineEntry["kind"];

/** Writes a timeline entry; automatic entries go in the same transaction as their change. */
export async function writeTimelineEntry(
  tx: Tx,
  actor: Actor | null,
  entry: { incidentId: number; kind: TimelineKind; body: string; occurredAt?: number; highlighted?: boolean; meta?: unknown },
  now = Date.now(),
): Promise<TimelineEntry> {
  const written = (
    await tx
      .insert(timelineEntries)
      .values({
        incidentId: entry.incidentId,
        kind: entry.kind,
        body: entry.body,
        occurredAt: entry.occurredAt ?? now,
        highlighted: entry.highlighted ?? false,
        meta: entry.meta === undefined ? null : JSON.stringify(entry.meta),
        authorUserId: actor?.kind === "user" ? actor.userId : null,
        authorTokenId: actor?.kind === "token" ? actor.tokenId : null,
        authorLabel: actor ? actorLabel(actor) : "Hindsight",
        createdAt: now,
      })
      .returning()
  )[0]!;
  await emitTimelineEntry(tx, actor, written, "timeline.entry_added", now);
  return written;
}
