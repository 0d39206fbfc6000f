import { expect, test } from "@playwright/test";
import { declareViaApi, storageStateFor } from "../support/fixtures";
import { alertmanagerBody, createIntegrationOnScreen, postAlerts } from "../support/integrations";

test.use({ storageState: storageStateFor("admin") });

test("the incident's Alerts panel follows its alerts live, and says when all have resolved", async ({ page, request }) => {
  const integration = await createIntegrationOnScreen(page, `panel ${Date.now()}`);
  const run = Date.now();
  const group = `{}:{alertname="ApiErrors-${run}"}`;
  const alert = (n: number, status: "firing" | "resolved" = "firing") => ({
    fingerprint: `panel-${run}-${n}`,
    status,
    labels: { alertname: `ApiErrors-${run}`, severity: "warning", instance: `api-${n}`, service: "none-such" },
    annotations: { description: `5xx rate above 5% on api-${n}`, runbook_url: "https://runbooks.example.test/api-errors" },
  });

  const firing = await postAlerts(request, integration, alertmanagerBody(group, [alert(1), alert(2)]));
  expect(firing.status, firing.text).toBe(200);
  const reference = firing.json.declared![0]!;

  await page.goto(`/incidents/${reference}`);
  const panel = page.getByRole("region", { name: "Alerts", exact: true });
  const items = panel
    .getByRole("list", { name: "Alerts of this incident" })
    .getByRole("listitem")
    .filter({ has: page.getByText(/5xx rate above/) });
  await expect(items).toHaveCount(2);
  await expect(panel).toContainText("2 firing · 2 in all");
  const first = items.filter({ hasText: "api-1" });
  await expect(first.getByText("Firing")).toBeVisible();
  await expect(first.getByRole("list", { name: /^Labels of/ })).toContainText("severity=warning");
  for (const name of [/^Source/, /^Runbook/]) {
    const link = first.getByRole("link", { name });
    await expect(link).toHaveAttribute("target", "_blank");
    await expect(link).toHaveAttribute("rel", /noopener/);
  }
  await expect(first.getByRole("link", { name: /^Runbook/ })).toHaveAttribute("href", "https://runbooks.example.test/api-errors");
  await expect(panel.getByText(/alerts resolved/)).toHaveCount(0);

  // Changes arrive over the live stream: a marker set on this document must survive.
  await page.evaluate(() => ((window as unknown as { liveMarker: number }).liveMarker = 1));
  const one = await postAlerts(request, integration, alertmanagerBody(group, [alert(1, "resolved"), alert(2)]));
  expect(one.status, one.text).toBe(200);
  await expect(panel).toContainText("1 firing · 2 in all");
  await expect(first.getByText("Resolved")).toBeVisible();
  await expect(first).toContainText("ended");
  await expect(panel.getByText(/alerts resolved/)).toHaveCount(0);

  const all = await postAlerts(request, integration, alertmanagerBody(group, [alert(1, "resolved"), alert(2, "resolved")]));
  expect(all.status, all.text).toBe(200);
  const notice = panel.getByRole("status");
  await expect(notice).toContainText("All 2 alerts resolved.");
  await expect(notice).toContainText("does not resolve itself");
  await expect(panel).toContainText("0 firing · 2 in all");
  expect(await page.evaluate(() => (window as unknown as { liveMarker?: number }).liveMarker)).toBe(1);
  // Nothing resolved the incident itself.
  await expect(page.getByRole("list", { name: "Status" }).locator('[aria-current="step"]')).not.toContainText("Resolved");

  // On a phone the panel fits the width.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(panel).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("an incident without alerts has no Alerts panel", async ({ page, request }) => {
  const incident = await declareViaApi(request, { title: `No alerts ${Date.now()}`, severity: "SEV4" });
  await page.goto(`/incidents/${incident.reference}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Alerts", exact: true })).toHaveCount(0);
});
