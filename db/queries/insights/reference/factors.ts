import "server-only";
import { sql } from "drizzle-orm";
import { bucketsFor } from "@/lib/insights/buckets";
import { REPEAT_WINDOW_DAYS } from "@/lib/insights/repeats";
import type { InsightsReport } from "@/lib/insights/types";
import type { Severity } from "@/lib/severity";
import { incidentReference } from "@/lib/validation/incident";
import { contributingFactors, incidentServices, incidents, postmortemFactors, postmortems, services } from "../../../schema";
import { visibleTo } from "../../../access/incidents";
import { INT64, onCommitDrop, tempTable, where, type InsightsContext } from "../scope";
import { dialect } from "../../../dialect";
import { countWhere, isFalse } from "../../../dialect-sql";
import { rows as rawRows, exec, row } from "../../../sql";

const REPEATS_LISTED = 50;

/** Factors tagged on the postmortems (any status) of in-scope incidents, ranked, with their trend. */
export async function factorFigures(ctx: InsightsContext): Promise<InsightsReport["factors"]> {
  const counts = await rawRows<{ id: number; name: string; period: number; n: number }>(
    sql`
    SELECT f.id AS id, f.name AS name, s.period AS period, COUNT(*) AS n
    FROM ${tempTable("insight_scope")} s
    JOIN ${postmortems} p ON p.incident_id = s.id
    JOIN ${postmortemFactors} pf ON pf.postmortem_id = p.id
    JOIN ${contributingFactors} f ON f.id = pf.factor_id
    WHERE s.drill = 0 GROUP BY f.id, s.period`,
    ctx.db,
  );
  const trend = await rawRows<{ id: number; bucket: string; n: number }>(
    sql`
    SELECT pf.factor_id AS id, s.bucket AS bucket, COUNT(*) AS n
    FROM ${tempTable("insight_scope")} s
    JOIN ${postmortems} p ON p.incident_id = s.id
    JOIN ${postmortemFactors} pf ON pf.postmortem_id = p.id
    WHERE s.drill = 0 AND s.period = 0 GROUP BY pf.factor_id, s.bucket`,
    ctx.db,
  );
  const coverage = (await row<{ n: number; tagged: number }>(
    sql`
    SELECT COUNT(*) AS n, ${countWhere(sql`EXISTS (SELECT 1 FROM ${postmortems} p JOIN ${postmortemFactors} pf ON pf.postmortem_id = p.id
      WHERE p.incident_id = s.id)`)} AS tagged
    FROM ${tempTable("insight_scope")} s WHERE s.period = 0 AND s.drill = 0`,
    ctx.db,
  ))!;

  const buckets = bucketsFor(ctx.filters.from, ctx.filters.to, ctx.bucket);
  const byId = new Map<number, { id: number; name: string; incidents: number; previousIncidents: number }>();
  for (const row of counts) {
    const entry = byId.get(row.id) ?? { id: row.id, name: row.name, incidents: 0, previousIncidents: 0 };
    if (row.period === 0) entry.incidents = row.n;
    else entry.previousIncidents = row.n;
    byId.set(row.id, entry);
  }
  const ranked = [...byId.values()]
    .filter((f) => f.incidents > 0 || f.previousIncidents > 0)
    .sort((a, b) => b.incidents - a.incidents || b.previousIncidents - a.previousIncidents || a.name.localeCompare(b.name) || a.id - b.id)
    .map((f) => ({
      ...f,
      trend: buckets.map((b) => ({ ...b, incidents: trend.find((t) => t.id === f.id && t.bucket === b.start)?.n ?? 0 })),
    }));
  return {
    coverage: { incidents: coverage.tagged, missing: coverage.n - coverage.tagged, reconstructed: 0 },
    ranked,
    repeats: await repeatFigures(ctx),
  };
}

/**
 * Repeat incidents (lib/insights/repeats.ts is the definition): in-scope incidents with an
 * earlier visible incident, started at most 90 days before, sharing a service and a factor.
 * The pairs come from temp.insight_links, one row per (incident, service, factor), looked up
 * through an index for the latest earlier match only.
 */
