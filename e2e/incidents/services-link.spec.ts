import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { bearer, declareViaApi, storageStateFor } from "../support/fixtures";
import { IncidentPage } from "../support/pages/incident-page";

// Incidents ↔ services on the incident page, the declare dialog and the incident list.
// Each test makes its own services through the API as admin.

const unique = (label: string) => `${label}-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

async function serviceWithSlo(request: APIRequestContext, label: string, slo: { objective: number; windowDays: number }) {
  const slug = unique(label);
  const name = `${label.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase())} ${slug.slice(label.length + 1)}`;
  const created = await request.post("/api/v1/services", { headers: bearer("admin"), data: { slug, name, tier: 1 } });
  expect(created.status(), await created.text()).toBe(201);
  const sloRes = await request.post(`/api/v1/services/${slug}/slos`, { headers: bearer("admin"), data: { name: "Availability", ...slo } });
  expect(sloRes.status(), await sloRes.text()).toBe(201);
  return { slug, name };
}

/** A datetime-local value `minutes` ago in the browser's own zone. */
const localMinutesAgo = (page: Page, minutes: number) =>
  page.evaluate((m) => {
    const d = new Date(Date.now() - m * 60_000);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, minutes);

test.describe("responder", () => {
  test.use({ storageState: storageStateFor("responder") });

  test("declares a SEV2 on a service, changes the impact, sets and clears the spend, adds and removes a service", async ({ page, request }) => {
    const incidentPage = new IncidentPage(page);
    const checkout = await serviceWithSlo(request, "checkout", { objective: 99.9, windowDays: 28 });
    const search = await serviceWithSlo(request, "search", { objective: 99.5, windowDays: 30 });

    await page.goto("/incidents");
    await page.getByRole("button", { name: /Declare/ }).click();
    const dialog = page.getByRole("dialog", { name: "Declare an incident" });
    await dialog.getByLabel("Title").fill(`Checkout failing ${checkout.slug}`);
    await dialog.getByRole("radio", { name: /SEV2/ }).check();
    await dialog.getByRole("button", { name: "Add a service" }).click();
    // The new row's service select takes the focus, so the keyboard can carry on.
    await expect(dialog.getByLabel("Service 1", { exact: true })).toBeFocused();
    await dialog.getByLabel("Service 1", { exact: true }).selectOption({ label: `${checkout.name} (tier 1)` });
    await dialog.getByLabel("Impact on service 1").selectOption("partial_outage");
    await dialog.getByLabel("Impact started (optional)").fill(await localMinutesAgo(page, 20));
    await dialog.getByLabel("Title").press("Control+Enter");

    await expect(page).toHaveURL(/\/incidents\/INC-\d+$/);
    const panel = page.getByRole("region", { name: "Affected services" });
    const timeline = incidentPage.timeline;
    await expect(panel.getByRole("link", { name: checkout.name })).toHaveAttribute("href", `/services/${checkout.slug}`);
    await expect(panel.locator("span", { hasText: /^Partial outage$/ })).toBeVisible();
    await expect(timeline).toContainText(`Affected service added: ${checkout.name} (Partial outage)`);

    // SLO spend: ~20 min × 0.5 of a 40.32 min budget.
    const spend = page.getByRole("region", { name: "SLO spend" });
    await expect(spend).toContainText(`${checkout.name} · Availability`);
    await expect(spend).toContainText(/1\d(\.\d+)? min · \d+(\.\d)?% of its 40\.32 min budget/);

    await panel.getByLabel(`Impact on ${checkout.name}`).selectOption("full_outage");
    await expect(timeline).toContainText(`Impact on ${checkout.name} changed from Partial outage to Full outage`);
    await expect(panel.locator("span", { hasText: /^Full outage$/ })).toBeVisible();
    await expect(spend).toContainText(/[23]\d(\.\d+)? min · \d+(\.\d)?% of its 40\.32 min budget/);

    // Set the spend by hand: each field says what is wrong next to it.
    await spend.getByRole("button", { name: `Set spend by hand for ${checkout.name} · Availability` }).click();
    const minutes = spend.getByLabel("Minutes spent");
    await minutes.fill("");
    await spend.getByLabel("Reason").fill("no");
    await spend.getByRole("button", { name: "Save" }).click();
    await expect(spend.getByText("Enter the minutes this incident spent, e.g. 12.5")).toBeVisible();
    await expect(spend.getByText("Give a reason (at least 3 characters)")).toBeVisible();
    await expect(minutes).toHaveAttribute("aria-invalid", "true");
    await minutes.fill("5");
    await spend.getByLabel("Reason").fill("Only EU checkout was affected");
    await spend.getByRole("button", { name: "Save" }).click();
    await expect(spend).toContainText("Set by hand: Only EU checkout was affected");
    await expect(spend).toContainText("5 min · 12.4% of its 40.32 min budget");
    await expect(timeline).toContainText("Budget spend on SLO “Availability” set by hand to 5 min: Only EU checkout was affected");
    await spend.getByRole("button", { name: `Use computed spend for ${checkout.name} · Availability` }).click();
    await expect(spend).not.toContainText("Set by hand");

    // Add a second service from the panel, then remove it.
    await panel.getByRole("button", { name: "Add service" }).click();
    await expect(panel.getByText("Pick a service to add")).toBeVisible();
    await panel.getByLabel("Service", { exact: true }).selectOption({ label: `${search.name} (tier 1)` });
    await panel.getByLabel("Impact", { exact: true }).selectOption("degraded");
    await panel.getByRole("button", { name: "Add service" }).click();
    await expect(panel.getByRole("link", { name: search.name })).toBeVisible();
    await expect(timeline).toContainText(`Affected service added: ${search.name} (Degraded)`);
    await expect(spend).toContainText(`${search.name} · Availability`);
    await panel.getByRole("button", { name: `Remove ${search.name} from affected services` }).click();
    await expect(panel.getByRole("link", { name: search.name })).toHaveCount(0);
    await expect(timeline).toContainText(`Affected service removed: ${search.name} (was Degraded)`);

    // SEV1/SEV2 need a postmortem: a calm note once resolved, not before.
    await expect(page.getByText("Postmortem required (SEV1/SEV2)")).toHaveCount(0);
    await incidentPage.stepButton("Resolved").click();
    await page.getByRole("dialog", { name: "Change status" }).getByRole("button", { name: "Change status" }).click();
    await expect(page.getByText("Postmortem required (SEV1/SEV2)")).toBeVisible();
  });

  test("a backdated SEV3 that exhausts a tiny budget is flagged as needing a postmortem; the list filters by service", async ({ page, request }) => {
    const incidentPage = new IncidentPage(page);
    // 99.95 % over 1 day: 0.72 min of budget; 10 min of full outage exhausts it.
    const tiny = await serviceWithSlo(request, "ledger", { objective: 99.95, windowDays: 1 });
    const title = unique("Ledger writes failing");
    const incident = await declareViaApi(request, {
      title,
      severity: "SEV3",
      startedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      services: [{ service: tiny.slug, impact: "full_outage" }],
    });
    await incidentPage.goto(incident.reference);
    const alert = page.getByRole("region", { name: "Error budget and postmortem" });
    await expect(alert).toContainText(`This incident pushed ${tiny.slug} · Availability to exhausted: 0 min of 0.72 left`);
    await expect(alert).toContainText("Needs a postmortem: its spend exhausted an error budget");
    await expect(page.getByRole("region", { name: "SLO spend" }).getByText("Exhausted")).toBeVisible();

    await page.goto(`/incidents?status=all&service=${tiny.slug}`);
    await expect(page.getByLabel("Service", { exact: true })).toHaveValue(tiny.slug);
    const rows = page.getByRole("list", { name: "Incidents" }).getByRole("listitem");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(title);
    await expect(rows.first()).toContainText(tiny.name);
  });

  test("the declare dialog names a service row left empty", async ({ page, request }) => {
    await serviceWithSlo(request, "empty-row", { objective: 99.9, windowDays: 28 });
    await page.goto("/incidents");
    await page.getByRole("button", { name: /Declare/ }).click();
    const dialog = page.getByRole("dialog", { name: "Declare an incident" });
    await dialog.getByLabel("Title").fill("Empty service row");
    await dialog.getByRole("radio", { name: /SEV4/ }).check();
    await dialog.getByRole("button", { name: "Add a service" }).click();
    await dialog.getByRole("button", { name: "Declare incident" }).click();
    await expect(dialog.getByText("Pick a service, or remove this row")).toBeVisible();
    await expect(dialog.getByLabel("Service 1", { exact: true })).toBeFocused();
    await dialog.getByRole("button", { name: "Remove service 1" }).click();
    await expect(dialog.getByLabel("Service 1", { exact: true })).toHaveCount(0);
  });
});

test.describe("viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("sees affected services and SLO spend but no controls", async ({ page, request }) => {
    const incidentPage = new IncidentPage(page);
    const svc = await serviceWithSlo(request, "reports", { objective: 99.9, windowDays: 28 });
    const incident = await declareViaApi(request, { title: unique("Reports slow"), severity: "SEV3", services: [{ service: svc.slug, impact: "degraded" }] });
    await incidentPage.goto(incident.reference);
    const panel = page.getByRole("region", { name: "Affected services" });
    await expect(panel.getByRole("link", { name: svc.name })).toBeVisible();
    await expect(panel.getByText("Degraded", { exact: true })).toBeVisible();
    await expect(panel.getByRole("combobox")).toHaveCount(0);
    await expect(panel.getByRole("button")).toHaveCount(0);
    const spend = page.getByRole("region", { name: "SLO spend" });
    await expect(spend).toContainText(`${svc.name} · Availability`);
    await expect(spend.getByRole("button")).toHaveCount(0);
  });
});
