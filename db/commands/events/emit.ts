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

const incidentRow = async (tx: Tx, incidentId: number): Promise<Incident> => (await tx.select().from(incidents).where(eq(incidents.id, incidentId)))[0]!;

export async function emitRolesChanged(tx: Tx, actor: Actor | null, incidentId: number, now: number) {
  await appendEvent(tx, actor, { incidentId, type: "roles.changed", payload: { people: (await rolesOf(tx, [incidentId])).get(incidentId) ?? [] } }, now);
}

export async function emitChecklistChanged(tx: Tx, actor: Actor | null, incidentId: number, now: number) {
  await appendEvent(tx, actor, { incidentId, type: "checklist.changed", payload: { items: await checklistOf(tx, incidentId) } }, now);
}

export async function emitServicesChanged(tx: Tx, actor: Actor | null, incidentId: number, now: number) {
  const payload = { linked: await linkedServices(tx, incidentId), sloSpend: await sloSpendOf(tx, await incidentRow(tx, incidentId), now) };
  await appendEvent(tx, actor, { incidentId, type: "services.changed", payload }, now);
}

export async function emitSloSpendChanged(tx: Tx, actor: Actor | null, incidentId: number, now: number) {
  await appendEvent(
    tx,
    actor,
    { incidentId, type: "slo_spend.changed", payload: { sloSpend: await sloSpendOf(tx, await incidentRow(tx, incidentId), now) } },
    now,
  );
}

export async function emitPostmortemChanged(tx: Tx, actor: Actor | null, incidentId: number, now: number) {
  const postmortem = await postmortemStateOf(tx, await incidentRow(tx, incidentId), now);
  if (postmortem) await appendEvent(tx, actor, { incidentId, type: "postmortem.changed", payload: { postmortem } }, now);
}

export async function emitActionItemsChanged(tx: Tx, actor: Actor | null, incidentId: number, now: number) {
  await appendEvent(tx, actor, { incidentId, type: "action_items.changed", payload: await actionItemsOf(tx, incidentId) }, now);
}
