import { expect, type APIRequestContext, type APIResponse, type PlaywrightWorkerArgs } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { bearer, storageStateFor, type Role } from "../fixtures";
import type { ErrorJson, IncidentJson, TimelineEntryJson } from "./types";

/** A word no other test uses, to find this test's incidents with `?q=`. */
export const marker = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

export async function declare(request: APIRequestContext, body: Record<string, unknown>, role: "admin" | "responder" = "responder") {
  const res = await request.post("/api/v1/incidents", { headers: bearer(role), data: body });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as IncidentJson;
}

export async function getIncident(request: APIRequestContext, reference: string, role: "admin" | "responder" | "viewer" = "admin") {
  const res = await request.get(`/api/v1/incidents/${reference}`, { headers: bearer(role) });
  expect(res.status()).toBe(200);
  return (await res.json()) as IncidentJson;
}

export async function search(request: APIRequestContext, q: string, role: "admin" | "responder" | "viewer" = "admin") {
  const res = await request.get(`/api/v1/incidents?q=${encodeURIComponent(q)}`, { headers: bearer(role) });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: IncidentJson[] }).items;
}

export async function timeline(request: APIRequestContext, reference: string, role: "admin" | "responder" | "viewer" = "admin") {
  const res = await request.get(`/api/v1/incidents/${reference}/timeline`, { headers: bearer(role) });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: TimelineEntryJson[] }).items;
}

/** A 4xx in the DESIGN.md error shape, naming `field` when given; never a stack trace. */
export async function expectError(res: APIResponse, status: number, field?: string) {
  const text = await res.text();
  expect(res.status(), text).toBe(status);
  expect(text).not.toMatch(/\bat .+\.(js|ts):\d+/);
  const body = JSON.parse(text) as ErrorJson;
  expect(typeof body.error.code).toBe("string");
  expect(body.error.message.length).toBeGreaterThan(0);
  if (field) expect(body.error.fields, `fields should name ${field}: ${text}`).toHaveProperty([field]);
  return body;
}

/** A request context signed in with a role's session cookie (as a browser would be). */
export async function sessionFor(
  playwright: PlaywrightWorkerArgs["playwright"],
  baseURL: string,
  role: Role,
  { sameOrigin = true }: { sameOrigin?: boolean } = {},
) {
  return playwright.request.newContext({
    baseURL,
    storageState: storageStateFor(role),
    extraHTTPHeaders: sameOrigin ? { Origin: baseURL } : {},
  });
}
