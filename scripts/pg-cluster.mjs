// A throwaway PostgreSQL cluster in a temp directory, for tests, e2e runs and benchmarks.
//   node scripts/pg-cluster.mjs start        → prints {"url","dir","port","bin"} and leaves it running
//   node scripts/pg-cluster.mjs stop <dir>   → stops that cluster and deletes its directory
// Importable: `const cluster = await startCluster(); …; await cluster.stop();`
// initdb refuses to run as root, so as root every binary runs as the `postgres` user (runuser), which owns the dir.
// Durability is switched off (fsync, synchronous_commit, full_page_writes): the data is thrown away anyway.
import { execFile } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const MARKER = "hindsight-cluster.json";
const PORT_ATTEMPTS = 5;

/** The bin directory of the highest installed PostgreSQL (PG_BIN overrides), or null when there is none. */
export function findPgBin() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const debianRoot = "/usr/lib/postgresql";
  if (fs.existsSync(debianRoot)) {
    const versions = fs
      .readdirSync(debianRoot)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) candidates.push(path.join(debianRoot, version, "bin"));
  }
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) if (dir) candidates.push(dir);
  return candidates.find((dir) => fs.existsSync(path.join(dir, "initdb")) && fs.existsSync(path.join(dir, "pg_ctl"))) ?? null;
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** Runs a PostgreSQL binary, as the postgres user when we are root. */
async function pg(bin, tool, args, cwd) {
  const file = path.join(bin, tool);
  const [command, argv] = isRoot() ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
  try {
    return await run(command, argv, { cwd, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const output = `${error.stdout ?? ""}${error.stderr ?? ""}`.trim();
    throw new Error(`${tool} ${args.join(" ")} failed: ${output || error.message}`);
  }
}

async function userIds(name) {
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run("id", ["-u", name]), run("id", ["-g", name])]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function clusterSettings(dir) {
  return [
    "",
    "# hindsight throwaway cluster",
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = '${dir}'`,
    "max_connections = 300",
    "fsync = off",
    "synchronous_commit = off",
    "full_page_writes = off",
    "timezone = 'UTC'",
    "log_timezone = 'UTC'",
    "include_if_exists = 'port.conf'",
    "",
  ].join("\n");
}

async function startOnFreePort(bin, dir, data) {
  let lastError;
  for (let attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
    const port = await freePort();
    fs.writeFileSync(path.join(data, "port.conf"), `port = ${port}\n`);
    try {
      await pg(bin, "pg_ctl", ["-D", data, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "start"], dir);
      return port;
    } catch (error) {
      // Another process may have taken the port between our probe and the server's bind: try another.
      lastError = error;
      const log = fs.existsSync(path.join(dir, "server.log")) ? fs.readFileSync(path.join(dir, "server.log"), "utf8") : "";
      if (!/could not bind|address already in use/i.test(log)) break;
    }
  }
  throw lastError;
}

/**
 * Creates and starts a cluster: superuser `postgres`, trust authentication on 127.0.0.1 and the unix socket
 * (inside the cluster directory). Resolves to { url, dir, port, bin, stop() }.
 */
export async function startCluster({ bin = findPgBin() } = {}) {
  if (!bin) throw new Error("No PostgreSQL binaries found (looked in PG_BIN, /usr/lib/postgresql/<version>/bin and PATH).");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hindsight-pg-"));
  const data = path.join(dir, "data");
  try {
    if (isRoot()) {
      const { uid, gid } = await userIds("postgres");
      fs.chownSync(dir, uid, gid);
    }
    await pg(bin, "initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions"], dir);
    fs.appendFileSync(path.join(data, "postgresql.conf"), clusterSettings(dir));
    const port = await startOnFreePort(bin, dir, data);
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    const info = { url, dir, port, bin };
    fs.writeFileSync(path.join(dir, MARKER), JSON.stringify(info) + "\n");
    return { ...info, stop: () => stopCluster(dir) };
  } catch (error) {
    await stopCluster(dir).catch(() => {});
    throw error;
  }
}

/** Stops the cluster in `dir` (immediate shutdown: nothing is kept) and deletes the directory. */
export async function stopCluster(dir) {
  const resolved = path.resolve(dir);
  const data = path.join(resolved, "data");
  const markerFile = path.join(resolved, MARKER);
  if (!fs.existsSync(markerFile) && !fs.existsSync(path.join(data, "PG_VERSION"))) {
    if (!fs.existsSync(resolved)) return;
    throw new Error(`${resolved} is not a cluster made by pg-cluster.mjs; not deleting it.`);
  }
  const bin = fs.existsSync(markerFile) ? JSON.parse(fs.readFileSync(markerFile, "utf8")).bin : findPgBin();
  if (fs.existsSync(path.join(data, "postmaster.pid"))) {
    await pg(bin, "pg_ctl", ["-D", data, "-m", "immediate", "-w", "-t", "60", "stop"], resolved);
  }
  fs.rmSync(resolved, { recursive: true, force: true });
}

async function main(argv) {
  const [command, dir] = argv;
  if (command === "start") {
    const { stop: _stop, ...info } = await startCluster();
    console.log(JSON.stringify(info));
  } else if (command === "stop" && dir) {
    await stopCluster(dir);
  } else {
    console.error("usage: node scripts/pg-cluster.mjs start | stop <dir>");
    process.exitCode = 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`[pg-cluster] ${error.message}`);
    process.exitCode = 1;
  });
}
