// `npm run bench -- --pg`: the bench database copied into PostgreSQL with `npm run db:copy`'s code, on a
// throwaway cluster (scripts/pg-cluster.mjs) or, with BENCH_PG_URL, on a server you name (an admin URL:
// the bench creates its databases there and drops them after). Scratch databases for the parts that write
// are template copies of the bench database, as the SQLite parts write to file copies.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { copyDatabase } from "@/db/ops/copy/copy-database";
import { describeUrl } from "@/db/ops/copy/pg-target";
import { startCluster } from "../pg-cluster.mjs";

type Log = (line?: string) => void;

export type PgBench = {
  /** The bench database (a copy of the SQLite one). */
  url: string;
  /** What the bench database holds and how it was made, for the output. */
  describe: string;
  /** The PostgreSQL server's process id when it runs on this machine (CPU and RSS are read from /proc), else null. */
  postmasterPid: number | null;
  /** The throwaway cluster's server log (errors such as serialization failures are logged there), else null. */
  serverLog: string | null;
  /** A new database copied from the bench database (CREATE DATABASE … TEMPLATE); `drop` removes it. */
  scratch: (name: string) => Promise<{ url: string; drop: () => Promise<void> }>;
  /** Drops the bench's databases and stops the cluster it started. */
  close: () => Promise<void>;
};

const withDatabase = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

async function admin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, application_name: "hindsight bench" });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function dropDatabase(adminUrl: string, name: string) {
  await admin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`));
}

/** The postmaster's pid from its data directory, when the server runs here and we may read it. */
async function localPostmaster(adminUrl: string): Promise<number | null> {
  try {
    const dir = await admin(adminUrl, async (c) => (await c.query<{ data_directory: string }>("SHOW data_directory")).rows[0]!.data_directory);
    const pid = Number(fs.readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n")[0]);
    return Number.isInteger(pid) && fs.existsSync(`/proc/${pid}/stat`) ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Starts the cluster (unless BENCH_PG_URL), copies `sqliteFile` into a new database with db:copy's
 * copyDatabase (migrations, every table, counts and checksums compared), then ANALYZEs it.
 */
export async function preparePgBench(sqliteFile: string, log: Log): Promise<PgBench> {
  const given = process.env.BENCH_PG_URL;
  let stopCluster: (() => Promise<void>) | null = null;
  let serverLog: string | null = null;
  let adminUrl: string;
  if (given) {
    adminUrl = given;
    log(`[bench] PostgreSQL: ${describeUrl(given)} (BENCH_PG_URL; the bench creates its databases there and drops them after)`);
  } else {
    log("[bench] PostgreSQL: starting a throwaway cluster (scripts/pg-cluster.mjs)…");
    const cluster = await startCluster();
    stopCluster = cluster.stop;
    serverLog = path.join(cluster.dir, "server.log");
    adminUrl = cluster.url;
    // pg-cluster.mjs switches durability off for tests; the bench compares with SQLite at synchronous=FULL, so
    // it turns it back on: every commit is flushed to disk, as on a production server.
    await admin(adminUrl, async (c) => {
      for (const setting of ["fsync = on", "synchronous_commit = on", "full_page_writes = on"]) await c.query(`ALTER SYSTEM SET ${setting}`);
      await c.query("SELECT pg_reload_conf()");
    });
    log(`[bench] PostgreSQL cluster in ${cluster.dir} on port ${cluster.port} (fsync, synchronous_commit and full_page_writes on)`);
  }
  const databases: string[] = [];
  const prefix = `hindsight_bench_${process.pid}`;
  const close = async () => {
    for (const name of databases.reverse()) await dropDatabase(adminUrl, name).catch(() => {});
    if (stopCluster) {
      await stopCluster();
      log("[bench] PostgreSQL cluster stopped and removed");
    } else log(`[bench] PostgreSQL: dropped ${databases.join(", ")}`);
  };
  try {
    const version = await admin(adminUrl, async (c) => {
      await c.query(`CREATE DATABASE ${quote(prefix)} ENCODING 'UTF8' TEMPLATE template0`);
      return (await c.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
    });
    databases.push(prefix);
    const url = withDatabase(adminUrl, prefix);
    log(`[bench] PostgreSQL ${version}: copying ${sqliteFile} into database ${prefix} with npm run db:copy's code…`);
    const copied = await copyDatabase({ from: sqliteFile, to: url, onProgress: () => {} });
    const analyzeStart = Date.now();
    await admin(url, (c) => c.query("VACUUM (ANALYZE)"));
    const size = await admin(
      url,
      async (c) => (await c.query<{ size: string }>("SELECT pg_size_pretty(pg_database_size(current_database())) AS size")).rows[0]!.size,
    );
    const describe = `${copied.rows.toLocaleString("en-US")} rows in ${copied.tables.length} tables copied and checked in ${(copied.milliseconds / 1000).toFixed(1)} s, VACUUM ANALYZE ${((Date.now() - analyzeStart) / 1000).toFixed(1)} s; ${size}`;
    log(`[bench] PostgreSQL: ${describe}`);
    return {
      url,
      describe: `PostgreSQL ${version}, ${describe}`,
      postmasterPid: await localPostmaster(adminUrl),
      serverLog,
      scratch: async (name) => {
        const database = `${prefix}_${name.replace(/[^a-z0-9_]/gi, "_")}`;
        await admin(adminUrl, (c) => c.query(`CREATE DATABASE ${quote(database)} TEMPLATE ${quote(prefix)}`));
        databases.push(database);
        return {
          url: withDatabase(adminUrl, database),
          drop: async () => {
            await dropDatabase(adminUrl, database);
            databases.splice(databases.indexOf(database), 1);
          },
        };
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
