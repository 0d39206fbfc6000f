// db:copy against a throwaway PostgreSQL cluster (HINDSIGHT_TEST_PG_URL, else one started here);
// skipped when this machine has no PostgreSQL binaries.
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { postgresAvailable, queryPg as query, setUpCopyTest } from "@/db/testing/copy-cluster";
import { AWKWARD_TEXT, HIGHEST_INCIDENT_ID, LIVE_INCIDENTS } from "@/db/testing/copy-source";
import { rejected } from "@/db/testing/test-db";
import { copyDatabase, CopyMismatch, defaultMigrationsFolder } from "./copy-database";
import { CopyRefused } from "./copy-errors";
import { MIGRATION_LOCK_KEY, migrateTarget, nonEmptyTables } from "./pg-target";

describe.skipIf(!postgresAvailable)("npm run db:copy", { timeout: 120_000 }, () => {
  const ctx = setUpCopyTest("copy-test");
  const newDatabase = () => ctx.newDatabase();

  async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  const sqliteCount = (file: string, table: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  it("copies every table with equal counts and checksums, ids kept, booleans and numbers converted", async () => {
    const to = await newDatabase();
    const result = await copyDatabase({ from: ctx.source, to, batching: { rows: 3, chars: 1_000_000 } });
    expect(result.tables.filter((t) => !t.matches)).toEqual([]);
    for (const t of result.tables) {
      expect(t.source.rows, t.table).toBe(sqliteCount(ctx.source, t.table));
      expect(t.target.rows, t.table).toBe(t.source.rows);
      expect(t.source.checksum, t.table).toBe(t.target.checksum);
    }
    const counted = Object.fromEntries(result.tables.map((t) => [t.table, t.target.rows]));
    expect(counted).toMatchObject({ incidents: LIVE_INCIDENTS, timeline_entries: 3 * LIVE_INCIDENTS, users: 2, idempotency_keys: 2, settings: 1 });
    expect(result.rows).toBe(result.tables.reduce((sum, t) => sum + t.source.rows, 0));

    const incidents = await query<{ id: string; title: string; private: boolean; drill: boolean; started_at: string }>(
      to,
      "SELECT id, title, private, drill, started_at FROM incidents ORDER BY id",
    );
    expect(incidents.map((i) => [Number(i.id), i.private, i.drill])).toEqual([
      [1, false, false],
      [2, false, true],
      [3, true, false],
      [4, false, false],
    ]);
    expect(incidents[0]!.title).toBe(`Incident 1: ${AWKWARD_TEXT}`);
    expect(incidents[0]!.started_at).toBe("1764000000001");
    const [slo] = await query<{ objective: number }>(to, "SELECT objective FROM slos WHERE id = 1");
    expect(slo!.objective).toBe(99.95);
    const keys = await query<{ actor_key: string; key: string }>(to, "SELECT actor_key, key FROM idempotency_keys ORDER BY actor_key");
    expect(keys).toEqual([
      { actor_key: "token:1", key: "déclare-1" },
      { actor_key: "user:1", key: "Z" },
    ]);
  });

  it("continues every identity past the highest id SQLite handed out, deleted rows included", async () => {
    const to = await newDatabase();
    const { identities } = await copyDatabase({ from: ctx.source, to });
    expect(identities).toContainEqual({ table: "incidents", column: "id", next: String(HIGHEST_INCIDENT_ID + 1) });
    const [incident] = await query<{ id: string }>(
      to,
      "INSERT INTO incidents (title, severity, status, started_at, started_at_source, declared_at, updated_at) VALUES ('new', 'SEV3', 'investigating', 1, 'manual', 1, 1) RETURNING id",
    );
    expect(Number(incident!.id)).toBe(HIGHEST_INCIDENT_ID + 1);
    const [entry] = await query<{ id: string }>(
      to,
      "INSERT INTO timeline_entries (incident_id, occurred_at, kind, body, author_label, created_at) VALUES (1, 1, 'note', 'x', 'x', 1) RETURNING id",
    );
    expect(Number(entry!.id)).toBe(3 * LIVE_INCIDENTS + 1);
  });

  it("applies the migrations under the app's advisory lock: waits while another process holds it", async () => {
    const to = await newDatabase();
    const starting = new pg.Client({ connectionString: to });
    await starting.connect();
    await starting.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    const copy = copyDatabase({ from: ctx.source, to });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await query(to, "SELECT 1 FROM pg_tables WHERE tablename = 'incidents'")).toEqual([]);
    await starting.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    await starting.end();
    expect((await copy).tables.every((t) => t.matches)).toBe(true);
  });

  it("refuses a target that already holds rows, before writing anything", async () => {
    const to = await newDatabase();
    await copyDatabase({ from: ctx.source, to });
    const again = await rejected(() => copyDatabase({ from: ctx.source, to }));
    expect(again).toBeInstanceOf(CopyRefused);
    expect(again.message).toMatch(/already holds rows \(in .*incidents/);
    expect(await query(to, "SELECT 1 FROM incidents")).toHaveLength(LIVE_INCIDENTS);

    const other = await newDatabase();
    await query(other, "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('keep me')");
    expect((await rejected(() => copyDatabase({ from: ctx.source, to: other }))).message).toMatch(/already holds rows \(in notes\)/);
    // Refused before migrating: no Hindsight table was created.
    expect(await query(other, "SELECT 1 FROM pg_tables WHERE tablename = 'incidents'")).toEqual([]);
  });

  it("refuses a missing, non-SQLite, non-Hindsight or outdated source and a URL that is not PostgreSQL", async () => {
    const to = await newDatabase();
    const refusal = async (from: string, url = to) => {
      const error = await rejected(() => copyDatabase({ from, to: url }));
      expect(error).toBeInstanceOf(CopyRefused);
      return error.message as string;
    };
    expect(await refusal(path.join(ctx.dir, "missing.db"))).toMatch(/^--from: there is no file at .*missing\.db$/);
    fs.writeFileSync(path.join(ctx.dir, "notes.txt"), "not a database at all, just some text that is long enough to have a header".repeat(20));
    expect(await refusal(path.join(ctx.dir, "notes.txt"))).toMatch(/is not a SQLite database/);
    const other = new Database(path.join(ctx.dir, "other.db"));
    other.exec("CREATE TABLE things (id INTEGER PRIMARY KEY)");
    other.close();
    expect(await refusal(path.join(ctx.dir, "other.db"))).toMatch(/not a Hindsight database \(missing tables: __drizzle_migrations, users/);
    const outdated = path.join(ctx.dir, "outdated.db");
    fs.copyFileSync(ctx.source, outdated);
    const db = new Database(outdated);
    db.exec("DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)");
    db.close();
    expect(await refusal(outdated)).toMatch(/from an older version of Hindsight\. Start this version on it once/);
    expect(await refusal(ctx.source, "mysql://root@127.0.0.1/hindsight")).toMatch(/^--to: .* is not a PostgreSQL URL/);
    expect(await refusal(ctx.source, "data/hindsight.db")).toMatch(/^--to: not a URL/);
    expect(await refusal(ctx.source, "postgres://127.0.0.1:1/hindsight")).toMatch(/^--to: cannot connect to/);
    expect(await query(to, "SELECT 1 FROM pg_tables WHERE schemaname = 'public'")).toEqual([]);
  });

  it("refuses a value PostgreSQL cannot hold, naming table, column and row, and keeps nothing", async () => {
    const odd = path.join(ctx.dir, "odd.db");
    fs.copyFileSync(ctx.source, odd);
    const db = new Database(odd);
    db.exec("UPDATE incidents SET private = 2 WHERE id = 3");
    db.close();
    const to = await newDatabase();
    const error = await rejected(() => copyDatabase({ from: odd, to }));
    expect(error).toBeInstanceOf(CopyRefused);
    expect(error.message).toBe("incidents.private in the row with id 3: 2 (integer) is not a boolean (0 or 1) (column type boolean)");
    await withClient(to, async (client) => expect(await nonEmptyTables(client)).toEqual([]));
  });

  it("copies one snapshot: what a running server writes meanwhile is not in the copy, and the copy still matches", async () => {
    const live = path.join(ctx.dir, "live.db");
    fs.copyFileSync(ctx.source, live);
    const writer = new Database(live);
    writer.pragma("journal_mode = WAL");
    const to = await newDatabase();
    let wrote = false;
    const result = await copyDatabase({
      from: live,
      to,
      onProgress: (line) => {
        // After the first table is copied, a "server" adds a user and a note to tables not yet copied or already copied.
        if (wrote || !line.startsWith("Copied ")) return;
        writer.exec("INSERT INTO users (email, name, password_hash, role, created_at, updated_at) VALUES ('late@example.test', 'Late', 'h', 'viewer', 1, 1)");
        writer.exec("INSERT INTO timeline_entries (incident_id, occurred_at, kind, body, author_label, created_at) VALUES (1, 1, 'note', 'late', 'x', 1)");
        wrote = true;
      },
    });
    writer.close();
    expect(wrote).toBe(true);
    expect(result.tables.every((t) => t.matches)).toBe(true);
    const counted = Object.fromEntries(result.tables.map((t) => [t.table, t.target.rows]));
    expect(counted).toMatchObject({ users: 2, timeline_entries: 3 * LIVE_INCIDENTS });
    expect(sqliteCount(live, "users")).toBe(3);
  });

  it("reports a row changed on the way as a mismatch and keeps nothing", async () => {
    const to = await newDatabase();
    await withClient(to, async (client) => {
      await migrateTarget(client, defaultMigrationsFolder());
      // Corrupts one row as it is written, as a faulty driver or trigger would.
      await client.query(`
        CREATE FUNCTION corrupt() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.body := NEW.body || ' (changed)'; RETURN NEW; END $$;
        CREATE TRIGGER corrupt BEFORE INSERT ON timeline_entries FOR EACH ROW WHEN (NEW.id = 2) EXECUTE FUNCTION corrupt();`);
    });
    const error = await rejected(() => copyDatabase({ from: ctx.source, to }));
    expect(error).toBeInstanceOf(CopyMismatch);
    expect(error.message).toBe("the copy does not match the source in 1 table (timeline_entries)");
    const bad = (error as CopyMismatch).tables.filter((t) => !t.matches);
    expect(bad).toHaveLength(1);
    expect(bad[0]!.source.rows).toBe(bad[0]!.target.rows);
    expect(bad[0]!.source.checksum).not.toBe(bad[0]!.target.checksum);
    await withClient(to, async (client) => expect(await nonEmptyTables(client)).toEqual([]));
    // The identity restarts were never committed either.
    const [row] = await query<{ id: string }>(to, "INSERT INTO teams (name, created_at, updated_at) VALUES ('t', 1, 1) RETURNING id");
    expect(Number(row!.id)).toBe(1);
  });

  it("fills references to later rows of the same table after every row is in, and copies jsonb, float and bytea", async () => {
    const tree = path.join(ctx.dir, "tree.db");
    fs.copyFileSync(ctx.source, tree);
    const db = new Database(tree);
    db.exec(`CREATE TABLE copy_tree (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES copy_tree (id), doc TEXT, ratio REAL, data BLOB);
      INSERT INTO copy_tree VALUES (1, 3, '{"b": 1, "a": [1, 2.50, "x"]}', 0.1, x'00ff'), (2, NULL, NULL, NULL, NULL), (3, 1, '{}', 1e100, x'');`);
    db.close();
    const to = await newDatabase();
    await withClient(to, async (client) => {
      await migrateTarget(client, defaultMigrationsFolder());
      await client.query(
        "CREATE TABLE copy_tree (id bigint PRIMARY KEY, parent_id bigint REFERENCES copy_tree (id), doc jsonb, ratio double precision, data bytea)",
      );
    });
    // One row per statement: PostgreSQL checks a foreign key at the end of each statement.
    const result = await copyDatabase({ from: tree, to, batching: { rows: 1, chars: 1_000_000 } });
    expect(result.tables.find((t) => t.table === "copy_tree")).toMatchObject({ source: { rows: 3 }, matches: true });
    const rows = await query<{ id: string; parent_id: string | null; doc: unknown; ratio: number | null; data: Buffer | null }>(
      to,
      "SELECT id, parent_id, doc, ratio, data FROM copy_tree ORDER BY id",
    );
    expect(rows.map((r) => [Number(r.id), r.parent_id && Number(r.parent_id), r.doc, r.ratio, r.data && [...r.data]])).toEqual([
      [1, 3, { a: [1, 2.5, "x"], b: 1 }, 0.1, [0, 255]],
      [2, null, null, null, null],
      [3, 1, {}, 1e100, []],
    ]);
  });
});
