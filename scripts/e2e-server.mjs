// The server Playwright tests run against: a production build on a fresh temporary database.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const dir = process.env.HINDSIGHT_E2E_DIR;
if (!dir) throw new Error("HINDSIGHT_E2E_DIR is not set");
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
const env = { ...process.env, DATABASE_PATH: path.join(dir, "hindsight.db") };
const fixtures = spawnSync(
  process.execPath,
  [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", "scripts/e2e-fixtures.ts"],
  { cwd: root, stdio: "inherit", env },
);
if (fixtures.status !== 0) process.exit(fixtures.status ?? 1);
const server = spawn(process.execPath, ["scripts/start.mjs"], { cwd: root, stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
