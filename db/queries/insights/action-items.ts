import "server-only";
import { sql } from "drizzle-orm";
import { bucketsFor } from "@/lib/insights/buckets";
import { ratio } from "@/lib/insights/ratio";
import type { InsightsReport, Ratio } from "@/lib/insights/types";
import { todayIn, ORGANISATION_TIME_ZONE } from "@/lib/action-items";
import { actionItems, incidentFacts, teamMembers, teams } from "../../schema";
import { collect } from "./collect";
import { andAll, factConditions } from "./fact-scope";
import { bucketIndexer, localClock } from "./local-clock";
import type { InsightsContext } from "./scope";
import { binaryCompare } from "./services";
import { rows as rawRows } from "../../sql";

const DAY = 86_400_000;
const STATUS = { open: 0, in_progress: 1, done: 2, wont_do: 3 } as const;

export type ActionItemFigures = { figures: InsightsReport["actionItems"]; onTime: { current: Ratio; previous: Ratio } };

/**
 * Action items of incidents matching the filters other than the dates (drills excluded):
 * follow-through is judged on the items that fell due in a period, whenever their incident
 * began. Due days end at midnight UTC (lib/action-items.ts ORGANISATION_TIME_ZONE), as on
 * the action items page. One read of the items, then one pass.
 */
export async function actionItemFigures(ctx: InsightsContext, previousFrom: string): Promise<ActionItemFigures> {
  const today = todayIn(ORGANISATION_TIME_ZONE, ctx.now);
  const status = sql.raw(
    `CASE a.status ${Object.entries(STATUS)
      .map(([s, k]) => `WHEN '${s}' THEN ${k}`)
      .join(" ")} END`,
  );
  const c = await collect(
    ctx.db,
    [status, sql`a.created_at`, sql`a.completed_at`, sql`a.owner_id`],
    [sql`a.due_date`],
    sql`FROM ${actionItems} a JOIN ${incidentFacts} f ON f.incident_id = a.incident_id WHERE f.drill = 0${andAll(factConditions(ctx))}`,
  );
  const [st, created, completed, owner] = c.numbers as [Float64Array, Float64Array, Float64Array, Float64Array];
  const due = c.texts[0]!.split(";");
  const local = localClock(ctx.offsets);
  const buckets = bucketIndexer(ctx.filters.from, ctx.filters.to, ctx.bucket);
  const flow = Array.from({ length: buckets.count }, () => ({ opened: 0, closed: 0 }));
  const onTime = [0, 1].map(() => ({ onTime: 0, counted: 0 }));
  const dueDay = new Map<string, number>();
  const openByOwner = new Map<number, { overdue: number; open: number }>();
  let overdueNow = 0;
  let backlog = 0;
  for (let r = 0; r < c.n; r++) {
    const s = st[r]!;
    const day = due[r]!;
    const unfinished = s === STATUS.open || s === STATUS.in_progress;
    const closed = s === STATUS.done || s === STATUS.wont_do;
    const pastDue = day < today;
    if (day >= previousFrom && day <= ctx.filters.to) {
      const t = onTime[day >= ctx.filters.from ? 0 : 1]!;
      if (!dueDay.has(day)) dueDay.set(day, Date.parse(`${day}T00:00:00Z`) / DAY);
      const done = completed[r]!;
      if (s === STATUS.done && !Number.isNaN(done) && Math.floor(done / 1000 / 86_400) <= dueDay.get(day)!) t.onTime++;
      if (s === STATUS.done || (unfinished && pastDue)) t.counted++;
    }
    if (unfinished) {
      if (pastDue) overdueNow++;
      const key = Number.isNaN(owner[r]!) ? -1 : owner[r]!;
      const o = openByOwner.get(key) ?? { overdue: 0, open: 0 };
      o.open++;
      if (pastDue) o.overdue++;
      openByOwner.set(key, o);
    }
    const createdAt = created[r]!;
    if (createdAt < ctx.currentStart) backlog++;
    else if (createdAt < ctx.currentEnd) {
      const b = buckets.indexOf(local(createdAt));
      if (b >= 0) flow[b]!.opened++;
    }
    const completedAt = completed[r]!;
    if (closed && completedAt < ctx.currentStart) backlog--;
    else if (closed && completedAt >= ctx.currentStart && completedAt < ctx.currentEnd) {
      const b = buckets.indexOf(local(completedAt));
      if (b >= 0) flow[b]!.closed++;
    }
  }
  const byBucket = bucketsFor(ctx.filters.from, ctx.filters.to, ctx.bucket).map((b, k) => {
    const { opened, closed } = flow[k]!;
    backlog += opened - closed;
    return { ...b, opened, closed, backlog };
  });
  const [current, previous] = onTime.map((t) => ratio(t.onTime, t.counted)) as [Ratio, Ratio];
  return {
    figures: { onTime: current, overdueNow, byBucket, overdueByTeam: await overdueByTeam(ctx, openByOwner) },
    onTime: { current, previous },
  };
}

/** Open items by the owner's team: an owner in several teams counts in each, "No team" otherwise. */
async function overdueByTeam(ctx: InsightsContext, byOwner: Map<number, { overdue: number; open: number }>) {
  const memberships = await rawRows<{ userId: number; teamId: number; name: string }>(
    sql`SELECT m.user_id AS "userId", t.id AS "teamId", t.name AS name FROM ${teamMembers} m JOIN ${teams} t ON t.id = m.team_id`,
    ctx.db,
  );
  const rows = new Map<number | null, { team: string; overdue: number; open: number }>();
  for (const [ownerId, counts] of byOwner) {
    const teamsOf = memberships.filter((m) => m.userId === ownerId);
    for (const t of teamsOf.length ? teamsOf : [{ teamId: null, name: "No team" }]) {
      const row = rows.get(t.teamId) ?? { team: t.name, overdue: 0, open: 0 };
      row.overdue += counts.overdue;
      row.open += counts.open;
      rows.set(t.teamId, row);
    }
  }
  return [...rows.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || binaryCompare(a.team, b.team));
}
