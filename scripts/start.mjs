// npm start: build when there is no current production build, apply migrations, serve.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { checkDataFolderWritable, runStartupChecks } from "../db/ops/startup-checks.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const port = process.env.PORT || "3000";
const distDir = process.env.NEXT_DIST_DIR || ".next";
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

/** A hash of everything that goes into the build, so edits trigger a rebuild. */
function sourceHash() {
  const hash = createHash("sha256");
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!entry.name.endsWith(".test.ts")) hash.update(full).update(fs.readFileSync(full));
    }
  };
  for (const dir of ["app", "db", "lib", "server", "public"]) walk(dir);
  for (const file of [
    "package-lock.json",
    "next.config.js",
    "instrumentation.ts",
    "instrumentation-client.ts",
    "proxy.ts",
    "postcss.config.mjs",
    "tsconfig.json",
  ]) {
    if (fs.existsSync(file)) hash.update(file).update(fs.readFileSync(file));
  }
  return hash.digest("hex");
}

const stampFile = path.join(distDir, "hindsight-source-hash");
const wanted = sourceHash();
const current = fs.existsSync(path.join(distDir, "BUILD_ID")) && fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8") : null;
if (current !== wanted) {
  console.log("[hindsight] No current production build: building (this takes a minute or two)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) {
    console.error("[hindsight] Build failed; see the output above.");
    process.exit(build.status ?? 1);
  }
  // Hashed again after the build: next build may rewrite tsconfig.json.
  fs.writeFileSync(stampFile, sourceHash());
}

const dbFile = path.resolve(process.env.DATABASE_PATH || path.join("data", "hindsight.db"));
const pgUrl = /^postgres(ql)?:\/\//i.test(process.env.DATABASE_URL?.trim() ?? "") ? process.env.DATABASE_URL.trim() : null;
if (pgUrl) {
  // PostgreSQL: the data folder still holds the session secret and the first admin's password file.
  const { preparePgDatabase, describePgUrl } = await import("../db/ops/startup-checks-pg.mjs");
  try {
    checkDataFolderWritable(path.dirname(dbFile));
    await preparePgDatabase({ url: pgUrl, migrationsFolder: path.join(root, "db", "migrations-pg") });
  } catch (error) {
    console.error(`[hindsight] Not starting: ${error.message}`);
    process.exit(1);
  }
  console.log(`[hindsight] Database ready: PostgreSQL at ${describePgUrl(pgUrl)}`);
} else {
  try {
    runStartupChecks({ dbFile, migrationsFolder: path.join(root, "db", "migrations") });
  } catch (error) {
    console.error(`[hindsight] Not starting: ${error.message}`);
    process.exit(1);
  }
  const sqlite = new Database(dbFile);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  migrate(drizzle(sqlite), { migrationsFolder: path.join(root, "db", "migrations") });
  sqlite.close();
  console.log(`[hindsight] Database ready at ${dbFile}`);
}

const { startServer } = await import("./server.mjs");
process.env.DATABASE_PATH = dbFile;
process.env.NEXT_TELEMETRY_DISABLED = "1";
await startServer({ port: Number(port), dir: root }).catch((error) => {
  console.error(`[hindsight] The server did not start: ${error.message}`);
  process.exit(1);
});

const url = `http://localhost:${port}`;
const started = Date.now();
const poll = async () => {
  try {
    const res = await fetch(`${url}/api/health`);
    if (res.ok) {
      const passwordFile = path.join(path.dirname(dbFile), "initial-admin-password");
      console.log(`\n[hindsight] Hindsight is running at ${url}`);
      if (fs.existsSync(passwordFile)) {
        const email = fs.readFileSync(passwordFile, "utf8").split("\n")[0];
        console.log(`[hindsight] Sign in at ${url}/signin as ${email}; the password is in ${passwordFile}`);
      } else if (process.env.HINDSIGHT_ADMIN_EMAIL) {
        console.log(`[hindsight] Sign in at ${url}/signin as ${process.env.HINDSIGHT_ADMIN_EMAIL} with HINDSIGHT_ADMIN_PASSWORD`);
      } else {
        console.log(`[hindsight] Sign in at ${url}/signin with your account`);
      }
      return;
    }
  } catch {}
  if (Date.now() - started < 60_000) setTimeout(poll, 300);
};
setTimeout(poll, 300);
