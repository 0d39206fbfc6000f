import { getDb } from "@/db/client";
import type { Slo } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import type { BudgetResult } from "@/lib/error-budget";
import { budgetsFor, visibleIncidentTitles } from "@/db/access/slo-budgets";
import type { ServiceDetail } from "@/db/queries/services";
import { toServiceDetailJson, toSloJson } from "@/server/api/json/service";

export type ServiceParams = { params: Promise<{ slug: string }> };

/** The incidents named in these budgets that the actor may see (others appear without reference). */
function visibleIn(actor: Actor, budgets: BudgetResult[]) {
  const ids = [...new Set(budgets.flatMap((b) => b.byIncident.map((i) => i.incidentId)))];
  return visibleIncidentTitles(getDb(), actor, ids);
}

/** A service with its SLOs and budgets, as the API shows it to this actor. */
export function serviceDetailJson(actor: Actor, service: ServiceDetail) {
  return toServiceDetailJson(service, visibleIn(actor, service.slos.map((s) => s.budget)));
}

/** SLOs with their current budgets, as the API shows them to this actor. */
export function slosJson(actor: Actor, slos: Slo[]) {
  const budgets = budgetsFor(getDb(), slos);
  const withBudgets = slos.map((s) => ({ ...s, budget: budgets.get(s.id)! }));
  const visible = visibleIn(actor, withBudgets.map((s) => s.budget));
  return withBudgets.map((s) => toSloJson(s, visible));
}