async function repeatFigures(ctx: InsightsContext): Promise<InsightsReport["factors"]["repeats"]> {
  const windowMs = REPEAT_WINDOW_DAYS * 86_400_000;
  const visible = visibleTo(ctx.actor);
  const links = tempTable("insight_links");
  const big = sql.raw(INT64);
  await exec(
    sql`CREATE TEMP TABLE IF NOT EXISTS insight_links (
    incident_id ${big} NOT NULL, started_at ${big} NOT NULL, service_id ${big} NOT NULL, factor_id ${big} NOT NULL)${onCommitDrop()}`,
    ctx.db,
  );
  // SQLite names the index's schema; PostgreSQL puts an index beside its table and takes no schema there.
  const index = sql.raw(dialect === "pg" ? "insight_links_key" : "temp.insight_links_key");
  await exec(sql`CREATE INDEX IF NOT EXISTS ${index} ON insight_links (service_id, factor_id, started_at, incident_id)`, ctx.db);
  await exec(sql`DELETE FROM ${links}`, ctx.db);
  await exec(
    sql`INSERT INTO ${links}
    SELECT ${incidents.id}, ${incidents.startedAt}, l.service_id, pf.factor_id
    FROM ${incidents}
    JOIN ${incidentServices} l ON l.incident_id = ${incidents.id}
    JOIN ${postmortems} p ON p.incident_id = ${incidents.id}
    JOIN ${postmortemFactors} pf ON pf.postmortem_id = p.id
    WHERE ${isFalse(incidents.drill)} AND ${incidents.startedAt} >= ${ctx.currentStart - windowMs} AND ${incidents.startedAt} < ${ctx.currentEnd}${where(visible ? [visible] : [])}`,
    ctx.db,
  );
  const rows = await rawRows<{
    id: number;
    title: string;
    severity: Severity;
    startedAt: number;
    serviceSlug: string;
    serviceName: string;
    factor: string;
    prevId: number;
    prevTitle: string;
    prevStartedAt: number;
    total: number;
  }>(
    sql`
    WITH matches AS (
      SELECT a.incident_id AS id, a.service_id AS service_id, a.factor_id AS factor_id, a.started_at AS started_at,
        (SELECT b.incident_id FROM ${links} b
          WHERE b.service_id = a.service_id AND b.factor_id = a.factor_id
            AND b.started_at >= a.started_at - ${windowMs} AND b.started_at <= a.started_at
            AND (b.started_at < a.started_at OR b.incident_id < a.incident_id)
          ORDER BY b.started_at DESC, b.incident_id DESC LIMIT 1) AS prev
      FROM ${links} a
      WHERE a.incident_id IN (SELECT id FROM ${tempTable("insight_scope")} WHERE period = 0 AND drill = 0)
    ),
    best AS (
      SELECT m.*, pi.started_at AS prev_started,
        ROW_NUMBER() OVER (PARTITION BY m.id ORDER BY pi.started_at DESC, m.prev DESC, m.service_id, m.factor_id) AS rn
      FROM matches m JOIN ${incidents} pi ON pi.id = m.prev
    )
    SELECT b.id AS id, i.title AS title, i.severity AS severity, b.started_at AS "startedAt",
      v.slug AS "serviceSlug", v.name AS "serviceName", f.name AS factor,
      b.prev AS "prevId", pi.title AS "prevTitle", b.prev_started AS "prevStartedAt", COUNT(*) OVER () AS total
    FROM best b
    JOIN ${incidents} i ON i.id = b.id
    JOIN ${incidents} pi ON pi.id = b.prev
    JOIN ${services} v ON v.id = b.service_id
    JOIN ${contributingFactors} f ON f.id = b.factor_id
    WHERE b.rn = 1
    ORDER BY b.started_at DESC, b.id DESC LIMIT ${REPEATS_LISTED}`,
    ctx.db,
  );
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      reference: incidentReference(r.id),
      title: r.title,
      severity: r.severity,
      startedAt: new Date(r.startedAt).toISOString(),
      service: { slug: r.serviceSlug, name: r.serviceName },
      factor: r.factor,
      previous: { reference: incidentReference(r.prevId), title: r.prevTitle, startedAt: new Date(r.prevStartedAt).toISOString() },
    })),
  };
}
