import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import type { Severity } from "@/lib/severity";
import type { BucketKind } from "@/lib/insights/buckets";
import type { OffsetWalk } from "@/lib/insights/time-zone";
import { WORKING_HOURS } from "@/lib/insights/time-zone";
import type { InsightsFilters } from "@/lib/insights/types";
import type { Db } from "../../client";
import { incidentServices, incidents, services } from "../../schema";
import { visibleTo } from "../../access/incidents";
import { exec } from "../../sql";
import { dialect } from "../../dialect";
import { boolAsInt, utcDateOfSeconds, utcMonthOfMs } from "../../dialect-sql";

export type Reader = Db;

/** Everything a figure query needs: the caller, the filters and the periods as instants. */
export type InsightsContext = {
  db: Reader;
  actor: Actor;
  filters: InsightsFilters;
  serviceId: number | null;
  timeZone: string;
  /** The zone's offsets over the report's periods (and margins); see localMs. */
  offsets: OffsetWalk;
  bucket: BucketKind;
  now: number;
  /** Current period [currentStart, currentEnd), previous [previousStart, currentStart). */
  currentStart: number;
  currentEnd: number;
  previousStart: number;
  requiredSeverities: Severity[];
};

const int = (n: number) => sql.raw(String(Math.trunc(n)));

/**
 * The organisation's wall clock of an epoch-ms column, as epoch ms (daylight saving included):
 * a CASE over the walked offsets, and tz_offset_ms (db/sql-functions.ts) for the rare instant
 * outside the walk.
 */
export function localMs(ctx: Pick<InsightsContext, "offsets">, column: SQL): SQL {
  const { segments, fromMs, untilMs, timeZone } = ctx.offsets;
  const outside = sql`WHEN ${column} < ${int(fromMs)} OR ${column} >= ${int(untilMs)} THEN tz_offset_ms(${column}, ${timeZone})`;
  const cases = segments.slice(1).map((s, i) => sql` WHEN ${column} < ${int(s.from)} THEN ${int(segments[i]!.offsetMs)}`);
  return sql`(${column} + CASE ${outside}${sql.join(cases, sql``)} ELSE ${int(segments[segments.length - 1]!.offsetMs)} END)`;
}

/** The first day ("YYYY-MM-DD") of the week (Monday) or month an instant falls in, in the organisation's zone. */
export function bucketOf(ctx: Pick<InsightsContext, "offsets" | "bucket">, column: SQL): SQL {
  const local = localMs(ctx, column);
  if (ctx.bucket === "month") return utcMonthOfMs(local);
  // Day number since 1970-01-01 (a Thursday, 3 days after a Monday) back to its Monday.
  return utcDateOfSeconds(sql`((${local} / 86400000) - (((${local} / 86400000) + 3) % 7)) * 86400`);
}

/** 1 when an instant is outside 09:00–18:00 Monday–Friday on the organisation's wall clock. */
export function outOfHours(ctx: Pick<InsightsContext, "offsets">, column: SQL): SQL {
  const local = localMs(ctx, column);
  const weekday = sql`(((${local} / 86400000) + 4) % 7)`;
  const hour = sql`((${local} / 3600000) % 24)`;
  return sql`(CASE WHEN ${weekday} IN (0, 6) OR ${hour} < ${int(WORKING_HOURS.startHour)} OR ${hour} >= ${int(WORKING_HOURS.endHour)} THEN 1 ELSE 0 END)`;
}

const reconstructed = (column: SQL) => sql`(CASE WHEN ${column} IN ('manual', 'backdated') THEN 1 ELSE 0 END)`;

/** Severity, service, team and visibility conditions on `incidents` (not the dates, not drills). */
export function incidentConditions(ctx: InsightsContext): SQL[] {
  const conditions: SQL[] = [];
  const { severity, team } = ctx.filters;
  if (severity.length)
    conditions.push(
      sql`${incidents.severity} IN (${sql.join(
        severity.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (ctx.serviceId !== null)
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${incidentServices} WHERE ${incidentServices.incidentId} = ${incidents.id} AND ${incidentServices.serviceId} = ${ctx.serviceId})`,
    );
  if (team !== null)
    conditions.push(sql`EXISTS (SELECT 1 FROM ${incidentServices} JOIN ${services} ON ${services.id} = ${incidentServices.serviceId}
      WHERE ${incidentServices.incidentId} = ${incidents.id} AND ${services.teamId} = ${team})`);
  const visible = visibleTo(ctx.actor);
  if (visible) conditions.push(visible);
  return conditions;
}

