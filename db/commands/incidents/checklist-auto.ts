import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { AUTO_CHECK_ACTOR, autoCheckReason, autoChecksBecomingTrue, autoCheckTimelineBody, type AutoCheck, type AutoCheckFacts } from "@/lib/checklist-auto";
import type { Actor } from "@/lib/actor";
import { checklistItems, incidents } from "../../schema";
import { recordAudit } from "../../access/audit";
import { rolesOf, type RolePerson } from "../../access/incidents";
import { writeTimelineEntry } from "../../access/timeline";
import type { Reader, Tx } from "../../types";
import { emitChecklistChanged } from "../events/emit";

const factsFrom = (summary: string, people: Pick<RolePerson, "role" | "name">[]): AutoCheckFacts => ({
  commander: people.find((p) => p.role === "commander")?.name ?? null,
  commsLead: people.find((p) => p.role === "communications")?.name ?? null,
  summary,
});

/** What the auto-checks see of an incident now, inside the caller's transaction. */
export async function autoCheckFacts(tx: Reader, incidentId: number): Promise<AutoCheckFacts> {
  const summary = (await tx.select({ summary: incidents.summary }).from(incidents).where(eq(incidents.id, incidentId)))[0]?.summary ?? "";
  return factsFrom(summary, (await rolesOf(tx, [incidentId])).get(incidentId) ?? []);
}

/**
 * Ticks the incident's open items that carry one of `checks` (or, with `itemIds`, only
 * those items) when their condition holds: done by "Hindsight", one timeline entry (by
 * whoever made the change that fulfilled it, like every automatic entry) and one audit
 * record each, in the caller's transaction. Returns the items ticked.
 */
export async function autoCheckItems(
  tx: Tx,
  actor: Actor | null,
  incidentId: number,
  filter: { checks?: AutoCheck[]; itemIds?: number[] },
  now = Date.now(),
): Promise<number> {
  if (filter.checks && filter.checks.length === 0) return 0;
  if (filter.itemIds && filter.itemIds.length === 0) return 0;
  const open = (
    await tx
      .select()
      .from(checklistItems)
      .where(
        and(
          eq(checklistItems.incidentId, incidentId),
          isNull(checklistItems.doneAt),
          filter.checks ? inArray(checklistItems.autoCheck, filter.checks) : undefined,
          filter.itemIds ? inArray(checklistItems.id, filter.itemIds) : undefined,
        ),
      )
  ).filter((item) => item.autoCheck !== null);
  if (open.length === 0) return 0;
  const facts = await autoCheckFacts(tx, incidentId);
  let ticked = 0;
  for (const item of open) {
    const reason = autoCheckReason(item.autoCheck!, facts);
    if (!reason) continue;
    await tx.update(checklistItems).set({ doneAt: now, doneByLabel: AUTO_CHECK_ACTOR }).where(eq(checklistItems.id, item.id));
    await writeTimelineEntry(
      tx,
      actor,
      {
        incidentId,
        kind: "checklist",
        body: autoCheckTimelineBody(item.text, reason),
        meta: { field: "checklist", itemId: item.id, from: false, to: true, autoCheck: item.autoCheck },
      },
      now,
    );
    await recordAudit(
      tx,
      actor,
      {
        action: "checklist.check",
        entityType: "incident",
        entityId: incidentId,
        after: { itemId: item.id, text: item.text, done: true, autoCheck: item.autoCheck, reason },
      },
      now,
    );
    ticked++;
  }
  if (ticked > 0) await emitChecklistChanged(tx, actor, incidentId, now);
  return ticked;
}

/**
 * After an incident changed (summary, roles): ticks the items whose condition has just
 * become true. An item someone unticked by hand stays unticked until its condition becomes
 * true anew (e.g. a different commander), and un-assigning never unticks anything.
 */
export async function autoCheckAfterIncidentChange(
  tx: Tx,
  actor: Actor | null,
  incidentId: number,
  before: { summary: string; people: Pick<RolePerson, "role" | "name">[] },
  now = Date.now(),
): Promise<number> {
  const checks = autoChecksBecomingTrue(factsFrom(before.summary, before.people), await autoCheckFacts(tx, incidentId));
  return autoCheckItems(tx, actor, incidentId, { checks }, now);
}
