import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { bucketsFor } from "@/lib/insights/buckets";
import { DEADLINE_DAYS_BY_WEEKDAY } from "@/lib/insights/deadline";
import { ratio } from "@/lib/insights/ratio";
import type { InsightsReport, Ratio } from "@/lib/insights/types";
import { incidentServices, postmortems, slos } from "../../../schema";
import { budgetFlaggedIncidents } from "../../postmortems/budget-flags";
import { MAX_WINDOW_DAYS } from "../../../access/slo-budgets";
import { localMs, onCommitDrop, tempTable, type InsightsContext } from "../scope";
import { countWhere } from "../../../dialect-sql";
import { groupStats, statsOf } from "./percentile-sql";
import { row, rows, exec } from "../../../sql";

const DAY = 86_400_000;

/**
 * In-scope incidents below the required severities whose own spend exhausted an SLO budget
 * (they need a postmortem too: the same rule as the postmortem list, judged now, so only
 * impact within the longest SLO window can flag one).
 */
async function budgetFlagged(ctx: InsightsContext): Promise<number[]> {
  const required = ctx.requiredSeverities.length
    ? sql`AND s.severity NOT IN (${sql.join(
        ctx.requiredSeverities.map((v) => sql`${v}`),
        sql`, `,
      )})`
    : sql``;
  const candidates = (
    await rows<{ id: number }>(
      sql`
      SELECT s.id AS id FROM ${tempTable("insight_scope")} s
      WHERE s.drill = 0 AND s.resolved_at IS NOT NULL ${required}
        AND COALESCE(s.mitigated_at, s.resolved_at) >= ${ctx.now - MAX_WINDOW_DAYS * DAY}
        AND EXISTS (SELECT 1 FROM ${incidentServices} l JOIN ${slos} o ON o.service_id = l.service_id WHERE l.incident_id = s.id)`,
      ctx.db,
    )
  ).map((r) => r.id);
  return [...(await budgetFlaggedIncidents(ctx.db, candidates, ctx.now))];
}

/** Per in-scope incident: required?, its postmortem, and its deadline on the organisation's wall clock. */
function followThroughSource(ctx: InsightsContext, flagged: number[]): SQL {
  const bySeverity = ctx.requiredSeverities.length
    ? sql`s.severity IN (${sql.join(
        ctx.requiredSeverities.map((v) => sql`${v}`),
        sql`, `,
      )})`
    : sql`1 = 0`;
  const byBudget = flagged.length
    ? sql`s.id IN (${sql.join(
        flagged.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql`1 = 0`;
  const resolvedLocal = localMs(ctx, sql`s.resolved_at`);
  const weekday = sql`(((${resolvedLocal} / 86400000) + 4) % 7)`;
  const addDays = sql.raw(`${DEADLINE_DAYS_BY_WEEKDAY.map((d, w) => `WHEN ${w} THEN ${d}`).join(" ")} END`);
  return sql`
    SELECT s.period AS period, s.bucket AS bucket, s.resolved_at AS resolved_at, s.resolved_rec AS resolved_rec,
      CASE WHEN s.resolved_at IS NOT NULL AND (${bySeverity} OR ${byBudget}) THEN 1 ELSE 0 END AS required,
      p.status AS status, p.published_at AS published_at,
      ${localMs(ctx, sql`p.published_at`)} AS published_local,
      CASE WHEN s.resolved_at IS NULL THEN NULL ELSE ${resolvedLocal} + (CASE ${weekday} ${addDays}) * ${sql.raw(String(DAY))} END AS deadline_local
    FROM ${tempTable("insight_scope")} s LEFT JOIN ${postmortems} p ON p.incident_id = s.id
    WHERE s.drill = 0`;
}

export type FollowThrough = { figures: InsightsReport["postmortems"]; onTime: { current: Ratio; previous: Ratio } };

/**
 * Postmortem follow-through: required ones (resolved, configured severity or budget
 * exhausted) published by the deadline (5 business days after resolution, organisation's
 * zone), late, or overdue; on time = on time ÷ (on time + late + overdue).
 */
export async function postmortemFigures(ctx: InsightsContext): Promise<FollowThrough> {
  // Written once, read by the four queries below.
  const follow = tempTable("insight_follow");
  await exec(sql`DROP TABLE IF EXISTS ${follow}`, ctx.db);
  await exec(sql`CREATE TEMP TABLE insight_follow${onCommitDrop()} AS ${followThroughSource(ctx, await budgetFlagged(ctx))}`, ctx.db);
  const source = sql`SELECT * FROM ${follow}`;
  const nowLocal = localMs(ctx, sql`CAST(${ctx.now} AS bigint)`);
  const totals = await rows<{ period: number; required: number; published: number; onTime: number; late: number; overdue: number; voluntary: number }>(
    sql`
    WITH r AS (${source})
    SELECT period, COALESCE(SUM(required), 0) AS required,
      ${countWhere(sql`status = 'published'`)} AS published,
      ${countWhere(sql`required = 1 AND status = 'published' AND published_local <= deadline_local`)} AS "onTime",
      ${countWhere(sql`required = 1 AND status = 'published' AND published_local > deadline_local`)} AS late,
      ${countWhere(sql`required = 1 AND COALESCE(status, '') <> 'published' AND ${nowLocal} > deadline_local`)} AS overdue,
      ${countWhere(sql`required = 0 AND status = 'published'`)} AS voluntary
    FROM r GROUP BY period`,
    ctx.db,
  );
  const byBucketRows = await rows<{ bucket: string; required: number; published: number }>(
    sql`
    WITH r AS (${source})
    SELECT bucket, SUM(required) AS required, ${countWhere(sql`required = 1 AND status = 'published'`)} AS published
    FROM r WHERE period = 0 GROUP BY bucket`,
    ctx.db,
  );
  const publishStats = await groupStats(
    ctx,
    sql`SELECT 'ALL' AS grp, published_at - resolved_at AS d, resolved_rec AS r FROM (${source}) AS f
        WHERE period = 0 AND status = 'published' AND resolved_at IS NOT NULL AND published_at IS NOT NULL`,
    ["ALL"],
  );
  const publishedWithoutResolution = (await row<{ n: number }>(
    sql`
    SELECT COUNT(*) AS n FROM (${source}) AS f WHERE period = 0 AND status = 'published' AND (resolved_at IS NULL OR published_at IS NULL)`,
    ctx.db,
  ))!.n;

  const of = (period: number) => totals.find((t) => t.period === period) ?? { required: 0, published: 0, onTime: 0, late: 0, overdue: 0, voluntary: 0 };
  const current = of(0);
  const previous = of(1);
  const onTimeRatio = (t: typeof current) => ratio(t.onTime, t.onTime + t.late + t.overdue);
  return {
    figures: {
      required: current.required,
      published: current.published,
      publishedOnTime: current.onTime,
      publishedLate: current.late,
      overdue: current.overdue,
      voluntary: current.voluntary,
      timeToPublish: statsOf(publishStats, "ALL", publishedWithoutResolution),
      byBucket: bucketsFor(ctx.filters.from, ctx.filters.to, ctx.bucket).map((b) => {
        const row = byBucketRows.find((r) => r.bucket === b.start);
        return { ...b, required: row?.required ?? 0, published: row?.published ?? 0 };
      }),
    },
    onTime: { current: onTimeRatio(current), previous: onTimeRatio(previous) },
  };
}
