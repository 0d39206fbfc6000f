import "server-only";
import type Database from "better-sqlite3";
import { sql, type SQL } from "drizzle-orm";
import { dialect } from "../../dialect";
import { rows } from "../../sql";
import type { Reader } from "./scope";

/**
 * Columns gathered by one statement: numbers (null → NaN), one Float64Array per column, and
 * texts, each column as one string of all rows' values ('' for null) separated by `;`.
 */
export type Collected = { n: number; numbers: Float64Array[]; texts: string[] };

type Rows = { n: number; width: number; values: Float64Array };
type Value = number | null;
/** At most this many numbers per row. */
const MAX_NUMBERS = 16;
/**
 * Shared through globalThis, not module scope: Next bundles this module once per route (pages,
 * route handlers, server actions) while they share one connection, and the aggregate registered
 * last must write where every copy reads.
 */
const shared = ((
  globalThis as unknown as { hindsightInsightsCollect?: { width: number; collected: Rows | null; registered: WeakSet<Database.Database> } }
).hindsightInsightsCollect ??= { width: 0, collected: null, registered: new WeakSet<Database.Database>() });

const fresh = (): Rows => ({ n: 0, width: shared.width, values: new Float64Array(shared.width * 4096) });

/**
 * insights_collect(numbers…): an aggregate that copies each row's numbers into one typed
 * array, row after row. Reading ~100,000 rows this way costs a fraction of returning them as
 * rows (no row objects); the texts of the same rows come from group_concat in the same
 * statement (one string, no string per row), and the figures are then computed in one pass.
 */
function register(sqlite: Database.Database) {
  if (shared.registered.has(sqlite)) return;
  sqlite.aggregate("insights_collect", {
    varargs: true,
    start: fresh,
    // Named parameters rather than a rest array: no array per row. The typings allow one argument.
    step: ((
      acc: Rows,
      v0: Value,
      v1: Value,
      v2: Value,
      v3: Value,
      v4: Value,
      v5: Value,
      v6: Value,
      v7: Value,
      v8: Value,
      v9: Value,
      v10: Value,
      v11: Value,
      v12: Value,
      v13: Value,
      v14: Value,
      v15: Value,
    ) => {
      const w = acc.width;
      let at = acc.n * w;
      if (at + w > acc.values.length) {
        const grown = new Float64Array(acc.values.length * 2);
        grown.set(acc.values);
        acc.values = grown;
      }
      const b = acc.values;
      acc.n++;
      // Unset trailing parameters are undefined and never written: each store stops at the width.
      b[at++] = v0 ?? NaN;
      if (w === 1) return acc;
      b[at++] = v1 ?? NaN;
      if (w === 2) return acc;
      b[at++] = v2 ?? NaN;
      if (w === 3) return acc;
      b[at++] = v3 ?? NaN;
      if (w === 4) return acc;
      b[at++] = v4 ?? NaN;
      if (w === 5) return acc;
      b[at++] = v5 ?? NaN;
      if (w === 6) return acc;
      b[at++] = v6 ?? NaN;
      if (w === 7) return acc;
      b[at++] = v7 ?? NaN;
      if (w === 8) return acc;
      b[at++] = v8 ?? NaN;
      if (w === 9) return acc;
      b[at++] = v9 ?? NaN;
      if (w === 10) return acc;
      b[at++] = v10 ?? NaN;
      if (w === 11) return acc;
      b[at++] = v11 ?? NaN;
      if (w === 12) return acc;
      b[at++] = v12 ?? NaN;
      if (w === 13) return acc;
      b[at++] = v13 ?? NaN;
      if (w === 14) return acc;
      b[at++] = v14 ?? NaN;
      if (w === 15) return acc;
      b[at] = v15 ?? NaN;
      return acc;
    }) as unknown as (acc: Rows) => Rows,
    result(acc: Rows) {
      shared.collected = acc;
      return acc.n;
    },
  });
  shared.registered.add(sqlite);
}

/**
 * Runs `SELECT insights_collect(numbers…), group_concat(text, ';')… <from>` and returns the
 * columns. One statement whatever the row count, on either engine (PostgreSQL: collectPg).
 */
export async function collect(db: Reader, numbers: SQL[], texts: SQL[], from: SQL): Promise<Collected> {
  if (!numbers.length || numbers.length > MAX_NUMBERS) throw new RangeError(`insights_collect takes 1 to ${MAX_NUMBERS} numbers`);
  if (dialect === "pg") return collectPg(db, numbers, texts, from);
  return collectSqlite(db, numbers, texts, from);
}

