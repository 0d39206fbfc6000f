import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import type { fixtures, Role } from "./fixtures";

// The second server scripts/e2e-server.mjs starts: the demo data (six months of incidents,
// teams, services, postmortems, action items) plus the same test people and tokens as the main
// server, in its own database. Tests that need realistic figures (insights) read it; tests
// that write go to the main server.

const demoPort = process.env.E2E_DEMO_PORT ?? String(Number(process.env.E2E_PORT ?? 3211) + 1);

/**
 * The demo server's address. 127.0.0.1, not localhost: cookies are per host name, not per
 * port, so signing in here never replaces a main-server session in the same browser context.
 */
export const demoBaseURL = `http://127.0.0.1:${demoPort}`;

/** People and tokens on the demo server (same emails and password as fixtures(), other tokens). */
export function demoFixtures(): Awaited<ReturnType<typeof fixtures>> {
  const file = path.join(process.env.HINDSIGHT_E2E_DIR!, "demo", "fixtures.json");
  return JSON.parse(fs.readFileSync(file, "utf8")) as Awaited<ReturnType<typeof fixtures>>;
}

/** An Authorization header for the demo server; use with full URLs (`${demoBaseURL}/api/v1/…`). */
export function bearerDemo(role: "admin" | "responder" | "viewer") {
  return { Authorization: `Bearer ${demoFixtures().tokens[role]}` };
}

/** Signs in through the demo server's /signin form; the page ends on its incident list. */
export async function signInToDemo(page: Page, role: Role) {
  const f = demoFixtures();
  await page.goto(`${demoBaseURL}/signin`);
  await page.getByLabel("Email").fill(f.users[role]);
  await page.getByLabel("Password").fill(f.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.origin === demoBaseURL && url.pathname.startsWith("/incidents"));
  await expect(page.getByRole("heading", { name: "Incidents", level: 1 })).toBeVisible();
}
