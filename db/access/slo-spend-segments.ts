import "server-only";
import { and, eq, gt, inArray, lt, notExists, sql } from "drizzle-orm";
import { OPEN_END, sweepSegments, type SpendSegment, type SweepImpact } from "@/lib/spend-sweep";
import type { Db } from "../client";
import { incidentServices, incidents, settings, sloSpendOverrides, sloSpendSegments, slos } from "../schema";
import type { Reader, Tx } from "../types";
import { transaction } from "../transaction";
import { dialect } from "../dialect";

/** Bump when the derivation changes: databases with another version are rebuilt on first use. */
export const SPEND_SEGMENTS_VERSION = 1;
export const SPEND_SEGMENTS_KEY = "derived.slo_spend_segments";

const impactEndSql = sql<number>`coalesce(${incidents.mitigatedAt}, ${incidents.resolvedAt}, ${sql.raw(String(OPEN_END))})`;

/** What the sweep of `sloId` takes from its service: impacts overlapping [from, to), drills and overridden ones left out. */
export async function sweepImpacts(
  db: Reader,
  slo: { id: number; serviceId: number },
  from: number,
  to: number,
  exceptIncidentId?: number,
): Promise<SweepImpact[]> {
  return (
    await db
      .select({ incidentId: incidentServices.incidentId, impact: incidentServices.impact, startedAt: incidents.startedAt, endedAt: impactEndSql })
      .from(incidentServices)
      .innerJoin(incidents, eq(incidents.id, incidentServices.incidentId))
      .where(
        and(
          // A stretch of recent time: "+" keeps the planner off the service index, so it starts from the
          // impact-end index (incidents_impact_end_idx, written as its expression below) and reads only recent rows.
          from > -OPEN_END ? sql`+${incidentServices.serviceId} = ${slo.serviceId}` : eq(incidentServices.serviceId, slo.serviceId),
          eq(incidents.drill, false),
          sql`+${incidents.startedAt} < ${to}`,
          gt(impactEndSql, from),
          exceptIncidentId === undefined ? undefined : sql`${incidentServices.incidentId} <> ${exceptIncidentId}`,
          notExists(
            db
              .select({ one: sql`1` })
              .from(sloSpendOverrides)
              .where(and(eq(sloSpendOverrides.sloId, slo.id), eq(sloSpendOverrides.incidentId, incidentServices.incidentId))),
          ),
        ),
      )
  ).map((r) => ({ ...r, endedAt: r.endedAt === OPEN_END ? null : r.endedAt }));
}

async function insertSegments(tx: Tx, sloId: number, segments: SpendSegment[]) {
  if (!segments.length) return;
  if (dialect === "pg") {
    // PostgreSQL: multi-row inserts, one round trip per chunk (5 parameters a row, well under the 65,535 limit).
    for (let i = 0; i < segments.length; i += 1000) {
      await tx.insert(sloSpendSegments).values(segments.slice(i, i + 1000).map((s) => ({ sloId, ...s })));
    }
    return;
  }
  // SQLite: one prepared statement run per row, far cheaper than building large multi-row inserts.
  const insert = tx
    .insert(sloSpendSegments)
    .values({
      sloId: sql.placeholder("sloId"),
      start: sql.placeholder("start"),
      end: sql.placeholder("end"),
      incidentId: sql.placeholder("incidentId"),
      weight: sql.placeholder("weight"),
    })
    .prepare();
  for (const s of segments) insert.run({ sloId, ...s });
}

/** Re-derives one SLO's segments over [from, to); stored segments reaching past either edge keep their outside parts. */
async function resweep(tx: Tx, slo: { id: number; serviceId: number }, from: number, to: number) {
  if (to <= from) return;
  const overlap = and(eq(sloSpendSegments.sloId, slo.id), gt(sloSpendSegments.end, from), lt(sloSpendSegments.start, to));
  const outside = (
    await tx
      .select()
      .from(sloSpendSegments)
      .where(and(overlap, sql`(${sloSpendSegments.start} < ${from} OR ${sloSpendSegments.end} > ${to})`))
  ).flatMap((seg) => [...(seg.start < from ? [{ ...seg, end: from }] : []), ...(seg.end > to ? [{ ...seg, start: to }] : [])]);
  await tx.delete(sloSpendSegments).where(overlap);
  await insertSegments(tx, slo.id, [...outside, ...sweepSegments(await sweepImpacts(tx, slo, from, to), from, to)]);
}

/** What of an incident the spend depends on, taken before a change so the change can be swept over. */
export type SpendSnapshot = { start: number; end: number; serviceIds: number[]; key: string } | null;

export async function spendSnapshot(db: Reader, incidentId: number): Promise<SpendSnapshot> {
  const row = (
    await db.select({ start: incidents.startedAt, end: impactEndSql, drill: incidents.drill }).from(incidents).where(eq(incidents.id, incidentId))
  )[0];
  if (!row) return null;
  const links = await db
    .select({ id: incidentServices.serviceId, impact: incidentServices.impact })
    .from(incidentServices)
    .where(eq(incidentServices.incidentId, incidentId))
    .orderBy(incidentServices.serviceId);
  const overridden = await db
    .select({ sloId: sloSpendOverrides.sloId })
    .from(sloSpendOverrides)
    .where(eq(sloSpendOverrides.incidentId, incidentId))
    .orderBy(sloSpendOverrides.sloId);
  const key = JSON.stringify([row, links, overridden.map((o) => o.sloId)]);
  return { start: row.start, end: row.end, serviceIds: links.map((l) => l.id), key };
}

