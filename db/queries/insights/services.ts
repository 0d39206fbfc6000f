import "server-only";
import { sql } from "drizzle-orm";
import type { BudgetStatusName, InsightsReport } from "@/lib/insights/types";
import { budgetsFor, slosOfServices } from "../../access/slo-budgets";
import { RECONSTRUCTED_BITS } from "../../access/incident-facts";
import { services, teams } from "../../schema";
import type { Scan } from "./fact-scope";
import type { InsightsContext } from "./scope";
import { rows as rawRows } from "../../sql";

const TOP = 15;
const RANK: Record<BudgetStatusName, number> = { healthy: 0, at_risk: 1, exhausted: 2 };

/** SQLite's default (binary) order of text: by UTF-8 bytes. */
export function binaryCompare(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** Services hit by in-scope incidents: incidents and minutes of impact (start to mitigation, else resolution, else now). */
export async function serviceFigures(ctx: InsightsContext, scan: Scan): Promise<InsightsReport["services"]> {
  const hits = new Map<number, { n: number; impactMs: number }>();
  let n = 0;
  let linked = 0;
  let rec = 0;
  for (let r = 0; r < scan.n; r++) {
    if (scan.drill[r] || scan.period[r] !== 0) continue;
    n++;
    const { start, ids } = scan.services;
    if (start[r] === start[r + 1]) continue;
    linked++;
    if (scan.rec[r]! & RECONSTRUCTED_BITS.impact) rec++;
    const end = scan.impactEnd[r]!;
    const impactMs = (Number.isNaN(end) ? ctx.now : end) - scan.startedAt[r]!;
    for (let k = start[r]!; k < start[r + 1]!; k++) {
      const hit = hits.get(ids[k]!) ?? { n: 0, impactMs: 0 };
      hit.n++;
      hit.impactMs += impactMs;
      hits.set(ids[k]!, hit);
    }
  }
  const catalogue = new Map(
    (
      await rawRows<{ id: number; slug: string; name: string; team: string | null }>(
        sql`SELECT v.id AS id, v.slug AS slug, v.name AS name, t.name AS team FROM ${services} v LEFT JOIN ${teams} t ON t.id = v.team_id`,
        ctx.db,
      )
    ).map((s) => [s.id, s]),
  );
  const rows = [...hits]
    .flatMap(([id, hit]) => {
      const service = catalogue.get(id);
      return service ? [{ ...service, ...hit }] : [];
    })
    .sort((a, b) => b.n - a.n || b.impactMs - a.impactMs || binaryCompare(a.name, b.name) || a.id - b.id)
    .slice(0, TOP);
  const sloRows = await slosOfServices(
    ctx.db,
    rows.map((r) => r.id),
  );
  const budgets = await budgetsFor(ctx.db, sloRows, ctx.now);
  return {
    coverage: { incidents: linked, missing: n - linked, reconstructed: rec },
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
