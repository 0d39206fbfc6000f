import "server-only";
import type { Actor } from "@/lib/actor";
import type { BudgetResult } from "@/lib/error-budget";
import { getDb } from "../../client";
import type { Slo } from "../../schema";
import { budgetsFor, burnDownFor, visibleIncidentTitles } from "../../access/slo-budgets";

export type SpenderTitles = Map<number, { title: string; severity: string; status: string }>;

/** The incidents named in these budgets that the actor may see; the others show as "Private incident". */
export async function spenderTitles({ actor, budgets }: { actor: Actor; budgets: BudgetResult[] }): Promise<SpenderTitles> {
  const ids = [...new Set(budgets.flatMap((b) => b.byIncident.map((i) => i.incidentId)))];
  return await visibleIncidentTitles(getDb(), actor, ids);
}

/** SLOs with their current budgets, and the spending incidents the actor may see. */
export async function sloBudgets({ actor, slos }: { actor: Actor; slos: Slo[] }) {
  const budgets = await budgetsFor(getDb(), slos);
  const withBudgets = slos.map((s) => ({ ...s, budget: budgets.get(s.id)! }));
  return { slos: withBudgets, titles: await spenderTitles({ actor, budgets: withBudgets.map((s) => s.budget) }) };
}

/** Each SLO's budget over its window, day by day (SLOs are readable by everyone signed in). */
export async function sloBurnDowns({ actor, slos }: { actor: Actor; slos: Slo[] }): Promise<Map<number, Awaited<ReturnType<typeof burnDownFor>>>> {
  void actor;
  const db = getDb();
  const burnDowns = new Map<number, Awaited<ReturnType<typeof burnDownFor>>>();
  for (const slo of slos) burnDowns.set(slo.id, await burnDownFor(db, slo));
  return burnDowns;
}
