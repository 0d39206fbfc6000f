// Operating the production server (scripts/server.mjs through npm start), each test on its own
// server and temporary database: JSON logs with request ids and no secrets, /metrics on its own
// port, graceful stop on SIGTERM.
import { expect, test } from "@playwright/test";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { freePort } from "../support/ports";
import { killServer, prepareDatabase, startServer, type ServerProcess } from "../support/server-process";

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

let server: ServerProcess | undefined;
test.afterEach(async () => {
  await killServer(server);
  server = undefined;
});

/** Signs in through next-auth's credentials endpoint; returns the session cookie. */
async function signIn(url: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = csrfRes.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie, Origin: url },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((cookie) => cookie.startsWith("next-auth.session-token="));
  expect(session, `sign-in answered ${res.status}`).toBeTruthy();
  return session!.split(";")[0]!;
}

test("JSON access log with request ids, and no password, token, cookie or secret in the output", async () => {
  const { dbFile, token } = prepareDatabase();
  // No HINDSIGHT_ADMIN_PASSWORD: the first admin gets a generated password, kept in a file only.
  server = await startServer({ dbFile });
  const [email, password] = fs.readFileSync(path.join(server.dir, "initial-admin-password"), "utf8").split("\n");
  const session = await signIn(server.url, email!, password!);
  // Written on first use of the session code.
  const authSecret = fs.readFileSync(path.join(server.dir, "auth-secret"), "utf8").trim();
  const sessionValue = session.split("=")[1]!;
  const signedIn = await fetch(`${server.url}/api/v1/incidents`, { headers: { Cookie: session, "X-Request-Id": "ops-spec-cookie-1" } });
  expect(signedIn.status).toBe(200);

  // A safe incoming id is kept and echoed; the access line carries it.
  const withToken = await fetch(`${server.url}/api/v1/incidents?limit=1`, { headers: { Authorization: `Bearer ${token}`, "X-Request-Id": "ops-spec-req-1" } });
  expect(withToken.status).toBe(200);
  expect(withToken.headers.get("x-request-id")).toBe("ops-spec-req-1");

  // An unsafe one is replaced by a fresh id, which the error body carries too.
  const badToken = `hs_${"x".repeat(43)}`;
  const refused = await fetch(`${server.url}/api/v1/incidents/INC-1`, {
    headers: { Authorization: `Bearer ${badToken}`, "X-Request-Id": 'evil" {"level":"fatal"}' },
  });
  expect(refused.status).toBe(401);
  const refusedId = refused.headers.get("x-request-id")!;
  expect(refusedId).toMatch(/^[0-9a-f-]{36}$/);
  expect(((await refused.json()) as { error: { requestId: string } }).error.requestId).toBe(refusedId);

  // A wrong password too, sent in a JSON body as well as the form.
  await fetch(`${server.url}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: email!, password: "wrong-but-secret-password-77" }),
  });

  await expect.poll(() => server!.logs().filter((entry) => entry.msg === "request").length).toBeGreaterThanOrEqual(5);
  const access = server.logs().find((entry) => entry.msg === "request" && entry.requestId === "ops-spec-req-1");
  expect(access).toMatchObject({
    level: "info",
    method: "GET",
    route: "/api/v1/incidents",
    path: "/api/v1/incidents",
    status: 200,
    requestId: "ops-spec-req-1",
  });
  expect(typeof access!.durationMs).toBe("number");
  expect(String(access!.remoteAddress)).toMatch(/127\.0\.0\.1/);
  expect(typeof access!.time).toBe("string");
  const refusedLine = server.logs().find((entry) => entry.requestId === refusedId);
  expect(refusedLine).toMatchObject({ route: "/api/v1/incidents/[ref]", path: "/api/v1/incidents/INC-1", status: 401 });
  // Every request got a line with an id; the forged JSON never became a line of its own.
  for (const entry of server.logs().filter((line) => line.msg === "request")) expect(entry.requestId).toMatch(/^[A-Za-z0-9._-]{1,100}$/);
  expect(server.logs().some((entry) => entry.level === "fatal")).toBe(false);

  const output = server.output();
  for (const secret of [password!, "wrong-but-secret-password-77", token, badToken, sessionValue, authSecret]) {
    expect(output, "a secret reached the log").not.toContain(secret);
  }
});

test("METRICS_PORT serves /metrics on its own address; the main port then answers 404", async () => {
  const { dbFile, token } = prepareDatabase();
  const metricsPort = await freePort();
  server = await startServer({ dbFile, env: { METRICS_PORT: String(metricsPort) } });
  const missing = await fetch(`${server.url}/api/v1/incidents/INC-77`, { headers: { Authorization: `Bearer ${token}` } });
  expect(missing.status).toBe(404);
  await missing.text();
  const scrape = async () => {
    const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(metrics.status).toBe(200);
    return metrics.text();
  };
  // Counted once the answer is finished, which may be a moment after the client has read it.
  await expect.poll(scrape).toContain('hindsight_http_requests_total{method="GET",route="/api/v1/incidents/[ref]",status="404"} 1');
  const text = await scrape();
  expect(text).toContain('hindsight_open_incidents{severity="SEV1"} 0');
  expect((await fetch(`http://127.0.0.1:${metricsPort}/other`)).status).toBe(404);
  // Bound to 127.0.0.1 only by default; with no METRICS_TOKEN the main port does not serve them.
  expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
});

/** Connects and sends a request whose body arrives only when `finish()` is called. */
function slowRequest(url: string, token: string, body: string) {
  const half = Math.floor(body.length / 2);
  const target = new URL("/api/v1/incidents", url);
  let finish!: () => void;
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      target,
      { method: "POST", headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) } },
      (res) => {
        let text = "";
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode!, body: text }));
      },
    );
    req.on("error", reject);
    req.write(body.slice(0, half));
    finish = () => req.end(body.slice(half));
  });
  return { response, finish: () => finish() };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