/**
 * Brings the spend segments up to date after a change to one incident (times, drill, linked
 * services, impacts, overrides), in the caller's transaction: only the SLOs of the services it
 * was or is linked to, and only over the time its impact covered before or covers now.
 */
export async function refreshSpendFor(tx: Tx, { incidentId, before }: { incidentId: number; before: SpendSnapshot }) {
  if (!(await spendSegmentsCurrent(tx))) return;
  const after = await spendSnapshot(tx, incidentId);
  if (before?.key === after?.key) return;
  const spans = [before, after].filter((s) => s !== null);
  const serviceIds = [...new Set(spans.flatMap((s) => s.serviceIds))];
  if (!serviceIds.length) return;
  const from = Math.min(...spans.map((s) => s.start));
  const to = Math.max(...spans.map((s) => s.end));
  const sloRows = await tx.select({ id: slos.id, serviceId: slos.serviceId }).from(slos).where(inArray(slos.serviceId, serviceIds));
  for (const slo of sloRows) await resweep(tx, slo, from, to);
}

/** Derives one SLO's segments from its service's whole history (a new SLO, or a rebuild). */
export async function rebuildSloSpend(tx: Tx, slo: { id: number; serviceId: number }) {
  if (!(await spendSegmentsCurrent(tx))) return;
  await deriveSlo(tx, slo);
}

async function deriveSlo(tx: Tx, slo: { id: number; serviceId: number }) {
  await tx.delete(sloSpendSegments).where(eq(sloSpendSegments.sloId, slo.id));
  await insertSegments(tx, slo.id, sweepSegments(await sweepImpacts(tx, slo, -OPEN_END, OPEN_END), -OPEN_END, OPEN_END));
}

async function spendSegmentsCurrent(db: Reader): Promise<boolean> {
  const row = (await db.select({ value: settings.value }).from(settings).where(eq(settings.key, SPEND_SEGMENTS_KEY)))[0];
  return row?.value === JSON.stringify({ version: SPEND_SEGMENTS_VERSION });
}

/** Re-derives every SLO's segments and marks them current, in the caller's transaction; returns how many it wrote. */
export async function deriveAllSpend(tx: Tx): Promise<number> {
  await tx.delete(sloSpendSegments);
  // One pass over all links, rather than one query per SLO.
  const links = await tx
    .select({
      serviceId: incidentServices.serviceId,
      incidentId: incidentServices.incidentId,
      impact: incidentServices.impact,
      startedAt: incidents.startedAt,
      endedAt: impactEndSql,
    })
    .from(incidentServices)
    .innerJoin(incidents, eq(incidents.id, incidentServices.incidentId))
    .where(eq(incidents.drill, false));
  const byService = new Map<number, typeof links>();
  for (const l of links) {
    const list = byService.get(l.serviceId);
    if (list) list.push(l);
    else byService.set(l.serviceId, [l]);
  }
  const overridden = new Set(
    (await tx.select({ sloId: sloSpendOverrides.sloId, incidentId: sloSpendOverrides.incidentId }).from(sloSpendOverrides)).map(
      (o) => `${o.sloId}:${o.incidentId}`,
    ),
  );
  let written = 0;
  for (const slo of await tx.select({ id: slos.id, serviceId: slos.serviceId }).from(slos)) {
    const impacts = (byService.get(slo.serviceId) ?? [])
      .filter((l) => !overridden.has(`${slo.id}:${l.incidentId}`))
      .map((l) => ({ ...l, endedAt: l.endedAt === OPEN_END ? null : l.endedAt }));
    const segments = sweepSegments(impacts, -OPEN_END, OPEN_END);
    await insertSegments(tx, slo.id, segments);
    written += segments.length;
  }
  const value = JSON.stringify({ version: SPEND_SEGMENTS_VERSION });
  const now = Date.now();
  await tx
    .insert(settings)
    .values({ key: SPEND_SEGMENTS_KEY, value, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
  return written;
}

/** The backfill itself, in its own transaction (idempotent). */
export async function rebuildAllSpend(_db: Db): Promise<number> {
  return await transaction(async (tx) => deriveAllSpend(tx));
}

const checked = new WeakSet<object>();

/**
 * The backfill: derives the segments when this database has none of the current version
 * (a database from before they existed, or after the derivation changed). Runs at startup
 * and before the first budget read; after that, one flag check per call.
 */
export async function ensureSpendSegments(db: Db, log: (line: string) => void = console.log) {
  if (checked.has(db)) return;
  if (!(await spendSegmentsCurrent(db))) {
    const started = performance.now();
    const n = await rebuildAllSpend(db);
    log(`[hindsight] Derived SLO spend segments (${n} segments) in ${Math.round(performance.now() - started)} ms.`);
  }
  checked.add(db);
}
