import type { Slo } from "@/db/queries/catalogue/slos";
import type { Actor } from "@/lib/actor";
import { sloBudgets, spenderTitles } from "@/db/queries/catalogue/budgets";
import type { ServiceDetail } from "@/db/queries/catalogue/services";
import { toServiceDetailJson, toSloJson } from "@/server/api/json/service";

export type ServiceParams = { params: Promise<{ slug: string }> };

/** A service with its SLOs and budgets, as the API shows it to this actor. */
export async function serviceDetailJson(actor: Actor, service: ServiceDetail) {
  return toServiceDetailJson(service, await spenderTitles({ actor, budgets: service.slos.map((s) => s.budget) }));
}

/** SLOs with their current budgets, as the API shows them to this actor. */
export async function slosJson(actor: Actor, slos: Slo[]) {
  const { slos: withBudgets, titles } = await sloBudgets({ actor, slos });
  return withBudgets.map((s) => toSloJson(s, titles));
}