test("SIGTERM: stops accepting, finishes the request in flight, checkpoints the WAL, exits 0 within 10 s", async () => {
  const { dbFile, token } = prepareDatabase();
  server = await startServer({ dbFile });
  const { port } = server;
  const title = `Declared during shutdown ${Date.now()}`;
  const slow = slowRequest(server.url, token, JSON.stringify({ title, severity: "SEV2", summary: "x".repeat(2000) }));
  // The server has the request (half its body) before the signal.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const signalled = Date.now();
  server.child.kill("SIGTERM");
  await expect.poll(() => canConnect(port), { timeout: 5_000 }).toBe(false);
  slow.finish();
  const answer = await slow.response;
  expect(answer.status, answer.body).toBe(201);
  expect(JSON.parse(answer.body).title).toBe(title);
  const code = await server.exited;
  expect(code).toBe(0);
  expect(Date.now() - signalled).toBeLessThan(10_000);
  expect(server.logs().map((entry) => entry.msg)).toEqual(
    expect.arrayContaining(["stopping: no new connections; finishing in-flight requests", "database checkpointed and closed", "stopped"]),
  );

  const wal = `${dbFile}-wal`;
  expect(!fs.existsSync(wal) || fs.statSync(wal).size === 0).toBe(true);
  const db = new Database(dbFile, { readonly: true });
  expect(db.prepare("SELECT count(*) AS n FROM incidents WHERE title = ?").get(title)).toEqual({ n: 1 });
  db.close();
});

test("refuses to start on a database migrated by a newer version, saying so", async () => {
  const { dbFile } = prepareDatabase();
  const db = new Database(dbFile);
  db.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('from-the-future', ?)").run(Date.now() + 365 * 86_400_000);
  db.close();
  const port = await freePort();
  const refused = spawnSync(process.execPath, ["scripts/start.mjs"], {
    cwd: path.resolve(__dirname, "..", ".."),
    env: { ...process.env, PORT: String(port), DATABASE_PATH: dbFile },
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(refused.status).toBe(1);
  expect(refused.stderr).toMatch(/Not starting: The database .* is newer than this version of Hindsight/);
  expect(await canConnect(port)).toBe(false);
});
