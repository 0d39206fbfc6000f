import "server-only";
import { inArray, sql } from "drizzle-orm";
import { REPEAT_WINDOW_DAYS } from "@/lib/insights/repeats";
import type { InsightsReport } from "@/lib/insights/types";
import type { Severity } from "@/lib/severity";
import { incidentReference } from "@/lib/validation/incident";
import { contributingFactors, incidents, services } from "../../schema";
import { scanRepeatCandidates, type Scan } from "./fact-scope";
import type { InsightsContext } from "./scope";
import { rows as rawRows } from "../../sql";

const REPEATS_LISTED = 50;

type Match = { id: number; startedAt: number; prev: number; prevStartedAt: number; serviceId: number; factorId: number };

/**
 * Repeat incidents (lib/insights/repeats.ts is the definition): in-scope incidents with an
 * earlier visible incident, started at most 90 days before, sharing a service and a factor.
 * One sweep in (start, id) order remembers the latest incident per (service, factor); an
 * incident's best match is the latest of those, ties to the higher id, then service and factor.
 */
export async function repeatFigures(ctx: InsightsContext, scan: Scan): Promise<InsightsReport["factors"]["repeats"]> {
  const windowMs = REPEAT_WINDOW_DAYS * 86_400_000;
  const inScope = new Set<number>();
  for (let r = 0; r < scan.n; r++) if (!scan.drill[r] && scan.period[r] === 0) inScope.add(scan.id[r]!);
  const c = await scanRepeatCandidates(ctx);
  const before = (a: number, b: number) => c.startedAt[a]! - c.startedAt[b]! || c.id[a]! - c.id[b]!;
  // The scan reads in start order already; only equal start times may need reordering.
  const order = new Int32Array(c.n);
  for (let k = 0; k < c.n; k++) order[k] = k;
  let sorted = true;
  for (let k = 1; k < c.n && sorted; k++) sorted = before(k - 1, k) < 0;
  if (!sorted) order.sort(before);
  const width = c.factors.ids.reduce((max, id) => Math.max(max, id), 0) + 1;
  // The row of the latest incident per (service, factor), by a numeric key.
  const latest = new Map<number, number>();
  const matches: Match[] = [];
  for (const k of order) {
    const id = c.id[k]!;
    const startedAt = c.startedAt[k]!;
    let best: Match | null = null;
    for (let s = c.services.start[k]!; s < c.services.start[k + 1]!; s++) {
      const serviceId = c.services.ids[s]!;
      for (let f = c.factors.start[k]!; f < c.factors.start[k + 1]!; f++) {
        const factorId = c.factors.ids[f]!;
        const key = serviceId * width + factorId;
        const prevRow = latest.get(key);
        latest.set(key, k);
        if (prevRow === undefined || !inScope.has(id)) continue;
        const prev = { id: c.id[prevRow]!, startedAt: c.startedAt[prevRow]! };
        if (prev.startedAt < startedAt - windowMs) continue;
        const better =
          !best ||
          prev.startedAt > best.prevStartedAt ||
          (prev.startedAt === best.prevStartedAt &&
            (prev.id > best.prev || (prev.id === best.prev && (serviceId < best.serviceId || (serviceId === best.serviceId && factorId < best.factorId)))));
        if (better) best = { id, startedAt, prev: prev.id, prevStartedAt: prev.startedAt, serviceId, factorId };
      }
    }
    if (best) matches.push(best);
  }
  matches.sort((a, b) => b.startedAt - a.startedAt || b.id - a.id);
  const listed = matches.slice(0, REPEATS_LISTED);
  const ids = [...new Set(listed.flatMap((m) => [m.id, m.prev]))];
  const rows = ids.length
    ? await ctx.db.select({ id: incidents.id, title: incidents.title, severity: incidents.severity }).from(incidents).where(inArray(incidents.id, ids))
    : [];
  const incident = new Map(rows.map((r) => [r.id, r]));
  const service = new Map(
    (await rawRows<{ id: number; slug: string; name: string }>(sql`SELECT id, slug, name FROM ${services}`, ctx.db)).map((s) => [s.id, s]),
  );
  const factor = new Map((await rawRows<{ id: number; name: string }>(sql`SELECT id, name FROM ${contributingFactors}`, ctx.db)).map((f) => [f.id, f.name]));
  return {
    total: matches.length,
    items: listed.map((m) => ({
      reference: incidentReference(m.id),
      title: incident.get(m.id)!.title,
      severity: incident.get(m.id)!.severity as Severity,
      startedAt: new Date(m.startedAt).toISOString(),
      service: { slug: service.get(m.serviceId)!.slug, name: service.get(m.serviceId)!.name },
      factor: factor.get(m.factorId)!,
      previous: { reference: incidentReference(m.prev), title: incident.get(m.prev)!.title, startedAt: new Date(m.prevStartedAt).toISOString() },
    })),
  };
}
