import { expect, type APIRequestContext, type Page } from "@playwright/test";

// Alert intake helpers: an integration made through Admin → Integrations (its secret read off the
// screen, where it is shown once) and Alertmanager webhook v4 bodies as Alertmanager sends them.

export type CreatedIntegration = { id: number; name: string; secret: string; url: string };

/** Creates an integration on /admin/integrations (the page must be signed in as an admin). */
export async function createIntegrationOnScreen(page: Page, name: string, kind = "alertmanager"): Promise<CreatedIntegration> {
  await page.goto("/admin/integrations");
  await page.getByLabel("Integration name").fill(name);
  await page.getByLabel("Kind").selectOption(kind);
  await page.getByRole("button", { name: "Create integration" }).click();
  await expect(page.getByRole("heading", { name: `Copy the secret for “${name}” now` })).toBeVisible();
  const secret = await page.getByLabel("Integration secret").inputValue();
  const url = await page.getByLabel("Endpoint URL").inputValue();
  const id = Number(/\/integrations\/(\d+)\//.exec(url)?.[1]);
  expect(id).toBeGreaterThan(0);
  return { id, name, secret, url };
}

type AlertSpec = {
  fingerprint: string;
  status?: "firing" | "resolved";
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt?: string;
  endsAt?: string;
  generatorURL?: string;
};

/** An Alertmanager webhook v4 body for one group of alerts; the group's status is firing while any alert fires. */
export function alertmanagerBody(groupKey: string, alerts: AlertSpec[]) {
  const full = alerts.map((a) => ({
    status: a.status ?? "firing",
    labels: a.labels,
    annotations: a.annotations ?? {},
    startsAt: a.startsAt ?? new Date(Date.now() - 5 * 60_000).toISOString(),
    endsAt: a.status === "resolved" ? (a.endsAt ?? new Date().toISOString()) : "0001-01-01T00:00:00Z",
    generatorURL: a.generatorURL ?? "http://prometheus.example.test:9090/graph?g0.expr=up%3D%3D0",
    fingerprint: a.fingerprint,
  }));
  const common = Object.fromEntries(Object.entries(alerts[0]?.labels ?? {}).filter(([k, v]) => alerts.every((a) => a.labels[k] === v)));
  return {
    version: "4",
    groupKey,
    truncatedAlerts: 0,
    status: full.some((a) => a.status === "firing") ? "firing" : "resolved",
    receiver: "hindsight",
    groupLabels: { alertname: common.alertname ?? "" },
    commonLabels: common,
    commonAnnotations: {},
    externalURL: "http://alertmanager.example.test:9093",
    alerts: full,
  };
}

/** Posts a body to an integration's endpoint with its secret; returns the status and the JSON answer. */
export async function postAlerts(request: APIRequestContext, integration: { url: string; secret: string }, body: unknown) {
  const res = await request.post(integration.url, { headers: { Authorization: `Bearer ${integration.secret}` }, data: body });
  const text = await res.text();
  let json: { declared?: string[]; attached?: string[]; deduplicated?: number; resolved?: number } = {};
  try {
    json = JSON.parse(text);
  } catch {
    // Non-JSON answers are reported by the status check of the caller.
  }
  return { status: res.status(), json, text };
}
