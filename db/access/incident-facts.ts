import "server-only";
import { eq, getTableColumns, sql, type SQL } from "drizzle-orm";
import { incidentFacts, incidentRoles, incidentServices, incidents, postmortemFactors, postmortems, type IncidentFacts } from "../schema";
import { pgProvider, type Db } from "../client";
import { dialect } from "../dialect";
import type { Writer } from "../types";
import { row, exec, rows } from "../sql";
import { transaction } from "../transaction";
import { boolAsInt, groupConcat, sqlBool } from "../dialect-sql";

/** Bits of incident_facts.reconstructed: the figure rests on a typed-in or backdated timestamp. */
export const RECONSTRUCTED_BITS = { detect: 1, acknowledge: 2, mitigate: 4, resolve: 8, impact: 16, resolved: 32 } as const;

const i = incidents;
// Conditions are booleans (both engines); bits and flags are stored as integers.
const rec = (source: SQL) => sql`(${source} IN ('manual', 'backdated'))`;
const started = rec(sql`${i.startedAtSource}`);
const impactEnd = sql`(CASE WHEN ${i.mitigatedAt} IS NOT NULL THEN ${rec(sql`${i.mitigatedAtSource}`)} WHEN ${i.resolvedAt} IS NOT NULL THEN ${rec(sql`${i.resolvedAtSource}`)} ELSE ${sqlBool(false)} END)`;
const bit = (on: SQL, value: number) => sql`(CASE WHEN ${on} THEN ${sql.raw(String(value))} ELSE 0 END)`;
const B = RECONSTRUCTED_BITS;
// Spelled out: drizzle's select builder renders columns of a one-table query unqualified, and a
// bare "id" inside the subqueries below would name the subquery's own table (postmortems.id).
const incidentId = sql.raw(`"incidents"."id"`);

/**
 * Each fact as SQL over `incidents`: the one definition both the per-write refresh and the
 * backfill use (DESIGN.md "Learning figures" for the durations and what is reconstructed).
 */
const FACTS: { [K in keyof IncidentFacts]: SQL } = {
  incidentId: sql`${i.id}`,
  startedAt: sql`${i.startedAt}`,
  declaredAt: sql`${i.declaredAt}`,
  severity: sql`${i.severity}`,
  drill: boolAsInt(i.drill),
  private: boolAsInt(i.private),
  detectMs: sql`${i.detectedAt} - ${i.startedAt}`,
  acknowledgeMs: sql`${i.acknowledgedAt} - ${i.declaredAt}`,
  mitigateMs: sql`${i.mitigatedAt} - ${i.startedAt}`,
  resolveMs: sql`${i.resolvedAt} - ${i.startedAt}`,
  reconstructed: sql`(${bit(sql`${started} OR ${rec(sql`${i.detectedAtSource}`)}`, B.detect)} | ${bit(rec(sql`${i.acknowledgedAtSource}`), B.acknowledge)}
    | ${bit(sql`${started} OR ${rec(sql`${i.mitigatedAtSource}`)}`, B.mitigate)} | ${bit(sql`${started} OR ${rec(sql`${i.resolvedAtSource}`)}`, B.resolve)}
    | ${bit(sql`${started} OR ${impactEnd}`, B.impact)} | ${bit(rec(sql`${i.resolvedAtSource}`), B.resolved)})`,
  resolvedAt: sql`${i.resolvedAt}`,
  impactEndAt: sql`COALESCE(${i.mitigatedAt}, ${i.resolvedAt})`,
  serviceIds: sql`COALESCE((SELECT ${groupConcat(sql`l.service_id`, ",", sql`l.service_id`)} FROM ${incidentServices} l WHERE l.incident_id = ${incidentId}), '')`,
  responderIds: sql`COALESCE((SELECT ${groupConcat(sql`r.user_id`, ",", sql`r.user_id`)} FROM (SELECT DISTINCT user_id FROM ${incidentRoles} WHERE incident_id = ${incidentId}) r), '')`,
  factorIds: sql`COALESCE((SELECT ${groupConcat(sql`pf.factor_id`, ",", sql`pf.factor_id`)} FROM ${postmortems} p
    JOIN ${postmortemFactors} pf ON pf.postmortem_id = p.id WHERE p.incident_id = ${incidentId}), '')`,
  postmortemStatus: sql`(SELECT p.status FROM ${postmortems} p WHERE p.incident_id = ${incidentId})`,
  postmortemPublishedAt: sql`(SELECT p.published_at FROM ${postmortems} p WHERE p.incident_id = ${incidentId})`,
};
const KEYS = Object.keys(FACTS) as (keyof IncidentFacts)[];
const COLUMN = getTableColumns(incidentFacts);

