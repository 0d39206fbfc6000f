import "server-only";
import { sql } from "drizzle-orm";
import { bucketsFor } from "@/lib/insights/buckets";
import type { InsightsReport } from "@/lib/insights/types";
import { contributingFactors } from "../../schema";
import type { Scan } from "./fact-scope";
import { repeatFigures } from "./repeats";
import type { InsightsContext } from "./scope";
import { rows } from "../../sql";

/** Factors tagged on the postmortems (any status) of in-scope incidents, ranked, with their trend. */
export async function factorFigures(ctx: InsightsContext, scan: Scan): Promise<InsightsReport["factors"]> {
  const counts = new Map<number, { incidents: number; previousIncidents: number; trend: number[] }>();
  let n = 0;
  let tagged = 0;
  for (let r = 0; r < scan.n; r++) {
    if (scan.drill[r]) continue;
    const current = scan.period[r] === 0;
    const { start, ids } = scan.factors;
    if (current) {
      n++;
      if (start[r] !== start[r + 1]) tagged++;
    }
    for (let k = start[r]!; k < start[r + 1]!; k++) {
      const id = ids[k]!;
      const entry = counts.get(id) ?? { incidents: 0, previousIncidents: 0, trend: new Array<number>(scan.buckets).fill(0) };
      if (current) {
        entry.incidents++;
        if (scan.bucket[r]! >= 0) entry.trend[scan.bucket[r]!]!++;
      } else entry.previousIncidents++;
      counts.set(id, entry);
    }
  }
  const names = new Map((await rows<{ id: number; name: string }>(sql`SELECT id, name FROM ${contributingFactors}`, ctx.db)).map((f) => [f.id, f.name]));
  const buckets = bucketsFor(ctx.filters.from, ctx.filters.to, ctx.bucket);
  const ranked = [...counts]
    .flatMap(([id, c]) => (names.has(id) ? [{ id, name: names.get(id)!, ...c }] : []))
    .sort((a, b) => b.incidents - a.incidents || b.previousIncidents - a.previousIncidents || a.name.localeCompare(b.name) || a.id - b.id)
    .map(({ id, name, incidents, previousIncidents, trend }) => ({
      id,
      name,
      incidents,
      previousIncidents,
      trend: buckets.map((b, k) => ({ ...b, incidents: trend[k]! })),
    }));
  return {
    coverage: { incidents: tagged, missing: n - tagged, reconstructed: 0 },
    ranked,
    repeats: await repeatFigures(ctx, scan),
  };
}
