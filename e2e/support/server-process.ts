// Starts `npm start` (scripts/start.mjs) on its own port and temporary database, keeping what it prints.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./ports";

const root = path.resolve(__dirname, "..", "..");

export type LogEntry = Record<string, unknown> & { level: string; msg: string; requestId?: string };

export type ServerProcess = {
  child: ChildProcess;
  /** A free port picked for this server (see ports.ts). */
  port: number;
  url: string;
  dir: string;
  dbFile: string;
  /** Everything printed so far (stdout and stderr). */
  output: () => string;
  /** The JSON log lines printed so far. */
  logs: () => LogEntry[];
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
};

/** Makes a temporary data folder with a migrated database and an admin API token; returns both. */
export function prepareDatabase(): { dir: string; dbFile: string; token: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hindsight-ops-"));
  const dbFile = path.join(dir, "hindsight.db");
  const created = spawnSync(
    process.execPath,
    [
      path.join(root, "node_modules", "tsx", "dist", "cli.mjs"),
      "--conditions=react-server",
      "scripts/token.ts",
      "create",
      "--name",
      "ops spec",
      "--role",
      "admin",
    ],
    { cwd: root, env: { ...process.env, DATABASE_PATH: dbFile }, encoding: "utf8" },
  );
  if (created.status !== 0) throw new Error(`token create failed: ${created.stderr}`);
  const token = created.stdout.trim().split("\n").at(-1)!;
  return { dir, dbFile, token };
}

export async function startServer({ dbFile, env = {} }: { dbFile: string; env?: Record<string, string> }): Promise<ServerProcess> {
  const clean = { ...process.env };
  const port = await freePort();
  for (const key of ["METRICS_TOKEN", "METRICS_PORT", "METRICS_HOST", "NEXTAUTH_URL", "NEXTAUTH_SECRET", "HINDSIGHT_ADMIN_EMAIL", "HINDSIGHT_ADMIN_PASSWORD"])
    delete clean[key];
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    env: { ...clean, PORT: String(port), DATABASE_PATH: dbFile, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout!.on("data", (chunk) => (text += chunk));
  child.stderr!.on("data", (chunk) => (text += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    child,
    port,
    url,
    dir: path.dirname(dbFile),
    dbFile,
    output: () => text,
    logs: () =>
      text
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as LogEntry),
    exited,
  };
  let gone = false;
  void exited.then(() => (gone = true));
  const started = Date.now();
  while (Date.now() - started < 120_000) {
    if (gone) throw new Error(`the server exited before it was ready:\n${text}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return server;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGKILL");
  throw new Error(`the server did not answer within 120 s:\n${text}`);
}

/** Stops a server still running (used in afterAll, whatever the test did). */
export async function killServer(server: ServerProcess | undefined) {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill("SIGKILL");
  await server.exited;
}
