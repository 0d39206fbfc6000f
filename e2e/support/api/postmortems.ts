import { expect, type APIRequestContext } from "@playwright/test";
import { bearer } from "../fixtures";
import { declare, marker } from "./helpers";
import type { IncidentJson, PostmortemJson } from "./types";

export const CHECKLIST_KEYS = ["data", "impact", "causes", "actions", "stakeholders"];

export const pmUrl = (reference: string, rest = "") => `/api/v1/incidents/${reference}/postmortem${rest}`;

/** Declares an incident (started an hour ago) and resolves it, through the API. */
export async function resolvedIncident(request: APIRequestContext, body: Record<string, unknown> = {}): Promise<IncidentJson> {
  const incident = await declare(request, {
    title: marker("Postmortem"),
    severity: "SEV2",
    startedAt: new Date(Date.now() - 60 * 60_000).toISOString(),
    ...body,
  });
  const res = await request.patch(`/api/v1/incidents/${incident.reference}`, {
    headers: bearer("responder"),
    data: { version: incident.version, status: "resolved" },
  });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as IncidentJson;
}

export async function startPostmortem(request: APIRequestContext, reference: string, role: "admin" | "responder" = "responder") {
  const res = await request.post(pmUrl(reference), { headers: bearer(role) });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as PostmortemJson;
}

export async function readPostmortem(request: APIRequestContext, reference: string, role: "admin" | "responder" | "viewer" = "admin") {
  const res = await request.get(pmUrl(reference), { headers: bearer(role) });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as PostmortemJson;
}

/** Writes what the publish gate requires: summary, root causes, a factor and a "no action items" note (impact and timeline are generated). */
export async function writeRequired(request: APIRequestContext, reference: string, pm: PostmortemJson): Promise<PostmortemJson> {
  const factors = ((await (await request.get("/api/v1/factors", { headers: bearer("responder") })).json()) as { items: { id: number; name: string }[] }).items;
  const res = await request.put(pmUrl(reference), {
    headers: bearer("responder"),
    data: {
      version: pm.version,
      sections: { summary: "Checkout failed for an hour.", root_causes: "A config push changed the pool size." },
      factorIds: [factors.find((f) => f.name === "Configuration")!.id],
      noActionItemsReason: "The config check added during the incident covers it.",
    },
  });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as PostmortemJson;
}
