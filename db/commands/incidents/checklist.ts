import "server-only";
import { and, asc, eq, notExists, sql } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { actorLabel } from "@/lib/actor";
import { notFound, validationFailed } from "@/lib/errors";
import { requirePermission } from "@/lib/policy";
import type { Severity } from "@/lib/severity";
import { playbookMatches } from "@/lib/playbook-match";
import { checklistItems, incidentPlaybooks, incidentServices, playbookItems, playbooks, type ChecklistItem } from "../../schema";
import type { Tx } from "../../types";
import { recordAudit } from "../../access/audit";
import { writeTimelineEntry } from "../../access/timeline";
import { acknowledgeIfNeeded, findVisibleIncident } from "../../access/incidents";
import { parseSeverities, serviceIdsByPlaybook } from "../../access/playbooks";
import { autoCheckItems } from "./checklist-auto";
import { emitChecklistChanged } from "../events/emit";
import { transaction } from "../../transaction";

/**
 * Copies the items of every enabled playbook that matches the incident and was not
 * applied to it before into its checklist: each playbook once, in its order, after the
 * items already there; one "checklist" timeline entry per playbook applied.
 *
 * `serviceIds` are services being linked now; the services already linked to the incident
 * count too, so callers may pass only the new ones. Synchronous: call it inside the
 * transaction of the declaration or the link. Returns how many checklist items were added.
 */
export async function applyMatchingPlaybooks(
  tx: Tx,
  actor: Actor | null,
  incident: { id: number; severity: Severity },
  serviceIds: number[],
  now = Date.now(),
): Promise<number> {
  const linked = await tx.select({ serviceId: incidentServices.serviceId }).from(incidentServices).where(eq(incidentServices.incidentId, incident.id));
  const allServiceIds = [...new Set([...serviceIds, ...linked.map((l) => l.serviceId)])];
  const candidates = await tx
    .select()
    .from(playbooks)
    .where(
      and(
        eq(playbooks.enabled, true),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(incidentPlaybooks)
            .where(and(eq(incidentPlaybooks.incidentId, incident.id), eq(incidentPlaybooks.playbookId, playbooks.id))),
        ),
      ),
    )
    .orderBy(asc(playbooks.id));
  if (candidates.length === 0) return 0;
  const servicesOf = await serviceIdsByPlaybook(
    tx,
    candidates.map((p) => p.id),
  );
  const matching = candidates.filter((p) =>
    playbookMatches(
      { severities: parseSeverities(p.severities), serviceIds: servicesOf.get(p.id) ?? [], enabled: p.enabled },
      { severity: incident.severity, serviceIds: allServiceIds },
    ),
  );
  if (matching.length === 0) return 0;

  let position =
    (
      await tx
        .select({ max: sql<number | null>`max(${checklistItems.position})` })
        .from(checklistItems)
        .where(eq(checklistItems.incidentId, incident.id))
    )[0]?.max ?? 0;
  let added = 0;
  const newItemIds: number[] = [];
  for (const playbook of matching) {
    // The primary key (incident, playbook) is the once-only guard, also against a concurrent apply.
    const claimed = (
      await tx
        .insert(incidentPlaybooks)
        .values({ incidentId: incident.id, playbookId: playbook.id, appliedAt: now })
        .onConflictDoNothing()
        .returning({ playbookId: incidentPlaybooks.playbookId })
    )[0];
    if (!claimed) continue;
    const items = await tx
      .select()
      .from(playbookItems)
      .where(eq(playbookItems.playbookId, playbook.id))
      .orderBy(asc(playbookItems.position), asc(playbookItems.id));
    if (items.length === 0) continue;
    const inserted = await tx
      .insert(checklistItems)
      .values(
        items.map((item) => ({
          incidentId: incident.id,
          playbookId: playbook.id,
          playbookName: playbook.name,
          position: ++position,
          text: item.text,
          link: item.link,
          autoCheck: item.autoCheck,
          createdAt: now,
        })),
      )
      .returning({ id: checklistItems.id });
    newItemIds.push(...inserted.map((r) => r.id));
    added += items.length;
    await writeTimelineEntry(
      tx,
      actor,
      {
        incidentId: incident.id,
        kind: "checklist",
        body: `Playbook “${playbook.name}” added ${items.length} checklist item${items.length === 1 ? "" : "s"}`,
        meta: { field: "checklist", playbookId: playbook.id, items: items.length },
      },
      now,
    );
  }
  // Items whose condition already holds (the declarer is commander, a summary was given) are done at once.
  const ticked = await autoCheckItems(tx, actor, incident.id, { itemIds: newItemIds }, now);
  // autoCheckItems announced the checklist when it ticked something.
  if (added > 0 && ticked === 0) await emitChecklistChanged(tx, actor, incident.id, now);
  return added;
}

/**
 * Checks or unchecks an item (responders), recording who and when on the timeline and in
 * the audit log. Setting the state it already has changes nothing and writes nothing.
 * With `incidentId`, the item must belong to that incident (404 otherwise).
 */
export async function setChecklistItemDone({
  actor,
  itemId,
  done,
  incidentId,
}: {
  actor: Actor;
  itemId: number;
  done: boolean;
  incidentId?: number;
}): Promise<ChecklistItem> {
  if (typeof done !== "boolean") throw validationFailed({ done: "Must be true or false" });
  const now = Date.now();
  return await transaction(async (tx) => {
    const item = Number.isSafeInteger(itemId) ? (await tx.select().from(checklistItems).where(eq(checklistItems.id, itemId)))[0] : undefined;
    if (!item || (incidentId !== undefined && item.incidentId !== incidentId)) throw notFound("Checklist item");
    // An item of an incident the actor may not see does not exist for them.
    const incident = await findVisibleIncident(tx, actor, item.incidentId);
    if (!incident) throw notFound("Checklist item");
    requirePermission(actor, "incident", "check-checklist");
    if ((item.doneAt !== null) === done) return item;
    const updated = (
      await tx
        .update(checklistItems)
        .set(done ? { doneAt: now, doneByLabel: actorLabel(actor) } : { doneAt: null, doneByLabel: null })
        .where(eq(checklistItems.id, item.id))
        .returning()
    )[0]!;
    await emitChecklistChanged(tx, actor, item.incidentId, now);
    await writeTimelineEntry(
      tx,
      actor,
      {
        incidentId: item.incidentId,
        kind: "checklist",
        body: done ? `✓ Checked: ${item.text}` : `Unchecked: ${item.text}`,
        meta: { field: "checklist", itemId: item.id, from: !done, to: done },
      },
      now,
    );
    await acknowledgeIfNeeded(tx, actor, incident, now);
    await recordAudit(
      tx,
      actor,
      {
        action: done ? "checklist.check" : "checklist.uncheck",
        entityType: "incident",
        entityId: item.incidentId,
        after: { itemId: item.id, text: item.text, done },
      },
      now,
    );
    return updated;
  });
}
