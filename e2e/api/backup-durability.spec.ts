// npm run backup while a production server takes writes, then npm run restore: every note the
// API acknowledged before the backup began is back after the restore. Its own server on
// a free port and its own temporary database; the production build in .next is shared.
import { expect, test } from "@playwright/test";
import { execFile, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "../support/ports";

const root = path.resolve(__dirname, "..", "..");
let base: string;
const execFileAsync = promisify(execFile);

let dir: string;
let env: NodeJS.ProcessEnv;
let server: ChildProcess | null = null;
let serverLog = "";

/** `npm run <script> -- …` against the test database; resolves with the exit code and output. */
async function npm(script: string, args: string[]) {
  try {
    const { stdout, stderr } = await execFileAsync("npm", ["run", "-s", script, "--", ...args], { cwd: root, env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

async function startServer() {
  serverLog = "";
  server = spawn(process.execPath, ["scripts/start.mjs"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout!.on("data", (d) => (serverLog += d));
  server.stderr!.on("data", (d) => (serverLog += d));
  const started = Date.now();
  while (Date.now() - started < 60_000) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}):\n${serverLog}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer within 60 s:\n${serverLog}`);
}

async function stopServer() {
  const child = server;
  server = null;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(force);
}

test.describe("backup and restore of a running server", () => {
  test.beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "hindsight-backup-e2e-"));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = { ...process.env, PORT: String(port), DATABASE_PATH: path.join(dir, "data", "hindsight.db"), NEXT_TELEMETRY_DISABLED: "1" };
    for (const name of ["NEXTAUTH_URL", "NEXTAUTH_SECRET", "BACKUP_DIR", "BACKUP_INTERVAL_HOURS", "BACKUP_KEEP"]) delete env[name];
  });

  test.afterAll(async () => {
    await stopServer();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("every note acknowledged before the backup began is there after the restore", async () => {
    test.setTimeout(150_000);
    const created = await npm("token", ["create", "--name", "durability", "--role", "responder"]);
    expect(created.code, created.stderr).toBe(0);
    const headers = { Authorization: `Bearer ${created.stdout.trimEnd().split("\n").at(-1)}`, "Content-Type": "application/json" };
    await startServer();

    const declared = await fetch(`${base}/api/v1/incidents`, {
      method: "POST",
      headers,
      body: JSON.stringify({ title: "Backup under load", severity: "SEV3" }),
    });
    expect(declared.status).toBe(201);
    const { reference } = (await declared.json()) as { reference: string };
    const timelineUrl = `${base}/api/v1/incidents/${reference}/timeline`;

    // Four writers add notes until told to stop; each note is recorded when its 201 arrives.
    const acked: { body: string; sentAt: number; ackedAt: number }[] = [];
    let writing = true;
    let n = 0;
    const writer = async () => {
      while (writing) {
        const body = `durable note ${++n}`;
        const sentAt = Date.now();
        const res = await fetch(timelineUrl, { method: "POST", headers, body: JSON.stringify({ body }) });
        if (res.status === 201) acked.push({ body, sentAt, ackedAt: Date.now() });
        else throw new Error(`note failed: ${res.status} ${await res.text()}`);
      }
    };
    const writers = Promise.all([writer(), writer(), writer(), writer()]);
    const until = async (done: () => boolean) => {
      while (!done()) await new Promise((r) => setTimeout(r, 50));
    };
    await until(() => acked.length >= 20);

    const backupFile = path.join(dir, "backup.db");
    const backupBegan = Date.now();
    const backup = await npm("backup", [backupFile]);
    const backupEnded = Date.now();
    await until(() => acked.filter((a) => a.sentAt > backupEnded).length >= 4);
    writing = false;
    await writers;
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain("integrity_check: ok");
    expect(backup.stdout).toMatch(/Contains 1 incidents, \d+ timeline entries/);
    expect(fs.statSync(backupFile).mode & 0o777).toBe(0o600);

    const before = acked.filter((a) => a.ackedAt < backupBegan).map((a) => a.body);
    const after = acked.filter((a) => a.sentAt > backupEnded).map((a) => a.body);
    console.log(`[backup-durability] ${acked.length} notes acknowledged: ${before.length} before the backup began, ${after.length} sent after it ended`);
    expect(before.length).toBeGreaterThanOrEqual(20);
    expect(after.length).toBeGreaterThanOrEqual(4);

    // Refused while the server has the database open; nothing is touched.
    const refused = await npm("restore", [backupFile]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Restore refused: A running process \(pid \d+\) has .*hindsight\.db open: stop the Hindsight server first/);

    await stopServer();
    const restored = await npm("restore", [backupFile]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/Kept the replaced database as .*hindsight\.db\.replaced-/);
    expect(fs.readdirSync(path.join(dir, "data")).some((f) => f.startsWith("hindsight.db.replaced-"))).toBe(true);

    await startServer();
    const res = await fetch(timelineUrl, { headers });
    expect(res.status).toBe(200);
    const bodies = new Set(((await res.json()) as { items: { body: string }[] }).items.map((i) => i.body));
    expect(before.filter((b) => !bodies.has(b))).toEqual([]);
    // The restore took effect: notes sent after the backup had finished are not in it.
    expect(after.filter((b) => bodies.has(b))).toEqual([]);
  });
});
