import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support/fixtures";
import { alertmanagerBody, createIntegrationOnScreen, postAlerts } from "./support/integrations";

test.use({ storageState: storageStateFor("admin") });

const unique = (what: string) => `${what} ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

test("a new integration shows its secret and setup once; a real-shaped Alertmanager post shows up as a delivery", async ({ page, request, baseURL }) => {
  const name = unique("prod Alertmanager");
  const integration = await createIntegrationOnScreen(page, name);
  await expect(page.getByText("You won’t see this secret again")).toBeVisible();
  expect(integration.secret.length).toBeGreaterThanOrEqual(32);
  expect(integration.url).toBe(`${baseURL}/api/v1/integrations/${integration.id}/alertmanager`);
  const yaml = page.getByRole("figure").filter({ hasText: "alertmanager.yml receiver" }).locator("pre");
  await expect(yaml).toContainText(`url: "${integration.url}"`);
  await expect(yaml).toContainText(`credentials: "${integration.secret}"`);
  await expect(yaml).toContainText("type: Bearer");

  // Listed with its endpoint; the secret is gone after a reload.
  await page.reload();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Prometheus Alertmanager");
  await expect(row).toContainText("Enabled");
  await expect(row).toContainText("None yet");
  await expect(row).toContainText(integration.url);
  expect(await page.content()).not.toContain(integration.secret);

  const fingerprint = `fp-${Date.now()}`;
  const body = alertmanagerBody(`{}:{alertname="CheckoutLatency-${fingerprint}"}`, [
    {
      fingerprint,
      labels: { alertname: `CheckoutLatency-${fingerprint}`, severity: "critical", instance: "web-1" },
      annotations: { summary: "Checkout p99 latency above 2 s" },
    },
  ]);
  const wrong = await postAlerts(request, { url: integration.url, secret: `${integration.secret}x` }, body);
  expect(wrong.status).toBe(401);
  const posted = await postAlerts(request, integration, body);
  expect(posted.status, posted.text).toBe(200);
  expect(posted.json.declared).toHaveLength(1);
  const reference = posted.json.declared![0]!;

  await page.reload();
  await expect(row).toContainText("Declared");
  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  const deliveries = page.getByRole("region", { name: "Recent deliveries" });
  const delivery = deliveries.getByRole("row").filter({ has: page.getByRole("link", { name: reference }) });
  await expect(delivery).toContainText("Declared");
  await expect(delivery).toContainText("200");

  // The payload is read only when asked for, pretty-printed.
  await expect(page.getByLabel(/^Payload of delivery/)).toHaveCount(0);
  await delivery.getByRole("button", { name: "Show payload" }).click();
  const payload = page.getByLabel(/^Payload of delivery/);
  await expect(payload).toContainText(`"fingerprint": "${fingerprint}"`);
  expect(await payload.textContent()).toContain('\n  "version": "4",');
  await delivery.getByRole("button", { name: "Hide payload" }).click();
  await expect(payload).toBeHidden();

  await delivery.getByRole("link", { name: reference }).click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${reference}$`));
  await expect(page.getByRole("region", { name: "Alerts", exact: true })).toContainText("Checkout p99 latency above 2 s");
});

test("routing rules: an invalid regex is named next to its field; a fixed rule saves in order", async ({ page }) => {
  const integration = await createIntegrationOnScreen(page, unique("rules"));
  await page.goto(`/admin/integrations/${integration.id}`);
  const rules = page.getByRole("form", { name: "Routing rules" });
  // A new integration declares with the default rule as its rule 1, which takes every alert.
  await expect(rules.getByRole("heading", { name: "Rule 1" })).toBeVisible();
  await expect(rules).toContainText("Not reached now: rule 1 has no matchers");

  await rules.getByRole("button", { name: "Add rule" }).click();
  await rules.getByLabel("Rule 2, matcher 1: label").fill("alertname");
  await rules.getByLabel("Rule 2, matcher 1: operator").selectOption("=~");
  const value = rules.getByLabel("Rule 2, matcher 1: value");
  await value.fill("Disk(");
  await rules.getByLabel("Rule 2: action").selectOption("record");
  await rules.getByRole("button", { name: "Save rules" }).click();
  await expect(value).toHaveAccessibleDescription(/Invalid regular expression/);
  await expect(value).toBeFocused();
  await expect(rules.getByRole("alert")).toContainText("Check the highlighted fields.");

  // Moved above the catch-all so it is reached; then saved and still there after a reload.
  await value.fill("Disk.*");
  await rules.getByRole("button", { name: "Move rule 2 up" }).click();
  await expect(rules.getByLabel("Rule 1, matcher 1: value")).toHaveValue("Disk.*");
  await rules.getByRole("button", { name: "Save rules" }).click();
  await expect(rules.getByRole("status")).toContainText("Rules saved");
  await page.reload();
  await expect(rules.getByLabel("Rule 1, matcher 1: operator")).toHaveValue("=~");
  await expect(rules.getByLabel("Rule 1, matcher 1: value")).toHaveValue("Disk.*");
  await expect(rules.getByLabel("Rule 1: action")).toHaveValue("record");
  await expect(rules.getByLabel("Rule 2: action")).toHaveValue("declare");
  await expect(rules).toContainText("Not reached now: rule 2 has no matchers");

  // Removing rule 2 leaves the default rule to catch the rest.
  await rules.getByRole("button", { name: "Remove rule 2", exact: true }).click();
  await rules.getByRole("button", { name: "Save rules" }).click();
  await expect(rules.getByRole("status")).toContainText("Rules saved");
  await page.reload();
  await expect(rules.getByRole("heading", { name: "Rule 2" })).toHaveCount(0);
  await expect(rules).toContainText("Default rule (when no rule above matches)");
});

