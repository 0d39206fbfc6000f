import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";

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

export function bearer(role: "admin" | "responder" | "viewer") {
  return { Authorization: `Bearer ${fixtures().tokens[role]}` };
}

/** Declares an incident through the API as the given token's role; returns its JSON. */
export async function declareViaApi(request: APIRequestContext, body: Record<string, unknown>, role: "admin" | "responder" = "responder") {
  const res = await request.post("/api/v1/incidents", { headers: bearer(role), data: body });
  if (res.status() !== 201) throw new Error(`declare failed: ${res.status()} ${await res.text()}`);
  return (await res.json()) as { reference: string; version: number; [key: string]: unknown };
}
