import { expect, test } from "@playwright/test";
import { storageStateFor } from "../support/fixtures";
import { expectAccessible } from "../support/a11y";
import { alertmanagerBody, createIntegrationOnScreen, postAlerts } from "../support/integrations";

// Renders Admin → Integrations, one integration's page and the incident Alerts panel at desktop and
// phone sizes into screenshots/ for people to look at; the assertions check nothing overflows sideways.
const sizes = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
];

test.use({ storageState: storageStateFor("admin") });

test("integrations screens and the incident Alerts panel at desktop and phone widths", async ({ page, request }) => {
  test.setTimeout(120_000);
  const run = Date.now();
  const integration = await createIntegrationOnScreen(page, `prod Alertmanager ${run}`);
  const group = `{}:{alertname="CheckoutLatency"}`;
  const alert = (n: number, status: "firing" | "resolved" = "firing") => ({
    fingerprint: `shot-${run}-${n}`,
    status,
    labels: { alertname: "CheckoutLatency", severity: n === 1 ? "critical" : "warning", instance: `web-${n}.prod.example.internal:9100`, job: "checkout" },
    annotations: {
      summary: `Checkout p99 latency above 2 s on web-${n}`,
      description: "p99 latency has been above 2 s for 5 minutes; customers see slow or failed payments.",
      runbook_url: "https://runbooks.example.test/checkout-latency",
    },
  });
  const posted = await postAlerts(request, integration, alertmanagerBody(group, [alert(1), alert(2)]));
  expect(posted.status, posted.text).toBe(200);
  const reference = posted.json.declared![0]!;
  expect((await postAlerts(request, integration, alertmanagerBody(group, [alert(1), alert(2, "resolved")]))).status).toBe(200);

  for (const size of sizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    const shoot = async (name: string) => {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `screenshots/${name}-${size.name}.png`, fullPage: true });
    };
    const noSidewaysScroll = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);

    // The list with the secret shown once after creating an integration.
    await createIntegrationOnScreen(page, `staging Grafana ${size.name} ${run}`, "grafana");
    await shoot("admin-integrations-created");
    await noSidewaysScroll();
    await page.reload();
    await shoot("admin-integrations");
    await noSidewaysScroll();
    if (size.name === "desktop") await expectAccessible(page, "/admin/integrations", "light");

    await page.goto(`/admin/integrations/${integration.id}`);
    const rules = page.getByRole("form", { name: "Routing rules" });
    await rules.getByRole("button", { name: "Add rule" }).click();
    await rules.getByLabel("Rule 2, matcher 1: label").fill("alertname");
    await rules.getByLabel("Rule 2, matcher 1: operator").selectOption("=~");
    await rules.getByLabel("Rule 2, matcher 1: value").fill("Disk(");
    await rules.getByRole("button", { name: "Save rules" }).click();
    await expect(rules.getByLabel("Rule 2, matcher 1: value")).toHaveAccessibleDescription(/Invalid regular expression/);
    const delivery = page.getByRole("region", { name: "Recent deliveries" }).getByRole("row").filter({ hasText: "Declared" });
    await delivery.getByRole("button", { name: "Show payload" }).click();
    await expect(page.getByLabel(/^Payload of delivery/)).toContainText('"version": "4"');
    await shoot("admin-integration");
    await noSidewaysScroll();
    if (size.name === "desktop") await expectAccessible(page, "/admin/integrations/{id}", "light");

    await page.goto(`/incidents/${reference}`);
    const panel = page.getByRole("region", { name: "Alerts", exact: true });
    await expect(panel).toContainText("1 firing · 2 in all");
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `screenshots/incident-alerts-${size.name}.png` });
    await shoot("incident-alerts-page");
    await noSidewaysScroll();
    if (size.name === "desktop") await expectAccessible(page, "/incidents/{ref} with alerts", "light");
  }

  // Every alert resolved: the notice.
  expect((await postAlerts(request, integration, alertmanagerBody(group, [alert(1, "resolved"), alert(2, "resolved")]))).status).toBe(200);
  const panel = page.getByRole("region", { name: "Alerts", exact: true });
  await expect(panel.getByRole("status")).toContainText("All 2 alerts resolved.");
  await panel.screenshot({ path: "screenshots/incident-alerts-resolved-phone.png" });
  // Tall enough that the sticky header stays clear of the panel.
  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await expect(panel.getByRole("status")).toContainText("All 2 alerts resolved.");
  await page.evaluate(() => window.scrollTo(0, 0));
  await panel.screenshot({ path: "screenshots/incident-alerts-resolved-desktop-dark.png" });
});
