import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { SEVERITIES } from "@/lib/severity";
import { REPEAT_WINDOW_DAYS } from "@/lib/insights/repeats";
import { incidentFacts, incidentServices, incidents, services } from "../../schema";
import { visibleTo } from "../../access/incidents";
import { MAX_WINDOW_DAYS } from "../../access/slo-budgets";
import { collect, idLists, type IdLists } from "./collect";
import { bucketIndexer, isOutOfHours, localClock } from "./local-clock";
import type { InsightsContext } from "./scope";

const DAY = 86_400_000;
export const PM_STATUS = { none: 0, draft: 1, in_review: 2, published: 3 } as const;

/** Visibility on incident_facts `f`: the public ones, and the private ones visibleTo lets the actor see. */
export function factVisibility(ctx: Pick<InsightsContext, "actor">): SQL[] {
  const visible = visibleTo(ctx.actor);
  if (!visible) return [];
  return [
    sql`(f.private = 0 OR f.incident_id IN (SELECT ${incidents.id} FROM ${incidentFacts} p JOIN ${incidents} ON ${incidents.id} = p.incident_id
      WHERE p.private = 1 AND ${visible}))`,
  ];
}

/** The filters (severity, service, team) and visibility as conditions on incident_facts `f`. */
export function factConditions(ctx: InsightsContext): SQL[] {
  const conditions: SQL[] = [];
  const { severity, team } = ctx.filters;
  if (severity.length)
    conditions.push(
      sql`f.severity IN (${sql.join(
        severity.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (ctx.serviceId !== null)
    conditions.push(
      sql`f.incident_id IN (SELECT ${incidentServices.incidentId} FROM ${incidentServices} WHERE ${incidentServices.serviceId} = ${ctx.serviceId})`,
    );
  if (team !== null)
    conditions.push(
      sql`f.incident_id IN (SELECT l.incident_id FROM ${incidentServices} l JOIN ${services} v ON v.id = l.service_id WHERE v.team_id = ${team})`,
    );
  return [...conditions, ...factVisibility(ctx)];
}

export const andAll = (conditions: SQL[]) => (conditions.length ? sql` AND ${sql.join(conditions, sql` AND `)}` : sql``);

/** The numbers read per row, in order; `codes` packs the small ones (unpacked into sev, drill, rec, pmStatus). */
const READ = ["id", "startedAt", "declaredAt", "codes", "detect", "acknowledge", "mitigate", "resolve", "resolvedAt", "impactEnd", "publishedAt"] as const;
type ListColumn = "services" | "responders" | "factors";
export type ScanColumn = Exclude<(typeof READ)[number], "codes"> | "sev" | "drill" | "rec" | "pmStatus";

/**
 * The in-scope incidents of both periods (drills included, flagged), one row each from
 * incident_facts in start order, with what every figure needs worked out once: period,
 * week/month bucket and out-of-hours declaration (current period, organisation's clock).
 */
export type Scan = Record<ScanColumn, Float64Array> &
  Record<ListColumn, IdLists> & {
    n: number;
    period: Uint8Array;
    bucket: Int16Array;
    ooh: Uint8Array;
    local: (ms: number) => number;
    buckets: number;
  };

export async function scanScope(ctx: InsightsContext): Promise<Scan> {
  const sev = sql.raw(`CASE f.severity ${SEVERITIES.map((s, k) => `WHEN '${s}' THEN ${k}`).join(" ")} END`);
  const status = sql.raw(
    `CASE f.postmortem_status ${Object.entries(PM_STATUS)
      .map(([s, k]) => `WHEN '${s}' THEN ${k}`)
      .join(" ")} ELSE 0 END`,
  );
  const current = sql`f.started_at >= ${ctx.currentStart}`;
  // Links are read where a figure uses them: the current period, and recent impact (postmortems required by an SLO budget).
  const linksNeeded = sql`(${current} OR f.impact_end_at >= ${ctx.now - MAX_WINDOW_DAYS * DAY})`;
  // The small codes travel as one number (fewer values per row from SQLite): reconstructed bits 0–5, severity 6–7, drill 8, postmortem status 9–10.
  const codes = sql`f.reconstructed + 64 * (${sev} + 4 * (f.drill + 2 * ${status}))`;
  const c = await collect(
    ctx.db,
    [
      sql`f.incident_id`,
      sql`f.started_at`,
      sql`f.declared_at`,
      codes,
      sql`f.detect_ms`,
      sql`f.acknowledge_ms`,
      sql`f.mitigate_ms`,
      sql`f.resolve_ms`,
      sql`f.resolved_at`,
      sql`f.impact_end_at`,
      sql`f.postmortem_published_at`,
    ],
    [sql`CASE WHEN ${linksNeeded} THEN f.service_ids END`, sql`CASE WHEN ${current} THEN f.responder_ids END`, sql`f.factor_ids`],
    sql`FROM ${incidentFacts} f WHERE f.started_at >= ${ctx.previousStart} AND f.started_at < ${ctx.currentEnd}${andAll(factConditions(ctx))}`,
  );
  const columns = Object.fromEntries(READ.map((name, k) => [name, c.numbers[k]!])) as Record<ScanColumn | "codes", Float64Array>;
  const { codes: code, ...rest } = columns;
  const unpacked = { sev: new Float64Array(c.n), drill: new Float64Array(c.n), rec: new Float64Array(c.n), pmStatus: new Float64Array(c.n) };
  for (let r = 0; r < c.n; r++) {
    const v = code[r]!;
    unpacked.rec[r] = v & 63;
    unpacked.sev[r] = (v >> 6) & 3;
    unpacked.drill[r] = (v >> 8) & 1;
    unpacked.pmStatus[r] = v >> 9;
  }
  const local = localClock(ctx.offsets);
  const buckets = bucketIndexer(ctx.filters.from, ctx.filters.to, ctx.bucket);
  const period = new Uint8Array(c.n);
  const bucket = new Int16Array(c.n).fill(-1);
  const ooh = new Uint8Array(c.n);
  for (let r = 0; r < c.n; r++) {
    const started = columns.startedAt[r]!;
    if (started < ctx.currentStart) {
      period[r] = 1;
      continue;
    }
    bucket[r] = buckets.indexOf(local(started));
    ooh[r] = isOutOfHours(local(columns.declaredAt[r]!)) ? 1 : 0;
  }
  return {
    ...rest,
    ...unpacked,
    services: idLists(c.texts[0]!, c.n),
    responders: idLists(c.texts[1]!, c.n),
    factors: idLists(c.texts[2]!, c.n),
    n: c.n,
    period,
    bucket,
    ooh,
    local,
    buckets: buckets.count,
  };
}

/** Incidents that may count as repeats (lib/insights/repeats.ts): visible, not drills, with services and factors, from 90 days before the period. */
export async function scanRepeatCandidates(ctx: InsightsContext) {
  const c = await collect(
    ctx.db,
    [sql`f.incident_id`, sql`f.started_at`],
    [sql`f.service_ids`, sql`f.factor_ids`],
    sql`FROM ${incidentFacts} f WHERE f.started_at >= ${ctx.currentStart - REPEAT_WINDOW_DAYS * DAY} AND f.started_at < ${ctx.currentEnd}
      AND f.drill = 0 AND f.service_ids <> '' AND f.factor_ids <> ''${andAll(factVisibility(ctx))}`,
  );
  return { n: c.n, id: c.numbers[0]!, startedAt: c.numbers[1]!, services: idLists(c.texts[0]!, c.n), factors: idLists(c.texts[1]!, c.n) };
}