test("a stale save shows a conflict instead of overwriting, and the admin chooses", async ({ page, context }) => {
  const integration = await createIntegrationOnScreen(page, unique("stale"));
  const other = await context.newPage();
  await page.goto(`/admin/integrations/${integration.id}`);
  await other.goto(`/admin/integrations/${integration.id}`);

  const theirs = other.getByRole("form", { name: "Settings" });
  await theirs.getByLabel("Name").fill(`${integration.name} (theirs)`);
  await theirs.getByRole("button", { name: "Save settings" }).click();
  await expect(theirs.getByRole("status")).toContainText("Settings saved");

  const mine = page.getByRole("form", { name: "Settings" });
  await mine.getByLabel("Name").fill(`${integration.name} (mine)`);
  await mine.getByRole("button", { name: "Save settings" }).click();
  await expect(mine.getByRole("alert")).toContainText("Someone else changed this integration");
  await other.reload();
  await expect(other.getByRole("heading", { level: 1 })).toContainText("(theirs)");

  await mine.getByRole("button", { name: "Save mine over it" }).click();
  await expect(mine.getByRole("status")).toContainText("Settings saved");
  await other.reload();
  await expect(other.getByRole("heading", { level: 1 })).toContainText("(mine)");
  await other.close();
});

test("rotating the secret shows the new one once and retires the old; deleting closes the endpoint", async ({ page, request }) => {
  const integration = await createIntegrationOnScreen(page, unique("rotate"));
  await page.goto(`/admin/integrations/${integration.id}`);
  const body = alertmanagerBody('{}:{alertname="RotateProbe"}', [{ fingerprint: `rot-${Date.now()}`, labels: { alertname: "RotateProbe", severity: "info" } }]);
  await expect(page.getByText(`…${integration.secret.slice(-4)}`)).toBeVisible();

  await page.getByRole("button", { name: "Rotate secret…" }).click();
  const confirm = page.getByRole("group", { name: "Confirm rotating the secret" });
  await expect(confirm).toContainText("stops working at once");
  await confirm.getByRole("button", { name: "Rotate secret" }).click();
  await expect(page.getByRole("heading", { name: "Copy the new secret now" })).toBeVisible();
  const secret = await page.getByLabel("Integration secret").inputValue();
  expect(secret).not.toBe(integration.secret);
  expect((await postAlerts(request, integration, body)).status).toBe(401);
  expect((await postAlerts(request, { url: integration.url, secret }, body)).status).toBe(200);
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByText(`…${secret.slice(-4)}`)).toBeVisible();

  await page.getByRole("button", { name: "Delete integration…" }).click();
  const del = page.getByRole("group", { name: `Confirm deleting ${integration.name}` });
  await del.getByRole("button", { name: "Cancel" }).click();
  await expect(del).toHaveCount(0);
  await page.getByRole("button", { name: "Delete integration…" }).click();
  await del.getByRole("button", { name: "Delete integration" }).click();
  await expect(page).toHaveURL(/\/admin\/integrations\?deleted=/);
  await expect(page.getByRole("status")).toContainText(`Deleted the integration “${integration.name}”`);
  await expect(page.getByRole("row").filter({ hasText: integration.name })).toHaveCount(0);
  expect((await postAlerts(request, { url: integration.url, secret }, body)).status).toBe(404);
});

test("Integrations is in the admin navigation, and only admins open it", async ({ browser, page }) => {
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "Integrations" }).click();
  await expect(page.getByRole("heading", { name: "Integrations", level: 1 })).toBeVisible();
  const responder = await browser.newContext({ storageState: storageStateFor("responder") });
  const theirs = await responder.newPage();
  await theirs.goto("/admin/integrations");
  await expect(theirs.getByText("You need the admin role")).toBeVisible();
  await responder.close();
});
