import "server-only";
import { sql } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { csvLine } from "@/lib/csv";
import { incidentReference } from "@/lib/validation/incident";
import { contributingFactors, incidentRoles, incidentServices, incidents, postmortemFactors, postmortems, services, users } from "../../schema";
import { insightsContext } from "./context";
import { incidentConditions, outOfHours, where } from "./scope";
import { rows as rawRows } from "../../sql";
import { groupConcat, isFalse } from "../../dialect-sql";

export const INSIGHTS_CSV_COLUMNS = [
  "reference",
  "title",
  "severity",
  "status",
  "services",
  "contributing_factors",
  "commander",
  "started_at",
  "detected_at",
  "declared_at",
  "acknowledged_at",
  "mitigated_at",
  "resolved_at",
  "closed_at",
  "reconstructed_timestamps",
  "time_to_detect_s",
  "time_to_acknowledge_s",
  "time_to_mitigate_s",
  "time_to_resolve_s",
  "declared_out_of_hours",
  "postmortem_status",
  "postmortem_published_at",
] as const;

type Row = {
  id: number;
  title: string;
  severity: string;
  status: string;
  services: string | null;
  factors: string | null;
  commander: string | null;
  startedAt: number;
  detectedAt: number | null;
  declaredAt: number;
  acknowledgedAt: number | null;
  mitigatedAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  startedSrc: string;
  detectedSrc: string | null;
  acknowledgedSrc: string | null;
  mitigatedSrc: string | null;
  resolvedSrc: string | null;
  closedSrc: string | null;
  ooh: number;
  pmStatus: string | null;
  publishedAt: number | null;
};

const PAGE = 1000;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const secs = (to: number | null, from: number | null) => (to === null || from === null ? null : Math.round((to - from) / 1000));
const RECONSTRUCTED = new Set(["manual", "backdated"]);

function toLine(r: Row): string {
  const reconstructed = (
    [
      ["started", r.startedSrc],
      ["detected", r.detectedSrc],
      ["acknowledged", r.acknowledgedSrc],
      ["mitigated", r.mitigatedSrc],
      ["resolved", r.resolvedSrc],
      ["closed", r.closedSrc],
    ] as const
  )
    .filter(([, src]) => src !== null && RECONSTRUCTED.has(src))
    .map(([name]) => name)
    .join("; ");
  return csvLine([
    incidentReference(r.id),
    r.title,
    r.severity,
    r.status,
    r.services,
    r.factors,
    r.commander,
    iso(r.startedAt),
    iso(r.detectedAt),
    iso(r.declaredAt),
    iso(r.acknowledgedAt),
    iso(r.mitigatedAt),
    iso(r.resolvedAt),
    iso(r.closedAt),
    reconstructed,
    secs(r.detectedAt, r.startedAt),
    secs(r.acknowledgedAt, r.declaredAt),
    secs(r.mitigatedAt, r.startedAt),
    secs(r.resolvedAt, r.startedAt),
    r.ooh === 1,
    r.pmStatus ?? "none",
    iso(r.publishedAt),
  ]);
}

/**
 * The incidents behind the dashboard (current period, same filters, drills left out) as CSV
 * lines, header first, oldest first. Validates the query before the first line, then reads
 * 1,000 rows at a time so a year of incidents never sits in memory at once.
 */
export async function insightsIncidentsCsv({ actor, query, now = Date.now() }: { actor: Actor; query: unknown; now?: number }): Promise<{
  fileName: string;
  lines: AsyncGenerator<string>;
}> {
  const { ctx, period } = await insightsContext({ actor, query, now });
  const conditions = incidentConditions(ctx);
  const i = incidents;
  async function* lines(): AsyncGenerator<string> {
    yield csvLine([...INSIGHTS_CSV_COLUMNS]);
    let after: { startedAt: number; id: number } | null = null;
    for (;;) {
      const keyset = after ? sql` AND (${i.startedAt} > ${after.startedAt} OR (${i.startedAt} = ${after.startedAt} AND ${i.id} > ${after.id}))` : sql``;
      const rows: Row[] = await rawRows<Row>(
        sql`
        SELECT ${i.id} AS id, ${i.title} AS title, ${i.severity} AS severity, ${i.status} AS status,
          (SELECT ${groupConcat(sql`v.name`, "; ", sql`l.service_id`)} FROM ${incidentServices} l JOIN ${services} v ON v.id = l.service_id WHERE l.incident_id = ${i.id}) AS services,
          (SELECT ${groupConcat(sql`f.name`, "; ", sql`pf.factor_id`)} FROM ${postmortems} p JOIN ${postmortemFactors} pf ON pf.postmortem_id = p.id
             JOIN ${contributingFactors} f ON f.id = pf.factor_id WHERE p.incident_id = ${i.id}) AS factors,
          (SELECT u.name FROM ${incidentRoles} r JOIN ${users} u ON u.id = r.user_id WHERE r.incident_id = ${i.id} AND r.role = 'commander') AS commander,
          ${i.startedAt} AS "startedAt", ${i.detectedAt} AS "detectedAt", ${i.declaredAt} AS "declaredAt", ${i.acknowledgedAt} AS "acknowledgedAt",
          ${i.mitigatedAt} AS "mitigatedAt", ${i.resolvedAt} AS "resolvedAt", ${i.closedAt} AS "closedAt",
          ${i.startedAtSource} AS "startedSrc", ${i.detectedAtSource} AS "detectedSrc", ${i.acknowledgedAtSource} AS "acknowledgedSrc",
          ${i.mitigatedAtSource} AS "mitigatedSrc", ${i.resolvedAtSource} AS "resolvedSrc", ${i.closedAtSource} AS "closedSrc",
          ${outOfHours(ctx, sql`${i.declaredAt}`)} AS ooh,
          (SELECT p.status FROM ${postmortems} p WHERE p.incident_id = ${i.id}) AS "pmStatus",
          (SELECT p.published_at FROM ${postmortems} p WHERE p.incident_id = ${i.id}) AS "publishedAt"
        FROM ${incidents}
        WHERE ${isFalse(i.drill)} AND ${i.startedAt} >= ${ctx.currentStart} AND ${i.startedAt} < ${ctx.currentEnd}${keyset}${where(conditions)}
        ORDER BY ${i.startedAt}, ${i.id} LIMIT ${PAGE}`,
        ctx.db,
      );
      for (const row of rows) yield toLine(row);
      if (rows.length < PAGE) return;
      const last = rows[rows.length - 1]!;
      after = { startedAt: last.startedAt, id: last.id };
    }
  }
  return { fileName: `hindsight-incidents-${period.from}-to-${period.to}.csv`, lines: lines() };
}