export const where = (conditions: SQL[]) => (conditions.length ? sql` AND ${sql.join(conditions, sql` AND `)}` : sql``);

/**
 * A temp table of the connection: `temp.name` on SQLite, `pg_temp.name` on PostgreSQL. On
 * PostgreSQL temp tables live on one connection of the pool, so whoever fills and reads them runs
 * inside one transaction() (getDb() is then the transaction) and creates them ON COMMIT DROP.
 */
export const tempTable = (name: string): SQL => sql.raw(dialect === "pg" ? `pg_temp.${name}` : `temp.${name}`);
/** What a CREATE TEMP TABLE ends with: dropped at the end of the transaction on PostgreSQL. */
export const onCommitDrop = (): SQL => sql.raw(dialect === "pg" ? " ON COMMIT DROP" : "");
/** The column type of epoch-ms times and ids in a temp table (PostgreSQL's integer is 32 bits). */
export const INT64 = dialect === "pg" ? "bigint" : "INTEGER";

/**
 * Fills temp.insight_scope with the incidents that started in the current or previous
 * period and match the filters (drills kept, flagged, so they can be counted apart). Every
 * figure reads this one selection. SQLite: the whole report is computed on the one connection;
 * PostgreSQL: inside one transaction (see tempTable). Either way no other request can see or
 * change the table in between.
 */
export async function fillScope(ctx: InsightsContext) {
  const big = sql.raw(INT64);
  await exec(
    sql`CREATE TEMP TABLE IF NOT EXISTS insight_scope (
    id ${big} PRIMARY KEY, period INTEGER NOT NULL, drill INTEGER NOT NULL, severity TEXT NOT NULL,
    started_at ${big} NOT NULL, started_rec INTEGER NOT NULL, detected_at ${big}, detected_rec INTEGER NOT NULL,
    declared_at ${big} NOT NULL, acknowledged_at ${big}, acknowledged_rec INTEGER NOT NULL,
    mitigated_at ${big}, mitigated_rec INTEGER NOT NULL, resolved_at ${big}, resolved_rec INTEGER NOT NULL,
    out_of_hours INTEGER NOT NULL, bucket TEXT NOT NULL)${onCommitDrop()}`,
    ctx.db,
  );
  // Out-of-hours and the week/month bucket are read for the current period only (0 and '' before it).
  await exec(sql`DELETE FROM ${tempTable("insight_scope")}`, ctx.db);
  const i = incidents;
  await exec(
    sql`INSERT INTO ${tempTable("insight_scope")}
    SELECT ${i.id}, CASE WHEN ${i.startedAt} >= ${ctx.currentStart} THEN 0 ELSE 1 END, ${boolAsInt(i.drill)}, ${i.severity},
      ${i.startedAt}, ${reconstructed(sql`${i.startedAtSource}`)}, ${i.detectedAt}, ${reconstructed(sql`${i.detectedAtSource}`)},
      ${i.declaredAt}, ${i.acknowledgedAt}, ${reconstructed(sql`${i.acknowledgedAtSource}`)},
      ${i.mitigatedAt}, ${reconstructed(sql`${i.mitigatedAtSource}`)}, ${i.resolvedAt}, ${reconstructed(sql`${i.resolvedAtSource}`)},
      CASE WHEN ${i.startedAt} >= ${ctx.currentStart} THEN ${outOfHours(ctx, sql`${i.declaredAt}`)} ELSE 0 END,
      CASE WHEN ${i.startedAt} >= ${ctx.currentStart} THEN ${bucketOf(ctx, sql`${i.startedAt}`)} ELSE '' END
    FROM ${incidents}
    WHERE ${i.startedAt} >= ${ctx.previousStart} AND ${i.startedAt} < ${ctx.currentEnd}${where(incidentConditions(ctx))}`,
    ctx.db,
  );
}
