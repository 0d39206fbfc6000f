// The servers Playwright tests run against, both production builds on fresh temporary databases:
// - the main server (PORT) on $HINDSIGHT_E2E_DIR/hindsight.db with the test people and tokens;
// - the demo server (E2E_DEMO_PORT, default PORT + 1) on $HINDSIGHT_E2E_DIR/demo/hindsight.db with
//   the same test people and tokens (demo/fixtures.json) plus the demo data, for the insights tests.
// Each keeps its data files (auth secret, first-admin password) beside its own database.
// The demo server starts first (building when the build is stale); the main server starts once
// the demo one answers /api/health, so Playwright's check of the main server means both are up.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const dir = process.env.HINDSIGHT_E2E_DIR;
if (!dir) throw new Error("HINDSIGHT_E2E_DIR is not set");
const port = Number(process.env.PORT || 3000);
const demoPort = Number(process.env.E2E_DEMO_PORT || port + 1);
const demoDir = path.join(dir, "demo");
const begun = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const log = (line) => console.log(`[e2e] ${line}`);

fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(demoDir, { recursive: true });

// Access lines for every request would drown Playwright's output: warnings and errors only.
process.env.LOG_LEVEL ??= "warn";
// The main server trusts one proxy hop, so specs can stand for clients at other addresses with
// X-Forwarded-For; the demo server keeps the default (socket address only).
const mainEnv = { ...process.env, PORT: String(port), DATABASE_PATH: path.join(dir, "hindsight.db"), METRICS_TOKEN: "e2e-metrics-token", TRUST_PROXY: "1" };
const demoEnv = { ...process.env, PORT: String(demoPort), HINDSIGHT_E2E_DIR: demoDir, DATABASE_PATH: path.join(demoDir, "hindsight.db"), TRUST_PROXY: "" };
// The demo server signs its own sessions (demo/auth-secret) and answers on its own address.
delete demoEnv.NEXTAUTH_SECRET;
delete demoEnv.NEXTAUTH_URL;

const children = new Set();
let stopping = false;

function spawnChild(args, env) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: "inherit", env });
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

/** Stops every child (signal first, SIGKILL after 10 s), then exits with `code`. */
function stop(code, signal = "SIGTERM") {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill(signal);
  const done = () => process.exit(code);
  if (!children.size) return done();
  const force = setTimeout(() => {
    for (const child of children) child.kill("SIGKILL");
    done();
  }, 10_000);
  force.unref();
  const check = () => {
    if (!children.size) {
      clearTimeout(force);
      done();
    }
  };
  for (const child of children) child.on("exit", check);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => stop(0, signal));

/** Runs a script to completion; rejects when it fails. */
function run(label, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawnChild(args, env);
    child.on("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`${label} failed (${signal ?? `exit ${code}`})`))));
  });
}

const tsx = (script) => [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", script];

/** Whether something already listens on the port (on localhost, IPv4 or IPv6). */
async function inUse(p) {
  const probe = (host) =>
    new Promise((resolve) => {
      const socket = net.connect({ port: p, host });
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
  return (await probe("127.0.0.1")) || (await probe("::1"));
}

/** Waits until the server answers /api/health; fails if it exits first or takes too long. */
function waitForHealth(label, server, url, timeoutMs) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let exited = false;
    server.once("exit", (code, signal) => {
      exited = true;
      reject(new Error(`the ${label} exited before it was ready (${signal ?? `exit ${code}`})`));
    });
    const poll = async () => {
      if (exited) return;
      try {
        const res = await fetch(url);
        if (res.ok) return resolve();
      } catch {}
      if (Date.now() - started > timeoutMs) return reject(new Error(`${url} did not answer within ${timeoutMs / 1000} s`));
      setTimeout(poll, 250);
    };
    poll();
  });
}

async function main() {
  if (await inUse(demoPort)) throw new Error(`port ${demoPort} (E2E_DEMO_PORT) is already in use; stop what listens there or set E2E_DEMO_PORT`);
  const prepared = Date.now();
  await Promise.all([
    run("test people for the main server", tsx("scripts/e2e-fixtures.ts"), mainEnv),
    run("test people for the demo server", tsx("scripts/e2e-fixtures.ts"), demoEnv).then(() => run("demo data", tsx("scripts/e2e-demo-seed.ts"), demoEnv)),
  ]);
  log(`databases ready in ${seconds(prepared)}`);

  const demoStarted = Date.now();
  const demo = spawnChild(["scripts/start.mjs"], demoEnv);
  await waitForHealth("demo server", demo, `http://127.0.0.1:${demoPort}/api/health`, 280_000);
  log(`demo server up at http://127.0.0.1:${demoPort} in ${seconds(demoStarted)} (${seconds(begun)} since start)`);
  demo.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`[e2e] the demo server stopped (${signal ?? `exit ${code}`}); stopping the main server`);
    stop(code || 1);
  });

  const mainServer = spawnChild(["scripts/start.mjs"], mainEnv);
  mainServer.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`[e2e] the main server stopped (${signal ?? `exit ${code}`}); stopping the demo server`);
    stop(code ?? 1);
  });
  const mainStarted = Date.now();
  waitForHealth("main server", mainServer, `http://localhost:${port}/api/health`, 120_000).then(
    () => log(`main server up at http://localhost:${port} in ${seconds(mainStarted)}; both up ${seconds(begun)} after start`),
    () => {},
  );
}

main().catch((error) => {
  console.error(`[e2e] ${error.message}`);
  stop(1);
});
