// Reads the bench checks make against a server's database (the event table, a service to declare on), on
// either engine: a read-only better-sqlite3 connection, or one node-postgres client. SQL with `?` placeholders,
// valid on both engines.
import Database from "better-sqlite3";
import pg from "pg";

export type BenchReader = {
  all: <T>(sql: string, ...params: unknown[]) => Promise<T[]>;
  get: <T>(sql: string, ...params: unknown[]) => Promise<T | undefined>;
  close: () => Promise<void>;
};

const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

export async function openBenchReader(target: { dbFile: string; databaseUrl?: string }): Promise<BenchReader> {
  if (target.databaseUrl) {
    const client = new pg.Client({ connectionString: target.databaseUrl, application_name: "hindsight bench reader" });
    await client.connect();
    // int8 as numbers (ids, epoch ms), as the app reads them.
    const parse = { getTypeParser: (oid: number, format?: string) => (oid === 20 ? Number : pg.types.getTypeParser(oid, format as "text")) };
    const all = async <T>(sql: string, ...params: unknown[]) =>
      (await client.query({ text: numbered(sql), values: params, types: parse as pg.CustomTypesConfig })).rows as T[];
    return { all, get: async <T>(sql: string, ...params: unknown[]) => (await all<T>(sql, ...params))[0], close: () => client.end() };
  }
  const db = new Database(target.dbFile, { readonly: true });
  return {
    all: async <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[],
    get: async <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T | undefined,
    close: async () => {
      db.close();
    },
  };
}
