import "server-only";
import type { Actor } from "@/lib/actor";
import type { BudgetResult } from "@/lib/error-budget";
import { getDb } from "../../client";
import type { Slo } from "../../schema";
import { budgetsFor, burnDownFor, visibleIncidentTitles } from "../../access/slo-budgets";

export type SpenderTitles = Map<number, { title: string; severity: string; status: string }>;

/** The incidents named in these budgets that the actor may see; the others show as "Private incident". */
export function spenderTitles({ actor, budgets }: { actor: Actor; budgets: BudgetResult[] }): SpenderTitles {
  const ids = [...new Set(budgets.flatMap((b) => b.byIncident.map((i) => i.incidentId)))];
  return visibleIncidentTitles(getDb(), actor, ids);
}

/** SLOs with their current budgets, and the spending incidents the actor may see. */
export async function sloBudgets({ actor, slos }: { actor: Actor; slos: Slo[] }) {
  const budgets = await budgetsFor(getDb(), slos);
  const withBudgets = slos.map((s) => ({ ...s, budget: budgets.get(s.id)! }));
  return { slos: withBudgets, titles: spenderTitles({ actor, budgets: withBudgets.map((s) => s.budget) }) };
}

/** Each SLO's budget over its window, day by day (SLOs are readable by everyone signed in). */
export function sloBurnDowns({ actor, slos }: { actor: Actor; slos: Slo[] }): Map<number, Awaited<ReturnType<typeof burnDownFor>>> {
  void actor;
  const db = getDb();
  return new Map(slos.map((slo) => [slo.id, burnDownFor(db, slo)]));
}
