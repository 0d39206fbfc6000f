// A production server of its own for a spec that must not share state with the main test server
// (the generated bad-input suite) or that kills it (the durability test). It runs `npm start`'s
// script (scripts/start.mjs) on a temporary database, sharing the build the main server made,
// in its own process group so kill -9 takes the Next.js child with it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..");

/** The port for such a server: $envName when set, else one the OS reports free (see ports.ts). */
export { portFromEnv as spawnedPort } from "./ports";

export type SpawnedFixtures = { tokens: Record<"admin" | "responder" | "viewer", string> };

/** Test people and tokens in `dir` (scripts/e2e-fixtures.ts), as the main server has; `env`: e.g. the DATABASE_URL the servers will use. */
export function prepareDatabase(dir: string, env: Record<string, string> = {}): SpawnedFixtures {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "fixtures.json");
  if (!fs.existsSync(file)) {
    const result = spawnSync(
      process.execPath,
      [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", "scripts/e2e-fixtures.ts"],
      {
        cwd: root,
        env: { ...serverEnv(dir), ...env },
        encoding: "utf8",
      },
    );
    if (result.status !== 0) throw new Error(`e2e-fixtures failed: ${result.stderr || result.stdout}`);
  }
  return JSON.parse(fs.readFileSync(file, "utf8")) as SpawnedFixtures;
}

function serverEnv(dir: string, port?: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HINDSIGHT_E2E_DIR: dir, DATABASE_PATH: path.join(dir, "hindsight.db"), NEXT_TELEMETRY_DISABLED: "1" };
  if (port) env.PORT = String(port);
  // Its own auth secret beside its database, its own address.
  delete env.NEXTAUTH_SECRET;
  delete env.NEXTAUTH_URL;
  return env;
}

export class SpawnedServer {
  private child: ChildProcess | null = null;
  private output = "";
  readonly url: string;

  constructor(
    readonly dir: string,
    readonly port: number,
    /** More settings for this server (e.g. the webhook worker's timings). */
    readonly env: Record<string, string> = {},
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  get databasePath() {
    return path.join(this.dir, "hindsight.db");
  }

  /** Starts the server and waits for /api/health (fails with its output if it exits or takes over `timeoutMs`). */
  async start(timeoutMs = 90_000): Promise<void> {
    if (this.child) throw new Error("already started");
    if (await answers(`${this.url}/api/health`)) throw new Error(`port ${this.port} is already in use`);
    this.output = "";
    const child = spawn(process.execPath, ["scripts/start.mjs"], {
      cwd: root,
      env: { ...serverEnv(this.dir, this.port), ...this.env },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString("utf8")).slice(-20_000);
    };
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    let exited = false;
    child.once("exit", () => {
      exited = true;
    });
    const started = Date.now();
    while (!(await answers(`${this.url}/api/health`))) {
      if (exited) throw new Error(`the server exited before it was ready:\n${this.output}`);
      if (Date.now() - started > timeoutMs) throw new Error(`the server did not answer within ${timeoutMs / 1000} s:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** kill -9 of the whole process group: no shutdown hook, no checkpoint. */
  async kill9(): Promise<void> {
    await this.signal("SIGKILL", 10_000);
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    const child = this.child;
    if (!child) return;
    try {
      await this.signal("SIGTERM", graceMs);
    } catch {
      await this.signal("SIGKILL", 10_000);
    }
  }

  /** The last 20 kB the server printed, for failure messages. */
  get log(): string {
    return this.output;
  }

  private async signal(signal: NodeJS.Signals, waitMs: number): Promise<void> {
    const child = this.child;
    if (!child || child.pid === undefined) return;
    const exited =
      child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once("exit", () => resolve()));
    try {
      process.kill(-child.pid, signal);
    } catch {}
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`server did not exit on ${signal}`)), waitMs)))]).finally(
      () => clearTimeout(timer),
    );
    // The group may outlive its leader for a moment (next start's own child): wait until the port is free.
    const until = Date.now() + waitMs;
    while ((await answers(`${this.url}/api/health`)) && Date.now() < until) {
      try {
        process.kill(-child.pid, signal);
      } catch {}
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    this.child = null;
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return res.ok;
  } catch {
    return false;
  }
}
