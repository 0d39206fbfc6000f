import { expect, test } from "@playwright/test";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expectError, marker } from "../support/api/helpers";
import type { IncidentJson } from "../support/api/types";

const root = path.resolve(__dirname, "..", "..");
const run = promisify(execFile);

/** `npm run token -- …` against a database; resolves with the exit code and output. */
async function token(args: string[], databasePath: string) {
  try {
    const { stdout, stderr } = await run("npm", ["run", "token", "--", ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_PATH: databasePath },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

const lastLine = (text: string) => text.trimEnd().split("\n").at(-1) ?? "";

test.describe("npm run token", () => {
  // Each call starts npm and tsx (a few seconds each on a busy machine), a dozen calls in the first test.
  test.slow();
  let dir: string;
  test.beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "hindsight-token-"));
  });
  test.afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("create prints the token as the last line; list and revoke work; bad arguments exit 2", async () => {
    const db = path.join(dir, "fresh.db");
    const created = await token(["create", "--name", "t", "--role", "viewer"], db);
    expect(created.code, created.stderr).toBe(0);
    expect(lastLine(created.stdout)).toMatch(/^hs_[A-Za-z0-9_-]{20,}$/);
    expect(fs.existsSync(db)).toBe(true);

    const listed = await token(["list"], db);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/\bviewer\b.*\bt\b.*active/);
    expect(listed.stdout).not.toContain(lastLine(created.stdout));

    const badRole = await token(["create", "--name", "t", "--role", "root"], db);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toMatch(/role/i);

    for (const args of [[], ["create", "--name", "t"], ["frobnicate"], ["revoke"], ["revoke", "--id", "abc"], ["list", "--bogus"]]) {
      const res = await token(args, db);
      expect(res.code, `${args.join(" ")}: ${res.stdout}`).toBe(2);
      expect(res.stderr).toContain("Usage:");
      expect(res.stdout).not.toMatch(/hs_/);
    }

    const revoked = await token(["revoke", "--id", "1"], db);
    expect(revoked.code).toBe(0);
    expect((await token(["list"], db)).stdout).toMatch(/revoked/);
    expect((await token(["revoke", "--id", "1"], db)).code).toBe(1);
  });

  test("a token it creates works against the API until revoked", async ({ request }) => {
    // The server under test uses this database (scripts/e2e-server.mjs).
    const db = path.join(process.env.HINDSIGHT_E2E_DIR!, "hindsight.db");
    const name = marker("automation");
    const created = await token(["create", "--name", name, "--role", "responder"], db);
    expect(created.code, created.stderr).toBe(0);
    const secret = lastLine(created.stdout);
    const headers = { Authorization: `Bearer ${secret}` };

    const res = await request.post("/api/v1/incidents", { headers, data: { title: marker("From automation"), severity: "SEV3" } });
    expect(res.status(), await res.text()).toBe(201);
    const incident = (await res.json()) as IncidentJson;
    const entries = (await (await request.get(`/api/v1/incidents/${incident.reference}/timeline`, { headers })).json()) as { items: { author: string }[] };
    expect(entries.items[0]!.author).toBe(`API token "${name}"`);

    const id = /\(id (\d+)\)/.exec(created.stdout)?.[1];
    expect(id).toBeTruthy();
    expect((await token(["revoke", "--id", id!], db)).code).toBe(0);
    await expectError(await request.get("/api/v1/incidents", { headers }), 401);
  });
});
