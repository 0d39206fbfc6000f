import { expect, type APIRequestContext } from "@playwright/test";
import { bearer } from "../fixtures";

export type IntegrationJson = {
  id: number;
  name: string;
  kind: string;
  enabled: boolean;
  endpointPath: string;
  version: number;
  secretHint: string;
  hmacConfigured: boolean;
};
export type IntakeResult = { declared: string[]; attached: string[]; deduplicated: number; resolved: number; recorded: number; acknowledged: number };
export type DeliveryJson = {
  id: number;
  receivedAt: string;
  httpStatus: number;
  outcome: string;
  alertCount: number;
  result: IntakeResult | null;
  error: string | null;
};

/** Creates an integration as the admin token; returns it with its secret (shown this once). */
export async function createIntegration(request: APIRequestContext, data: Record<string, unknown>) {
  const res = await request.post("/api/v1/integrations", { headers: bearer("admin"), data });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { integration: IntegrationJson; secret: string };
}

/** Posts a body to an integration's endpoint with its secret (raw string bodies are sent as they are). */
export function postAlerts(request: APIRequestContext, path: string, secret: string | null, body: unknown, headers: Record<string, string> = {}) {
  return request.post(path, {
    headers: { "Content-Type": "application/json", ...(secret === null ? {} : { Authorization: `Bearer ${secret}` }), ...headers },
    data: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export async function deliveries(request: APIRequestContext, integrationId: number) {
  const res = await request.get(`/api/v1/integrations/${integrationId}/deliveries`, { headers: bearer("admin") });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { items: DeliveryJson[] }).items;
}
