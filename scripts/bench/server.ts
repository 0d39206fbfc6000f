// Starts the production server (scripts/start.mjs builds when stale) against the bench
// database, signs in over HTTP and times pages; always stops the server it started.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export type BenchServer = { url: string; port: number; pid: number; logFile: string; stop: () => Promise<void> };

/** The first port from `start` nobody listens on (IPv4 and IPv6). */
export async function findFreePort(start: number, attempts = 20): Promise<number> {
  const free = (port: number, host: string) =>
    new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "EAFNOSUPPORT" || error.code === "EADDRNOTAVAIL"));
      probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
    });
  for (let port = start; port < start + attempts; port++) {
    if ((await free(port, "0.0.0.0")) && (await free(port, "::"))) return port;
  }
  throw new Error(`No free port in ${start}–${start + attempts - 1}`);
}

const live = new Set<ChildProcess>();

/** Ends the process group of every server still running (on Ctrl-C, errors and exit). */
function killAll(signal: NodeJS.Signals) {
  for (const child of live) {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  }
}
process.on("exit", () => killAll("SIGKILL"));

/**
 * While a server runs, Ctrl-C (and SIGTERM/SIGHUP) stop it before the bench exits. Installed
 * only then, so Ctrl-C during the in-process timings keeps its default (immediate) effect.
 */
function onSignal(signal: NodeJS.Signals) {
  console.error(`\n[bench] ${signal}: stopping the server`);
  killAll("SIGTERM");
  const deadline = Date.now() + 5000;
  setInterval(() => {
    const gone = [...live].every((c) => c.exitCode !== null || c.signalCode !== null);
    if (gone || Date.now() > deadline) {
      killAll("SIGKILL");
      process.exit(130);
    }
  }, 100);
}
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const watchSignals = (on: boolean) => SIGNALS.forEach((s) => (on ? process.on(s, onSignal) : process.off(s, onSignal)));

/**
 * Runs `node scripts/start.mjs` in its own process group (so next start, its child, is stopped
 * with it), writes its output to `logFile`, and waits for /api/health (a build can take minutes).
 */
export async function startServer(opts: {
  root: string;
  dbFile: string;
  /** postgres://…: the server runs on PostgreSQL (dbFile then only holds what scripts/start.mjs opens itself). */
  databaseUrl?: string;
  port: number;
  distDir: string;
  logFile: string;
  timeoutMs?: number;
}): Promise<BenchServer> {
  const url = `http://localhost:${opts.port}`;
  const log = fs.openSync(opts.logFile, "w");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_PATH: opts.dbFile,
    PORT: String(opts.port),
    NEXT_DIST_DIR: opts.distDir,
    NEXTAUTH_URL: url,
    NEXT_TELEMETRY_DISABLED: "1",
    // Serves /bench-floor, the framework floor the page figures are compared with.
    HINDSIGHT_BENCH_FLOOR: "1",
  };
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  else delete env.DATABASE_URL;
  // The bench admin exists in the generated database; no first-run admin is wanted.
  delete env.HINDSIGHT_ADMIN_EMAIL;
  delete env.HINDSIGHT_ADMIN_PASSWORD;
  const child = spawn(process.execPath, [path.join(opts.root, "scripts", "start.mjs")], { cwd: opts.root, env, detached: true, stdio: ["ignore", log, log] });
  fs.closeSync(log);
  live.add(child);
  watchSignals(true);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => {
    live.delete(child);
    if (live.size === 0) watchSignals(false);
  });

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // Already gone.
      }
    }, 10_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + (opts.timeoutMs ?? 20 * 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The server exited (${child.exitCode ?? child.signalCode}) before it was ready; see ${opts.logFile}:\n${tail(opts.logFile)}`);
    }
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return { url, port: opts.port, pid: child.pid!, logFile: opts.logFile, stop };
    } catch {
      // Not listening yet (building, or starting).
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`The server was not ready within ${Math.round((opts.timeoutMs ?? 20 * 60_000) / 60_000)} minutes; see ${opts.logFile}`);
}

export function tail(file: string, lines = 20): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

/** Cookies from Set-Cookie headers as name → value. */
function cookiesOf(res: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const at = pair!.indexOf("=");
    if (at > 0) jar.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
  }
  return jar;
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Signs in with the next-auth credentials flow; returns the Cookie header of the session. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${url}/api/auth/csrf`);
  if (!csrfRes.ok) throw new Error(`GET /api/auth/csrf: ${csrfRes.status}`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${url}/incidents`, json: "true" }),
  });
  await res.arrayBuffer();
  for (const [k, v] of cookiesOf(res)) jar.set(k, v);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) {
    throw new Error(`Sign-in as ${email} failed (status ${res.status}, no session cookie)`);
  }
  const cookie = cookieHeader(jar);
  const session = (await (await fetch(`${url}/api/auth/session`, { headers: { Cookie: cookie } })).json()) as { user?: { email?: string } };
  if (session.user?.email !== email) throw new Error(`Signed in, but the session is not ${email}`);
  return cookie;
}

/** One GET, read to the end: time to first byte and total, in ms. Throws unless 200. */
export async function timedGet(url: string, cookie: string): Promise<{ ttfb: number; total: number; bytes: number }> {
  const start = performance.now();
  const res = await fetch(url, { headers: { Cookie: cookie }, redirect: "manual" });
  const ttfb = performance.now() - start;
  const body = await res.arrayBuffer();
  const total = performance.now() - start;
  if (res.status !== 200) {
    const text = Buffer.from(body).toString("utf8").slice(0, 300);
    throw new Error(`GET ${url}: ${res.status}${res.headers.get("location") ? ` → ${res.headers.get("location")}` : ""} ${text}`);
  }
  return { ttfb, total, bytes: body.byteLength };
}
