import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { bearer, storageStateFor } from "../support/fixtures";
import { WebhookReceiver } from "../support/webhook-receiver";

// Admin → Webhooks in the browser, against a receiver started here: the secret shown once,
// a test event signed and delivered, failures, redelivery, the automatic disable and its notice.

test.use({ storageState: storageStateFor("admin") });

const receiver = new WebhookReceiver();
test.beforeAll(() => receiver.start());
test.afterAll(() => receiver.stop());

const unique = (label: string) => `${label} ${Date.now().toString(36).slice(-5)}`;
/** A receiver path of its own per test, so answers planned for one never reach another. */
const hookPath = (label: string) => `/${label}-${Math.random().toString(36).slice(2, 8)}`;

type EndpointJson = { id: number; version: number; name: string; enabled: boolean; disabledReason: string | null; secret?: string };

async function createViaApi(request: APIRequestContext, body: Record<string, unknown>) {
  const res = await request.post("/api/v1/webhooks", { headers: bearer("admin"), data: { events: ["incident.declared"], format: "standard", ...body } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as EndpointJson;
}

async function endpointViaApi(request: APIRequestContext, id: number) {
  const res = await request.get(`/api/v1/webhooks/${id}`, { headers: bearer("admin") });
  expect(res.status()).toBe(200);
  return (await res.json()) as EndpointJson;
}

function createForm(page: Page) {
  return page.getByRole("form", { name: "Add an endpoint" });
}

function deliveryRows(page: Page) {
  return page.getByRole("region", { name: "Delivery log" }).getByRole("row");
}

/** The log's rows of test events (not the detail row opened under one). */
function testEventRows(page: Page) {
  return deliveryRows(page).filter({ has: page.getByRole("cell", { name: "Test event", exact: true }) });
}

test("an endpoint is created with its secret shown once, and a signed test event reaches the receiver", async ({ page }) => {
  const name = unique("Ops receiver");
  const path = hookPath("created");
  await page.goto("/admin/webhooks");
  const form = createForm(page);
  await form.getByRole("textbox", { name: "Name" }).fill(name);
  await form.getByRole("textbox", { name: "URL" }).fill(receiver.url + path);
  await form.getByRole("checkbox", { name: "Select all" }).check();
  for (const label of ["Incident declared", "Status changed", "Action item overdue"]) await expect(form.getByRole("checkbox", { name: label })).toBeChecked();
  await form.getByRole("checkbox", { name: "Status changed" }).uncheck();
  await expect(form.getByRole("checkbox", { name: "Select all" })).not.toBeChecked();
  await expect(form.getByRole("radio", { name: "Standard" })).toBeChecked();
  await expect(form.getByRole("radio", { name: "Slack" })).toHaveAccessibleDescription(/Slack message/);
  await form.getByRole("button", { name: "Add endpoint" }).click();

  const panel = page.getByRole("region", { name: `Copy the secret for “${name}” now` });
  await expect(panel).toContainText("You won’t see it again");
  await expect(panel).toContainText("Outgoing webhooks → Verifying our signatures");
  const secretField = panel.getByRole("textbox", { name: "Signing secret" });
  await expect(secretField).toHaveAttribute("readonly", "");
  await expect(secretField).toBeFocused();
  const secret = await secretField.inputValue();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{20,}$/);

  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
  await expect(row).toContainText("127.0.0.1");
  await expect(row).toContainText("6 of 7");
  await expect(row).toContainText("Enabled");
  await expect(row).toContainText("Never");

  // Shown once: gone after a reload, and nowhere in the endpoint's page.
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Signing secret" })).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);
  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  expect(await page.content()).not.toContain(secret);
  await expect(page.getByText(`whsec_…${secret.slice(-4)}`)).toBeVisible();

  await page.getByRole("button", { name: "Send test event" }).click();
  const result = page.getByRole("status").filter({ hasText: "Test event (delivery" });
  await expect(result).toContainText("Delivered");
  await expect(result).toContainText("HTTP 200");
  const logged = testEventRows(page);
  await expect(logged).toHaveCount(1);
  await expect(logged).toContainText("Delivered");
  await expect(logged).toContainText("200");

  const [request] = await receiver.waitForTestEvents(path, 1);
  const body = new Webhook(secret).verify(request!.body, request!.headers) as { type: string; data: { endpoint: { name: string } } };
  expect(body.type).toBe("webhook.test");
  expect(body.data.endpoint.name).toBe(name);
  expect(() => new Webhook(secret).verify(request!.body.replace("test", "tost"), request!.headers)).toThrow();

  // The row opens the delivery: the body as sent, indented, and its one attempt.
  await logged.getByRole("link", { name: /^Details of Test event/ }).click();
  const detail = page.getByRole("region", { name: /^Details of Test event/ });
  await expect(detail).toContainText(request!.headers["webhook-id"]!);
  await expect(detail.getByLabel("Body")).toContainText('"type": "webhook.test"');
  await expect(detail.getByRole("row").filter({ hasText: "200" })).toHaveCount(1);
});

test("the form names what is wrong next to each field; a refused address is explained at the URL", async ({ page }) => {
  await page.goto("/admin/webhooks");
  const form = createForm(page);
  const url = form.getByRole("textbox", { name: "URL" });
  await form.getByRole("button", { name: "Add endpoint" }).click();
  await expect(form.getByRole("textbox", { name: "Name" })).toHaveAccessibleDescription(/Name is required/);
  await expect(url).toHaveAccessibleDescription(/URL is required/);
  await expect(form.getByRole("group", { name: "Events" })).toHaveAccessibleDescription(/Pick at least one event/);
  await expect(form.getByRole("textbox", { name: "Name" })).toBeFocused();

  await form.getByRole("textbox", { name: "Name" }).fill(unique("Bad URL"));
  await form.getByRole("checkbox", { name: "Incident declared" }).check();
  await url.fill("ftp://files.example.com/hook");
  await form.getByRole("button", { name: "Add endpoint" }).click();
  await expect(url).toHaveAttribute("aria-invalid", "true");
  await expect(url).toHaveAccessibleDescription(/full http:\/\/ or https:\/\/ URL/);

  // Cloud metadata: refused by the command, with its reason next to the field.
  await url.fill("http://169.254.169.254/latest/meta-data");
  await form.getByRole("button", { name: "Add endpoint" }).click();
  await expect(url).toHaveAccessibleDescription(/169\.254|link-local|metadata/i);
  await expect(url).toBeFocused();
  await expect(page.getByRole("textbox", { name: "Signing secret" })).toHaveCount(0);
});

test("a stale save shows a conflict instead of overwriting, and can load the newer settings", async ({ page, request }) => {
  const created = await createViaApi(request, { name: unique("Conflict"), url: receiver.url + hookPath("conflict"), enabled: false });
  await page.goto(`/admin/webhooks/${created.id}`);
  const settings = page.getByRole("form", { name: "Settings" });
  const name = settings.getByRole("textbox", { name: "Name" });
  await expect(name).toHaveValue(created.name);

  // Someone else renames it (version 1 → 2) while this page still holds version 1.
  const theirs = `${created.name} (theirs)`;
  const patched = await request.patch(`/api/v1/webhooks/${created.id}`, { headers: bearer("admin"), data: { version: created.version, name: theirs } });
  expect(patched.status()).toBe(200);

  await name.fill(`${created.name} (mine)`);
  await settings.getByRole("button", { name: "Save changes" }).click();
  const conflict = settings.getByRole("alert");
  await expect(conflict).toContainText("Someone else saved this endpoint");
  await expect(conflict).toContainText(`Theirs (version 2): “${theirs}”`);
  expect((await endpointViaApi(request, created.id)).name).toBe(theirs);
  await expect(name).toHaveValue(`${created.name} (mine)`);

  await conflict.getByRole("button", { name: "Discard mine, load theirs" }).click();
  await expect(name).toHaveValue(theirs);
  await expect(settings.getByRole("alert")).toHaveCount(0);

  // Now at the current version, a save goes through.
  await settings.getByRole("checkbox", { name: "Status changed" }).check();
  await settings.getByRole("button", { name: "Save changes" }).click();
  await expect(settings.getByRole("status")).toContainText("Saved.");
  const saved = await endpointViaApi(request, created.id);
  expect(saved.version).toBe(3);
  expect(saved.name).toBe(theirs);
});

test("a 400 fails the delivery at once; Redeliver after the receiver is fixed delivers it", async ({ page, request }) => {
  const path = hookPath("redeliver");
  receiver.plan(path, 400);
  const created = await createViaApi(request, { name: unique("Flaky"), url: receiver.url + path, format: "slack" });
  await page.goto(`/admin/webhooks/${created.id}`);
  await page.getByRole("button", { name: "Send test event" }).click();
  const result = page.getByRole("status").filter({ hasText: "Test event (delivery" });
  await expect(result).toContainText("Failed");
  await expect(result).toContainText("HTTP 400");
  const row = testEventRows(page);
  await expect(row).toContainText("Failed");
  await expect(row).toContainText("400");
  await expect(row.getByRole("cell").nth(4)).toHaveText(/1/);
  expect(receiver.testEventsAt(path)).toHaveLength(1);

  receiver.plan(path, 200);
  await row.getByRole("link", { name: /^Details of Test event/ }).click();
  const detail = page.getByRole("region", { name: /^Details of Test event/ });
  await expect(detail.getByRole("row").filter({ hasText: "400" })).toHaveCount(1);
  await detail.getByRole("button", { name: /^Redeliver/ }).click();
  // The page follows the delivery until it settles, without a reload.
  await expect(row).toContainText("Delivered");
  await expect(row).toContainText("200");
  await expect(detail.getByRole("row").filter({ hasText: "200" })).toHaveCount(1);
  const requests = await receiver.waitForTestEvents(path, 2);
  expect(requests[1]!.headers["webhook-id"]).toBe(requests[0]!.headers["webhook-id"]);
  // Slack format: the message itself.
  expect(JSON.parse(requests[1]!.body)).toHaveProperty("blocks");
});

test("an endpoint that keeps failing is disabled with a notice, and Re-enable turns it back on", async ({ page, request }) => {
  const path = hookPath("disabled");
  receiver.plan(path, 410);
  const created = await createViaApi(request, { name: unique("Gone receiver"), url: receiver.url + path });
  const endpoint = await failUntilDisabled(request, created.id);
  expect(endpoint.disabledReason).toMatch(/failed deliveries in a row/);

  await page.goto("/admin/webhooks");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: created.name, exact: true }) });
  await expect(row).toContainText("Disabled by Hindsight");
  await expect(row).toContainText(endpoint.disabledReason!);
  await expect(page.getByRole("status").filter({ hasText: "disabled by Hindsight after repeated failed deliveries" })).toBeVisible();

  await row.getByRole("link", { name: created.name }).click();
  const notice = page.getByRole("region", { name: /^Hindsight disabled this endpoint/ });
  await expect(notice).toContainText(endpoint.disabledReason!);
  // No hand-made Enable beside the notice: Re-enable is the one way back.
  await expect(page.getByRole("button", { name: "Enable", exact: true })).toHaveCount(0);
  await notice.getByRole("button", { name: "Re-enable" }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Disable", exact: true })).toBeVisible();
  const after = await endpointViaApi(request, created.id);
  expect(after.enabled).toBe(true);
  expect(after.disabledReason).toBeNull();
});

