import { expect, test, type APIRequestContext, type Page, type Route } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { bearer, declareViaApi, storageStateFor } from "../support/fixtures";

// The service catalogue is not part of any page: the declare dialog, the incident page's
// "Add an affected service" form and the action item form read it when they open.

test.use({ storageState: storageStateFor("responder") });

async function newService(request: APIRequestContext, tier = 2) {
  const slug = `picker-${randomUUID().slice(0, 8)}`;
  const name = `Picker ${slug.slice(7)}`;
  const created = await request.post("/api/v1/services", { headers: bearer("admin"), data: { slug, name, tier } });
  expect(created.status(), await created.text()).toBe(201);
  return { slug, name };
}

async function openDeclare(page: Page) {
  const dialog = page.getByRole("dialog", { name: "Declare an incident" });
  // The button is in the server HTML: retry until hydration wires it up.
  await expect(async () => {
    if (!(await dialog.isVisible())) await page.keyboard.press("d");
    await expect(dialog).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 10_000 });
  return dialog;
}

/** Holds back server-action calls (the catalogue read) until `release` is called; other requests pass. */
async function holdServerActions(page: Page) {
  const held: Route[] = [];
  let open = false;
  await page.route("**/*", async (route) => {
    if (!open && route.request().method() === "POST" && route.request().headers()["next-action"]) held.push(route);
    else await route.fallback();
  });
  return {
    release: async () => {
      open = true;
      for (const route of held.splice(0)) await route.fallback();
    },
    fail: async () => {
      for (const route of held.splice(0)) await route.abort("connectionrefused");
    },
    count: () => held.length,
  };
}

test("pages carry no service catalogue; the declare dialog loads it on open and declares on a picked service", async ({ page, request }) => {
  const service = await newService(request);
  // The server HTML of a page (layout with the declare button included) names no service.
  for (const path of ["/postmortems", "/account"]) {
    const html = await (await page.request.get(path)).text();
    expect(html).toContain("Declare");
    expect(html).not.toContain(service.name);
  }

  await page.goto("/postmortems");
  const actions = await holdServerActions(page);
  const dialog = await openDeclare(page);
  await expect(dialog.getByLabel("Title")).toBeFocused();
  await expect(dialog.getByText("Loading the service catalogue…")).toBeVisible();
  await expect.poll(actions.count).toBeGreaterThan(0);
  // A row can be added while the catalogue loads; its select says so, and fills in once it arrives.
  await dialog.getByLabel("Title").fill(`Picked on open ${service.slug}`);
  await dialog.getByRole("radio", { name: /SEV3/ }).check();
  await dialog.getByRole("button", { name: "Add a service" }).click();
  const select = dialog.getByLabel("Service 1", { exact: true });
  await expect(select).toBeFocused();
  await expect(select.locator("option").first()).toHaveText("Loading services…");
  await actions.release();
  await expect(select.locator("option", { hasText: service.name })).toHaveCount(1);
  await expect(select.locator("option").first()).toHaveText("Pick a service…");
  // Keyboard only from here: pick the service in the focused select, submit with Ctrl+Enter.
  await select.selectOption({ label: `${service.name} (tier 2)` });
  await dialog.getByLabel("Title").press("Control+Enter");
  await expect(page).toHaveURL(/\/incidents\/INC-\d+$/);
  await expect(page.getByRole("region", { name: "Affected services" }).getByRole("link", { name: service.name })).toBeVisible();
});

test("a catalogue that cannot be loaded says so next to the picker, and Try again loads it", async ({ page, request }) => {
  const service = await newService(request);
  await page.goto("/postmortems");
  const actions = await holdServerActions(page);
  const dialog = await openDeclare(page);
  await expect.poll(actions.count).toBeGreaterThan(0);
  await actions.fail();
  const fieldset = dialog.getByRole("group", { name: "Affected services (optional)" });
  await expect(fieldset.getByRole("alert")).toContainText("Could not load the services. Check the connection and try again.");
  await actions.release();
  await fieldset.getByRole("button", { name: "Try again" }).click();
  await expect(fieldset.getByRole("alert")).toHaveCount(0);
  await fieldset.getByRole("button", { name: "Add a service" }).click();
  await expect(fieldset.getByLabel("Service 1", { exact: true }).locator("option", { hasText: service.name })).toHaveCount(1);
});

test("the incident page loads the catalogue when the add-service form or the action item form opens", async ({ page, request }) => {
  const linked = await newService(request, 1);
  const other = await newService(request, 3);
  const incident = await declareViaApi(request, {
    title: `Picker page ${linked.slug}`,
    severity: "SEV3",
    services: [{ service: linked.slug, impact: "degraded" }],
  });
  const html = await (await page.request.get(`/incidents/${incident.reference}`)).text();
  expect(html).toContain(linked.name);
  expect(html).not.toContain(other.name);

  await page.goto(`/incidents/${incident.reference}`);
  const panel = page.getByRole("region", { name: "Affected services" });
  const select = panel.getByLabel("Service", { exact: true });
  await select.focus();
  await expect(select.locator("option", { hasText: other.name })).toHaveCount(1);
  // Already linked: not offered again.
  await expect(select.locator("option", { hasText: linked.name })).toHaveCount(0);
  await select.selectOption({ label: `${other.name} (tier 3)` });
  await panel.getByRole("button", { name: "Add service" }).click();
  await expect(panel.getByRole("link", { name: other.name })).toBeVisible();

  const items = page.getByRole("region", { name: /^Action items/ });
  await items.getByRole("button", { name: "Add action item" }).click();
  await expect(items.getByLabel("Service (optional)").locator("option", { hasText: other.name })).toHaveCount(1);
});
