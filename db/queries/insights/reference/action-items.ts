import "server-only";
import { sql } from "drizzle-orm";
import { bucketsFor } from "@/lib/insights/buckets";
import { ratio } from "@/lib/insights/ratio";
import type { InsightsReport, Ratio } from "@/lib/insights/types";
import { todayIn, ORGANISATION_TIME_ZONE } from "@/lib/action-items";
import { actionItems, incidents, teamMembers, teams } from "../../../schema";
import { bucketOf, incidentConditions, where, type InsightsContext } from "../scope";
import { countWhere, isFalse, utcDateOfMs } from "../../../dialect-sql";
import { rows, row } from "../../../sql";

export type ActionItemFigures = { figures: InsightsReport["actionItems"]; onTime: { current: Ratio; previous: Ratio } };

/**
 * Action items of incidents matching the filters other than the dates (drills excluded):
 * follow-through is judged on the items that fell due in a period, whenever their incident
 * began. Due days end at midnight UTC (lib/action-items.ts ORGANISATION_TIME_ZONE), as on
 * the action items page.
 */
export async function actionItemFigures(ctx: InsightsContext, previousFrom: string, _previousTo: string): Promise<ActionItemFigures> {
  const today = todayIn(ORGANISATION_TIME_ZONE, ctx.now);
  const base = sql`FROM ${actionItems} a JOIN ${incidents} ON ${incidents.id} = a.incident_id
    WHERE ${isFalse(incidents.drill)}${where(incidentConditions(ctx))}`;
  // Done on time: done, finished on or before its due day. Counted: done, or unfinished and past due (won't do is left out).
  const onTimeRows = await rows<{ period: number; onTime: number; counted: number }>(
    sql`
    SELECT CASE WHEN a.due_date >= ${ctx.filters.from} THEN 0 ELSE 1 END AS period,
      ${countWhere(sql`a.status = 'done' AND a.completed_at IS NOT NULL AND ${utcDateOfMs(sql`a.completed_at`)} <= a.due_date`)} AS "onTime",
      ${countWhere(sql`a.status = 'done' OR (a.status IN ('open', 'in_progress') AND a.due_date < ${today})`)} AS counted
    ${base} AND a.due_date >= ${previousFrom} AND a.due_date <= ${ctx.filters.to}
    GROUP BY 1`,
    ctx.db,
  );
  const ratioOf = (period: number) => {
    const row = onTimeRows.find((r) => r.period === period);
    return ratio(row?.onTime ?? 0, row?.counted ?? 0);
  };
  const overdueNow = (await row<{ n: number }>(sql`SELECT COUNT(*) AS n ${base} AND a.status IN ('open', 'in_progress') AND a.due_date < ${today}`, ctx.db))!.n;

  const opened = await rows<{ bucket: string; n: number }>(
    sql`
    SELECT ${bucketOf(ctx, sql`a.created_at`)} AS bucket, COUNT(*) AS n ${base}
      AND a.created_at >= ${ctx.currentStart} AND a.created_at < ${ctx.currentEnd} GROUP BY 1`,
    ctx.db,
  );
  const closed = await rows<{ bucket: string; n: number }>(
    sql`
    SELECT ${bucketOf(ctx, sql`a.completed_at`)} AS bucket, COUNT(*) AS n ${base}
      AND a.status IN ('done', 'wont_do') AND a.completed_at >= ${ctx.currentStart} AND a.completed_at < ${ctx.currentEnd} GROUP BY 1`,
    ctx.db,
  );
  const before = (await row<{ opened: number; closed: number }>(
    sql`
    SELECT ${countWhere(sql`a.created_at < ${ctx.currentStart}`)} AS opened,
      ${countWhere(sql`a.status IN ('done', 'wont_do') AND a.completed_at < ${ctx.currentStart}`)} AS closed ${base}`,
    ctx.db,
  ))!;
  let backlog = before.opened - before.closed;
  const byBucket = bucketsFor(ctx.filters.from, ctx.filters.to, ctx.bucket).map((b) => {
    const o = opened.find((r) => r.bucket === b.start)?.n ?? 0;
    const c = closed.find((r) => r.bucket === b.start)?.n ?? 0;
    backlog += o - c;
    return { ...b, opened: o, closed: c, backlog };
  });

  const overdueByTeam = await rows<{ team: string; overdue: number; open: number }>(
    sql`
    SELECT COALESCE(t.name, 'No team') AS team, ${countWhere(sql`a.due_date < ${today}`)} AS overdue, COUNT(*) AS "open"
    FROM ${actionItems} a JOIN ${incidents} ON ${incidents.id} = a.incident_id
    LEFT JOIN ${teamMembers} m ON m.user_id = a.owner_id LEFT JOIN ${teams} t ON t.id = m.team_id
    WHERE ${isFalse(incidents.drill)} AND a.status IN ('open', 'in_progress')${where(incidentConditions(ctx))}
    GROUP BY t.id, t.name ORDER BY overdue DESC, "open" DESC, team`,
    ctx.db,
  );

  const current = ratioOf(0);
  return {
    figures: { onTime: current, overdueNow, byBucket, overdueByTeam },
    onTime: { current, previous: ratioOf(1) },
  };
}
