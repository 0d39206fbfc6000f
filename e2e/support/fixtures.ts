import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, Browser, Page } from "@playwright/test";

export type Role = "admin" | "responder" | "responder2" | "viewer";

type Fixtures = {
  password: string;
  users: Record<Role, string>;
  tokens: Record<"admin" | "responder" | "viewer", string>;
};

/** People and tokens created for this run by scripts/e2e-fixtures.ts. */
export function fixtures(): Fixtures {
  const file = path.join(process.env.HINDSIGHT_E2E_DIR!, "fixtures.json");
  return JSON.parse(fs.readFileSync(file, "utf8")) as Fixtures;
}

/** Saved signed-in browser state per role, written by auth.setup.ts. */
export function storageStateFor(role: Role): string {
  return path.join(process.env.HINDSIGHT_E2E_DIR!, `state-${role}.json`);
}

export async function signIn(page: Page, role: Role) {
  const f = fixtures();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(f.users[role]);
  await page.getByLabel("Password").fill(f.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/incidents/);
}

/** Signs `role` in through the form in a fresh context and saves its state for storageStateFor(). */
export async function saveSignedInState(browser: Browser, baseURL: string | undefined, role: Role) {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  try {
    const page = await context.newPage();
    await signIn(page, role);
    await context.storageState({ path: storageStateFor(role) });
  } finally {
    await context.close();
  }
}

/**
 * For the specs of the "serial" project (playwright.config.ts), which runs after the setup project
 * in a full run but alone when one of its files is named on the command line: signs in the roles
 * whose saved state is missing. Call from test.beforeAll.
 */
export async function ensureSignedInStates(browser: Browser, baseURL: string | undefined, roles: Role[]) {
  for (const role of roles) if (!fs.existsSync(storageStateFor(role))) await saveSignedInState(browser, baseURL, role);
}

export function bearer(role: "admin" | "responder" | "viewer") {
  return { Authorization: `Bearer ${fixtures().tokens[role]}` };
}

/** Declares an incident through the API as the given token's role; returns its JSON. */
export async function declareViaApi(request: APIRequestContext, body: Record<string, unknown>, role: "admin" | "responder" = "responder") {
  const res = await request.post("/api/v1/incidents", { headers: bearer(role), data: body });
  if (res.status() !== 201) throw new Error(`declare failed: ${res.status()} ${await res.text()}`);
  return (await res.json()) as { reference: string; version: number; [key: string]: unknown };
}
