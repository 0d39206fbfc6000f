import "server-only";
import { sql } from "drizzle-orm";
import type { BudgetStatusName, InsightsReport } from "@/lib/insights/types";
import { budgetsFor, slosOfServices } from "../../../access/slo-budgets";
import { incidentServices, services, teams } from "../../../schema";
import { tempTable, type InsightsContext } from "../scope";
import { rows as rawRows, row } from "../../../sql";

const TOP = 15;
const RANK: Record<BudgetStatusName, number> = { healthy: 0, at_risk: 1, exhausted: 2 };

/** Minutes of impact per incident: start to mitigation, else resolution, else now (DESIGN.md error budgets). */
const impactEndRec = "(CASE WHEN s.mitigated_at IS NOT NULL THEN s.mitigated_rec WHEN s.resolved_at IS NOT NULL THEN s.resolved_rec ELSE 0 END)";

export async function serviceFigures(ctx: InsightsContext): Promise<InsightsReport["services"]> {
  const coverage = (await row<{ n: number; linked: number; rec: number }>(
    sql`
    SELECT COUNT(*) AS n, COALESCE(SUM(linked), 0) AS linked, COALESCE(SUM(linked * rec), 0) AS rec FROM (
      SELECT CASE WHEN EXISTS (SELECT 1 FROM ${incidentServices} WHERE ${incidentServices.incidentId} = s.id) THEN 1 ELSE 0 END AS linked,
             CASE WHEN s.started_rec = 1 OR ${sql.raw(impactEndRec)} = 1 THEN 1 ELSE 0 END AS rec
      FROM ${tempTable("insight_scope")} s WHERE s.period = 0 AND s.drill = 0) AS c`,
    ctx.db,
  ))!;
  const rows = await rawRows<{ id: number; slug: string; name: string; team: string | null; n: number; impactMs: number }>(
    sql`
    SELECT v.id AS id, v.slug AS slug, v.name AS name, t.name AS team, COUNT(*) AS n,
           SUM(COALESCE(s.mitigated_at, s.resolved_at, ${ctx.now}) - s.started_at) AS "impactMs"
    FROM ${tempTable("insight_scope")} s
    JOIN ${incidentServices} l ON l.incident_id = s.id
    JOIN ${services} v ON v.id = l.service_id
    LEFT JOIN ${teams} t ON t.id = v.team_id
    WHERE s.period = 0 AND s.drill = 0
    GROUP BY v.id, t.name ORDER BY n DESC, "impactMs" DESC, v.name, v.id LIMIT ${TOP}`,
    ctx.db,
  );
  const sloRows = await slosOfServices(
    ctx.db,
    rows.map((r) => r.id),
  );
  const budgets = await budgetsFor(ctx.db, sloRows, ctx.now);
  return {
    coverage: { incidents: coverage.linked, missing: coverage.n - coverage.linked, reconstructed: coverage.rec },
    rows: rows.map((r) => {
      const slos = sloRows
        .filter((s) => s.serviceId === r.id)
        .map((s) => {
          const b = budgets.get(s.id)!;
          return { name: s.name, objective: s.objective, remainingPercent: Math.round(b.remainingPercent * 10) / 10, status: b.status };
        });
      const worst = slos.reduce<BudgetStatusName | null>((w, s) => (w === null || RANK[s.status] > RANK[w] ? s.status : w), null);
      return { slug: r.slug, name: r.name, team: r.team, incidents: r.n, impactMinutes: Math.round(r.impactMs / 60_000), budgetStatus: worst, slos };
    }),
  };
}