/** SQLite: the registered aggregate, run synchronously so no other collect() interleaves. */
function collectSqlite(db: Reader, numbers: SQL[], texts: SQL[], from: SQL): Collected {
  // On the connection `db` runs on (outside a transaction the read-only one, not the writer).
  register((db as unknown as { $client: Database.Database }).$client);
  shared.width = numbers.length;
  shared.collected = null;
  const joined = texts.map((text) => sql`coalesce(group_concat(coalesce(${text}, ''), ';'), '')`);
  const row = db.values<[number, ...string[]]>(sql`SELECT ${sql.join([sql`insights_collect(${sql.join(numbers, sql`, `)})`, ...joined], sql`, `)} ${from}`)[0]!;
  const got = shared.collected ?? fresh();
  shared.collected = null;
  const columns = numbers.map(() => new Float64Array(got.n));
  for (let c = 0; c < got.width; c++) {
    const column = columns[c]!;
    for (let r = 0, at = c; r < got.n; r++, at += got.width) column[r] = got.values[at]!;
  }
  return { n: got.n, numbers: columns, texts: row.slice(1) as string[] };
}

/**
 * PostgreSQL: the same single statement with string_agg. Each row's numbers travel as one
 * `a,b,c` text (concat writes NULL as ''), rows separated by `;`, and are parsed straight into
 * the typed arrays: no row objects, as on SQLite. All aggregates of the statement read the rows
 * in the same order, so row r of every column is the same row; count(*) tells no rows from one.
 */
async function collectPg(db: Reader, numbers: SQL[], texts: SQL[], from: SQL): Promise<Collected> {
  const perRow = sql.join(
    numbers.map((n) => sql`(${n})`),
    sql`, ',', `,
  );
  const joined = texts.map((text, k) => sql`coalesce(string_agg(coalesce(CAST(${text} AS text), ''), ';'), '') AS ${sql.raw(`t${k}`)}`);
  const row = (await rows<Record<string, string | number>>(
    sql`SELECT ${sql.join([sql`count(*) AS n`, sql`coalesce(string_agg(concat(${perRow}), ';'), '') AS v`, ...joined], sql`, `)} ${from}`,
    db,
  ))[0]!;
  const n = Number(row.n);
  return { n, numbers: parseNumbers(String(row.v), n, numbers.length), texts: texts.map((_, k) => String(row[`t${k}`])) };
}

/** Parses `n` rows of `width` comma-separated numbers ('' for null → NaN), rows separated by `;`. */
export function parseNumbers(text: string, n: number, width: number): Float64Array[] {
  const columns = Array.from({ length: width }, () => new Float64Array(n));
  let row = 0;
  let col = 0;
  let start = 0;
  for (let k = 0; k <= text.length && row < n; k++) {
    const c = k === text.length ? 59 : text.charCodeAt(k);
    if (c !== 44 && c !== 59) continue;
    columns[col]![row] = k === start ? NaN : integerOrNumber(text, start, k);
    start = k + 1;
    if (c === 44) col++;
    else {
      row++;
      col = 0;
    }
  }
  return columns;
}

/** The number text[from, to) spells: integers digit by digit, anything else (1.5, 1e+21) through Number. */
function integerOrNumber(text: string, from: number, to: number): number {
  let k = from;
  const negative = text.charCodeAt(k) === 45;
  if (negative) k++;
  let value = 0;
  for (; k < to; k++) {
    const d = text.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return Number(text.slice(from, to));
    value = value * 10 + d;
  }
  return negative ? -value : value;
}

/** Id lists of many rows in one flat array: row r's ids are ids[start[r]] … ids[start[r + 1] - 1]. */
export type IdLists = { start: Int32Array; ids: Int32Array };

/** Parses `n` rows' comma-separated ids, rows separated by `;` ('' for none), without an array per row. */
export function idLists(joined: string, n: number): IdLists {
  const digit = (c: number) => c >= 48 && c <= 57;
  let total = 0;
  // An id is counted at its first digit.
  for (let k = 0; k < joined.length; k++) if (digit(joined.charCodeAt(k)) && (k === 0 || !digit(joined.charCodeAt(k - 1)))) total++;
  const start = new Int32Array(n + 1);
  const ids = new Int32Array(total);
  let at = 0;
  let row = 0;
  let value = -1;
  for (let k = 0; n > 0 && k <= joined.length; k++) {
    const c = k === joined.length ? 59 : joined.charCodeAt(k);
    if (digit(c)) value = (value < 0 ? 0 : value * 10) + (c - 48);
    else {
      if (value >= 0) ids[at++] = value;
      value = -1;
      if (c === 59) start[++row] = at;
    }
  }
  return { start, ids };
}
