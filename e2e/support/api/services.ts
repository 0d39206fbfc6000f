import { expect, type APIRequestContext } from "@playwright/test";
import { bearer } from "../fixtures";
import type { ServiceJson, SloJson } from "./types";

let n = 0;
/** A slug no other test uses. */
export const uniqueSlug = (label: string) => `${label}-${Date.now().toString(36)}-${(n++).toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

export async function createService(request: APIRequestContext, body: Record<string, unknown> = {}) {
  const slug = (body.slug as string | undefined) ?? uniqueSlug("svc");
  const res = await request.post("/api/v1/services", { headers: bearer("admin"), data: { name: `Service ${slug}`, tier: 2, ...body, slug } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as ServiceJson;
}

export async function createSlo(request: APIRequestContext, slug: string, body: Record<string, unknown> = {}) {
  const res = await request.post(`/api/v1/services/${slug}/slos`, {
    headers: bearer("admin"),
    data: { name: "Availability", objective: 99.9, windowDays: 28, ...body },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as SloJson;
}

export async function getService(request: APIRequestContext, slug: string, role: "admin" | "responder" | "viewer" = "admin") {
  const res = await request.get(`/api/v1/services/${slug}`, { headers: bearer(role) });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as ServiceJson & { slos: SloJson[] };
}

/** Moves an incident to resolved with the version it has now. */
export async function resolve(request: APIRequestContext, reference: string) {
  const current = (await (await request.get(`/api/v1/incidents/${reference}`, { headers: bearer("admin") })).json()) as { version: number };
  const res = await request.patch(`/api/v1/incidents/${reference}`, { headers: bearer("responder"), data: { version: current.version, status: "resolved" } });
  expect(res.status(), await res.text()).toBe(200);
}

export const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
