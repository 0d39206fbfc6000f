import "server-only";
import { sql } from "drizzle-orm";
import { SEVERITIES } from "@/lib/severity";
import { bucketsFor } from "@/lib/insights/buckets";
import { ratio } from "@/lib/insights/ratio";
import type { InsightsReport, Ratio } from "@/lib/insights/types";
import { slos } from "../../schema";
import { RECONSTRUCTED_BITS } from "../../access/incident-facts";
import { MAX_WINDOW_DAYS } from "../../access/slo-budgets";
import { budgetFlaggedLinks, type IncidentLink } from "../postmortems/budget-flags";
import { PM_STATUS, type Scan } from "./fact-scope";
import { deadlineOf } from "./local-clock";
import type { InsightsContext } from "./scope";
import { DurationGroup } from "./stats";
import { rows } from "../../sql";

const DAY = 86_400_000;

/**
 * In-scope incidents below the required severities whose own spend exhausted an SLO budget
 * (they need a postmortem too: the same rule as the postmortem list, judged now, so only
 * impact within the longest SLO window can flag one).
 */
async function budgetFlagged(ctx: InsightsContext, scan: Scan): Promise<Set<number>> {
  const required = new Set(ctx.requiredSeverities.map((s) => SEVERITIES.indexOf(s)));
  const withSlo = new Set((await rows<{ id: number }>(sql`SELECT DISTINCT ${slos.serviceId} AS id FROM ${slos}`, ctx.db)).map((r) => r.id));
  const since = ctx.now - MAX_WINDOW_DAYS * DAY;
  // The candidates' service links, from the scan (the facts hold them) rather than a query naming thousands of ids.
  const links: IncidentLink[] = [];
  const { start, ids } = scan.services;
  for (let r = 0; r < scan.n; r++) {
    if (scan.drill[r] || Number.isNaN(scan.resolvedAt[r]!) || required.has(scan.sev[r]!) || !(scan.impactEnd[r]! >= since)) continue;
    let withAnySlo = false;
    for (let k = start[r]!; k < start[r + 1]! && !withAnySlo; k++) withAnySlo = withSlo.has(ids[k]!);
    if (!withAnySlo) continue;
    for (let k = start[r]!; k < start[r + 1]!; k++) links.push({ incidentId: scan.id[r]!, serviceId: ids[k]! });
  }
  return budgetFlaggedLinks(ctx.db, links, ctx.now);
}

export type FollowThrough = { figures: InsightsReport["postmortems"]; onTime: { current: Ratio; previous: Ratio } };

/**
 * Postmortem follow-through: required ones (resolved, configured severity or budget
 * exhausted) published by the deadline (5 business days after resolution, organisation's
 * zone), late, or overdue; on time = on time ÷ (on time + late + overdue).
 */
export async function postmortemFigures(ctx: InsightsContext, scan: Scan): Promise<FollowThrough> {
  const flagged = await budgetFlagged(ctx, scan);
  const requiredSeverity = new Set(ctx.requiredSeverities.map((s) => SEVERITIES.indexOf(s)));
  const totals = [0, 1].map(() => ({ required: 0, published: 0, onTime: 0, late: 0, overdue: 0, voluntary: 0 }));
  const byBucket = Array.from({ length: scan.buckets }, () => ({ required: 0, published: 0 }));
  const publish = new DurationGroup();
  const nowLocal = scan.local(ctx.now);
  for (let r = 0; r < scan.n; r++) {
    if (scan.drill[r]) continue;
    const t = totals[scan.period[r]!]!;
    const resolvedAt = scan.resolvedAt[r]!;
    const resolved = !Number.isNaN(resolvedAt);
    const required = resolved && (requiredSeverity.has(scan.sev[r]!) || flagged.has(scan.id[r]!));
    const published = scan.pmStatus[r] === PM_STATUS.published;
    const publishedAt = scan.publishedAt[r]!;
    if (published) t.published++;
    if (required) {
      t.required++;
      const deadline = deadlineOf(scan.local(resolvedAt));
      if (published && !Number.isNaN(publishedAt)) {
        if (scan.local(publishedAt) <= deadline) t.onTime++;
        else t.late++;
      } else if (!published && nowLocal > deadline) t.overdue++;
    } else if (published) t.voluntary++;
    if (scan.period[r] !== 0) continue;
    const bucket = scan.bucket[r]!;
    if (bucket >= 0 && required) {
      byBucket[bucket]!.required++;
      if (published) byBucket[bucket]!.published++;
    }
    if (published) {
      if (!resolved || Number.isNaN(publishedAt)) publish.missing++;
      else publish.add(publishedAt - resolvedAt, (scan.rec[r]! & RECONSTRUCTED_BITS.resolved) !== 0);
    }
  }
  const [current, previous] = totals as [(typeof totals)[0], (typeof totals)[0]];
  const onTimeRatio = (t: typeof current) => ratio(t.onTime, t.onTime + t.late + t.overdue);
  return {
    figures: {
      required: current.required,
      published: current.published,
      publishedOnTime: current.onTime,
      publishedLate: current.late,
      overdue: current.overdue,
      voluntary: current.voluntary,
      timeToPublish: publish.stats(),
      byBucket: bucketsFor(ctx.filters.from, ctx.filters.to, ctx.bucket).map((b, k) => ({ ...b, ...byBucket[k]! })),
    },
    onTime: { current: onTimeRatio(current), previous: onTimeRatio(previous) },
  };
}