/** Sends test events to an endpoint whose receiver refuses them until Hindsight disables it (HINDSIGHT_WEBHOOK_DISABLE_AFTER, default 10). */
async function failUntilDisabled(request: APIRequestContext, id: number): Promise<EndpointJson> {
  for (let sent = 0; sent < 30; sent++) {
    const queued = await request.post(`/api/v1/webhooks/${id}/test`, { headers: bearer("admin") });
    expect(queued.status()).toBe(202);
    const delivery = (await queued.json()) as { id: number };
    await expect
      .poll(async () => {
        const res = await request.get(`/api/v1/webhooks/${id}/deliveries/${delivery.id}`, { headers: bearer("admin") });
        return ((await res.json()) as { status: string }).status;
      })
      .toBe("failed");
    const endpoint = await endpointViaApi(request, id);
    if (!endpoint.enabled) return endpoint;
  }
  throw new Error("the endpoint was never disabled");
}

test("keyboard only: create, copy the secret, send a test event and open its delivery", async ({ page }) => {
  const name = unique("Keyboard");
  const path = hookPath("keyboard");
  await page.goto("/admin/webhooks");
  const form = createForm(page);
  await form.getByRole("textbox", { name: "Name" }).focus();
  await page.keyboard.type(name);
  await page.keyboard.press("Tab");
  await expect(form.getByRole("textbox", { name: "URL" })).toBeFocused();
  await page.keyboard.type(receiver.url + path);
  await page.keyboard.press("Tab");
  await expect(form.getByRole("checkbox", { name: "Select all" })).toBeFocused();
  await page.keyboard.press("Space");
  // Through the seven events to the format radios (one tab stop), where arrows choose.
  for (let i = 0; i < 8; i++) await page.keyboard.press("Tab");
  await expect(form.getByRole("radio", { name: "Standard" })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(form.getByRole("radio", { name: "Teams" })).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(form.getByRole("checkbox", { name: "Include private incidents" })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(form.getByRole("button", { name: "Add endpoint" })).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page.getByRole("textbox", { name: "Signing secret" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Copy" })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Open it to send a test event" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByText("Teams format")).toBeVisible();

  await page.getByRole("button", { name: "Send test event" }).focus();
  await page.keyboard.press("Enter");
  const row = testEventRows(page);
  await expect(row).toContainText("Delivered");
  const details = row.getByRole("link", { name: /^Details of Test event/ });
  await details.focus();
  await page.keyboard.press("Enter");
  const detail = page.getByRole("region", { name: /^Details of Test event/ });
  await expect(detail).toBeVisible();
  await expect(row.getByRole("link", { name: /^Hide/ })).toBeFocused();
  // The body is scrollable by keyboard: it is the next stop.
  await page.keyboard.press("Tab");
  await expect(detail.getByLabel("Body")).toBeFocused();
  const [sent] = await receiver.waitForTestEvents(path, 1);
  expect(JSON.parse(sent!.body).attachments[0].contentType).toBe("application/vnd.microsoft.card.adaptive");
});

test("webhook screens at desktop and phone widths", async ({ page, request }) => {
  const failingPath = hookPath("shots-failing");
  receiver.plan(failingPath, 404);
  const gone = await createViaApi(request, { name: "Status page relay", url: receiver.url + failingPath, format: "standard" });
  await failUntilDisabled(request, gone.id);
  // Created after the slow part, and for events other tests rarely cause: its log's first page stays its test events.
  const okPath = hookPath("shots-ok");
  const slack = await createViaApi(request, {
    name: "#incidents on Slack",
    url: receiver.url + okPath,
    format: "slack",
    events: ["postmortem.published", "action_item.overdue"],
  });
  for (let i = 0; i < 3; i++) await request.post(`/api/v1/webhooks/${slack.id}/test`, { headers: bearer("admin") });
  await receiver.waitFor(okPath, 3);

  const sizes = [
    { name: "desktop", width: 1280, height: 800 },
    { name: "phone", width: 390, height: 844 },
  ];
  for (const size of sizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    const shoot = async (name: string) => {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `screenshots/admin-${name}-${size.name}.png`, fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    };
    await page.goto("/admin/webhooks");
    await expect(page.getByRole("row").filter({ hasText: "Status page relay" }).first()).toContainText("Disabled by Hindsight");
    await shoot("webhooks");

    await page.goto(`/admin/webhooks/${slack.id}`);
    // Only the test events: the endpoint also takes incidents other tests declare meanwhile.
    // By text: at phone width the log's rows are cards without table cells.
    await expect(deliveryRows(page).filter({ hasText: "Test event" }).filter({ hasText: "Delivered" })).toHaveCount(3);
    await deliveryRows(page)
      .filter({ hasText: "Test event" })
      .first()
      .getByRole("link", { name: /^Details of/ })
      .click();
    await expect(page.getByRole("region", { name: /^Details of/ })).toBeVisible();
    await shoot("webhook-deliveries");

    await page.goto(`/admin/webhooks/${gone.id}`);
    await expect(page.getByRole("region", { name: /^Hindsight disabled this endpoint/ })).toBeVisible();
    await shoot("webhook-disabled");

    await page.goto("/admin/webhooks");
    const form = createForm(page);
    await form.getByRole("textbox", { name: "Name" }).fill(`On-call bridge (${size.name})`);
    await form.getByRole("textbox", { name: "URL" }).fill(`${receiver.url}/shots-teams`);
    await form.getByRole("checkbox", { name: "Select all" }).check();
    await form.getByRole("radio", { name: "Teams" }).check();
    await form.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByRole("textbox", { name: "Signing secret" })).toBeVisible();
    await page.getByRole("region", { name: /^Copy the secret for/ }).screenshot({ path: `screenshots/admin-webhook-secret-${size.name}.png` });
  }
});
