import { expect, test } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../support/ports";

// A second production server (same build) whose public URL is https, as behind a TLS proxy:
// it sends HSTS and sets the session cookie Secure. Runs on a free port.
const root = path.resolve(__dirname, "..", "..");
let url: string;
const email = "https-admin@example.com";
const password = "correct horse battery staple 42";

let server: ChildProcess | undefined;
let dir: string;
let output = "";

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hindsight-https-"));
  const port = await freePort();
  url = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATABASE_PATH: path.join(dir, "hindsight.db"),
    NEXTAUTH_URL: "https://hindsight.example.com",
    HINDSIGHT_ADMIN_EMAIL: email,
    HINDSIGHT_ADMIN_PASSWORD: password,
  };
  delete env.NEXTAUTH_SECRET;
  server = spawn(process.execPath, ["scripts/start.mjs"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout!.on("data", (d) => (output += d));
  server.stderr!.on("data", (d) => (output += d));
  const started = Date.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {}
    if (Date.now() - started > 150_000) throw new Error(`server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once("exit", r));
    server.kill("SIGTERM");
    await exited;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

function setCookies(res: Response) {
  return res.headers.getSetCookie();
}

test("pages and the API send HSTS and upgrade insecure requests", async () => {
  for (const p of ["/signin", "/api/health"]) {
    const res = await fetch(`${url}${p}`, { redirect: "manual" });
    expect(res.headers.get("strict-transport-security"), p).toBe("max-age=63072000; includeSubDomains");
    expect(res.headers.get("content-security-policy"), p).toContain("upgrade-insecure-requests");
  }
});

test("the sign-in response sets the session cookie Secure and HttpOnly", async () => {
  const csrfRes = await fetch(`${url}/api/auth/csrf`);
  expect(csrfRes.status).toBe(200);
  expect(csrfRes.headers.get("strict-transport-security")).toBeTruthy();
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const cookie = setCookies(csrfRes)
    .map((line) => line.split(";")[0])
    .join("; ");

  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "https://hindsight.example.com/incidents", json: "true" }),
  });
  await res.arrayBuffer();
  expect(res.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  const session = setCookies(res).find((line) => /^(__Secure-)?next-auth\.session-token=/.test(line));
  expect(session, `no session cookie in ${JSON.stringify(setCookies(res))}\n${output.slice(-2000)}`).toBeTruthy();
  const attributes = session!.split(";").map((a) => a.trim().toLowerCase());
  expect(attributes).toContain("secure");
  expect(attributes).toContain("httponly");
  expect(session).toMatch(/^__Secure-/);
});