/** The facts of some incidents computed afresh from their rows (the reference the maintained table must equal). */
export async function computeIncidentFacts(db: Db, where: SQL = sql`1 = 1`): Promise<IncidentFacts[]> {
  return await rows<IncidentFacts>(
    sql`SELECT ${sql.join(
      KEYS.map((k) => sql`${FACTS[k]} AS ${sql.identifier(k)}`),
      sql`, `,
    )} FROM ${incidents} WHERE ${where} ORDER BY ${i.id}`,
    db,
  );
}

/**
 * Recomputes one incident's facts. Call it in the transaction of every write that changes
 * the incident, its roles, its service links or its postmortem (status, publication, factors).
 */
export async function refreshIncidentFacts(tx: Writer, incidentId: number): Promise<void> {
  const selection = Object.fromEntries(KEYS.map((k) => [k, FACTS[k]])) as Record<keyof IncidentFacts, SQL>;
  const row = (await tx.select(selection).from(incidents).where(eq(incidents.id, incidentId)))[0] as IncidentFacts | undefined;
  // A deleted incident takes its facts with it (ON DELETE CASCADE).
  if (!row) return;
  const { incidentId: _id, ...rest } = row;
  await tx.insert(incidentFacts).values(row).onConflictDoUpdate({ target: incidentFacts.incidentId, set: rest });
}

/**
 * Backfill: writes the facts of every incident matching `where` whose stored facts are
 * missing or differ, in one statement; returns how many rows it wrote. Idempotent.
 */
export async function reconcileIncidentFacts(db: Db, where: SQL = sql`1 = 1`): Promise<number> {
  const names = KEYS.map((k) => sql.identifier(COLUMN[k].name));
  const changed = KEYS.filter((k) => k !== "incidentId").map(
    (k) => sql`${incidentFacts}.${sql.identifier(COLUMN[k].name)} IS DISTINCT FROM excluded.${sql.identifier(COLUMN[k].name)}`,
  );
  return await exec(
    sql`INSERT INTO ${incidentFacts} (${sql.join(names, sql`, `)})
    SELECT ${sql.join(
      KEYS.map((k) => FACTS[k]),
      sql`, `,
    )} FROM ${incidents} WHERE ${where}
    ON CONFLICT (incident_id) DO UPDATE SET ${sql.join(
      KEYS.filter((k) => k !== "incidentId").map((k) => sql`${sql.identifier(COLUMN[k].name)} = excluded.${sql.identifier(COLUMN[k].name)}`),
      sql`, `,
    )}
    WHERE ${sql.join(changed, sql` OR `)}`,
    db,
  );
}

const reconciled = new WeakSet<object>();

/**
 * Which database `db` works on, for the once-per-database check: SQLite's writer connection
 * (the transaction object is that connection); PostgreSQL's process pool (each transaction is a
 * new object, but the pool is one per process and database).
 */
const databaseOf = (db: Db): object => (dialect === "pg" ? pgProvider() : db);

/**
 * Makes sure the facts exist before a report reads them: the first call on a database in this
 * process checks every incident (a database from before the table, or written by other means);
 * later calls only add incidents newer than the newest fact (an O(log n) probe). Logged when it writes.
 */
export async function ensureIncidentFacts(db: Db, log: (line: string) => void = console.log): Promise<void> {
  const database = databaseOf(db);
  if (!reconciled.has(database)) {
    const started = performance.now();
    const written = await transaction((tx) => reconcileIncidentFacts(tx));
    reconciled.add(database);
    if (written) log(`[hindsight] Incident facts: ${written} rows written in ${Math.round(performance.now() - started)} ms`);
    return;
  }
  const { newest, known } = (await row<{ newest: number | null; known: number | null }>(
    sql`SELECT (SELECT max(${i.id}) FROM ${incidents}) AS newest, (SELECT max(${incidentFacts.incidentId}) FROM ${incidentFacts}) AS known`,
    db,
  ))!;
  if (newest !== null && newest !== known) await transaction((tx) => reconcileIncidentFacts(tx, sql`${i.id} > ${known ?? 0}`));
}
