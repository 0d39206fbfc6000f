import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { dialect } from "./dialect";

// SQL fragments that differ between SQLite and PostgreSQL. Everything else in the queries is
// written once in the SQL both engines accept (CASE instead of boolean arithmetic, COALESCE, …).

const pg = () => dialect === "pg";

/** A boolean literal: SQLite stores 0/1, PostgreSQL has booleans (and better-sqlite3 cannot bind JS booleans). */
export const sqlBool = (value: boolean): SQL => sql.raw(pg() ? String(value) : value ? "1" : "0");

/** `column = true/false` for a boolean column in raw SQL. */
export const isTrue = (column: SQLWrapper): SQL => sql`${column} = ${sqlBool(true)}`;
export const isFalse = (column: SQLWrapper): SQL => sql`${column} = ${sqlBool(false)}`;

/** A boolean column as 0/1 (to sum or to store in an integer column). */
export const boolAsInt = (column: SQLWrapper): SQL => sql`(CASE WHEN ${column} THEN 1 ELSE 0 END)`;

/** How many rows of the group meet `condition` (0 for none): SQLite sums booleans, PostgreSQL cannot. */
export const countWhere = (condition: SQLWrapper): SQL => sql`COALESCE(SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END), 0)`;

/** Case-insensitive LIKE with `\` as the escape character (SQLite's LIKE already ignores ASCII case). */
export const likeInsensitive = (column: SQLWrapper, pattern: string): SQL =>
  pg() ? sql`${column} ILIKE ${pattern} ESCAPE '\\'` : sql`${column} LIKE ${pattern} ESCAPE '\\'`;

/** Joins the group's values with `separator`, in `orderBy` order when given (NULLs are skipped on both). */
export function groupConcat(value: SQLWrapper, separator: string, orderBy?: SQLWrapper): SQL {
  const order = orderBy ? sql` ORDER BY ${orderBy}` : sql``;
  return pg() ? sql`string_agg(CAST(${value} AS text), ${separator}${order})` : sql`group_concat(${value}, ${separator}${order})`;
}

/** The text at `$.field` of a JSON text column (null when absent). */
export const jsonField = (column: SQLWrapper, field: string): SQL =>
  pg() ? sql`(CAST(${column} AS jsonb) ->> ${field})` : sql`json_extract(${column}, ${`$.${field}`})`;

/** The larger / smaller of two values; NULL when either is NULL (SQLite's two-argument max/min). */
export const greatestOf = (a: SQLWrapper, b: SQLWrapper): SQL =>
  pg() ? sql`(CASE WHEN ${a} IS NULL OR ${b} IS NULL THEN NULL ELSE GREATEST(${a}, ${b}) END)` : sql`max(${a}, ${b})`;
export const leastOf = (a: SQLWrapper, b: SQLWrapper): SQL =>
  pg() ? sql`(CASE WHEN ${a} IS NULL OR ${b} IS NULL THEN NULL ELSE LEAST(${a}, ${b}) END)` : sql`min(${a}, ${b})`;

/** Sum as a float, 0.0 for no rows (SQLite's total()). */
export const totalOf = (value: SQLWrapper): SQL => (pg() ? sql`COALESCE(SUM(${value}), 0)::double precision` : sql`total(${value})`);

/** 'YYYY-MM-DD' (UTC) of an epoch-milliseconds expression. */
export const utcDateOfMs = (ms: SQLWrapper): SQL =>
  pg() ? sql`to_char(to_timestamp((${ms}) / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD')` : sql`date((${ms}) / 1000, 'unixepoch')`;

/** 'YYYY-MM-01' (UTC) of an epoch-milliseconds expression: the first day of its month. */
export const utcMonthOfMs = (ms: SQLWrapper): SQL =>
  pg() ? sql`to_char(to_timestamp((${ms}) / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-01')` : sql`strftime('%Y-%m-01', (${ms}) / 1000, 'unixepoch')`;

/** 'YYYY-MM-DD' (UTC) of an epoch-seconds expression. */
export const utcDateOfSeconds = (seconds: SQLWrapper): SQL =>
  pg() ? sql`to_char(to_timestamp(${seconds}) AT TIME ZONE 'UTC', 'YYYY-MM-DD')` : sql`date(${seconds}, 'unixepoch')`;

/** The current time in epoch milliseconds, read by the database. */
export const nowMs = (): SQL => (pg() ? sql`CAST(floor(extract(epoch FROM clock_timestamp()) * 1000) AS bigint)` : sql`CAST(unixepoch('subsec') * 1000 AS INTEGER)`);

/**
 * PostgreSQL: locks the selected rows for the rest of the transaction (`FOR UPDATE`, optionally
 * skipping rows another transaction holds). SQLite's single writer needs no row locks: unchanged.
 */
export function forUpdate<Q>(query: Q, options: { skipLocked?: boolean; of?: unknown } = {}): Q {
  if (!pg()) return query;
  const config = { ...(options.skipLocked ? { skipLocked: true } : {}), ...(options.of ? { of: options.of } : {}) };
  return (query as unknown as { for: (strength: "update", config: object) => Q }).for("update", config);
}

/** SQLite's `+column` planner hint (don't use an index on it); PostgreSQL has no unary + for text and needs no hint. */
export const noIndex = (column: SQLWrapper): SQL => (pg() ? sql`${column}` : sql`+${column}`);
