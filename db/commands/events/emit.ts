import "server-only";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { incidents, type Incident } from "../../schema";
import type { Tx } from "../../types";
import { appendEvent } from "../../access/events";
import { rolesOf } from "../../access/incidents";
import { linkedServices } from "../../access/linked-services";
import { checklistOf } from "../../queries/incidents/checklist";
import { sloSpendOf } from "../../queries/incidents/slo-spend";
import { actionItemsOf } from "../../queries/action-items/read";
import { postmortemStateOf } from "../../queries/events/state";

// Each emitter appends one event whose payload is the new state read inside the caller's
// transaction (so it matches what commits), for no particular reader. Call after the change.

const incidentRow = (tx: Tx, incidentId: number): Incident => tx.select().from(incidents).where(eq(incidents.id, incidentId)).get()!;

export function emitRolesChanged(tx: Tx, actor: Actor | null, incidentId: number, now: number) {
  appendEvent(tx, actor, { incidentId, type: "roles.changed", payload: { people: rolesOf(tx, [incidentId]).get(incidentId) ?? [] } }, now);
}

export function emitChecklistChanged(tx: Tx, actor: Actor | null, incidentId: number, now: number) {
  appendEvent(tx, actor, { incidentId, type: "checklist.changed", payload: { items: checklistOf(tx, incidentId) } }, now);
}

export function emitServicesChanged(tx: Tx, actor: Actor | null, incidentId: number, now: number) {
  const payload = { linked: linkedServices(tx, incidentId), sloSpend: sloSpendOf(tx, incidentRow(tx, incidentId), now) };
  appendEvent(tx, actor, { incidentId, type: "services.changed", payload }, now);
}

export function emitSloSpendChanged(tx: Tx, actor: Actor | null, incidentId: number, now: number) {
  appendEvent(tx, actor, { incidentId, type: "slo_spend.changed", payload: { sloSpend: sloSpendOf(tx, incidentRow(tx, incidentId), now) } }, now);
}

export function emitPostmortemChanged(tx: Tx, actor: Actor | null, incidentId: number, now: number) {
  const postmortem = postmortemStateOf(tx, incidentRow(tx, incidentId), now);
  if (postmortem) appendEvent(tx, actor, { incidentId, type: "postmortem.changed", payload: { postmortem } }, now);
}

export function emitActionItemsChanged(tx: Tx, actor: Actor | null, incidentId: number, now: number) {
  appendEvent(tx, actor, { incidentId, type: "action_items.changed", payload: actionItemsOf(tx, incidentId) }, now);
}
