import { expect, test } from "@playwright/test";
import { storageStateFor } from "../support/fixtures";
import { pastIncident, ServicePage, ServicesCatalogue, TeamsAdminPage, unique } from "../support/pages/services";

test.use({ storageState: storageStateFor("admin") });

test("admin creates a team, a service it owns and a 99.9 % / 28-day SLO: the full budget is 40.32 min", async ({ page }) => {
  const catalogue = new ServicesCatalogue(page);
  const servicePage = new ServicePage(page);
  const teams = new TeamsAdminPage(page);
  const team = unique("Checkout team");
  await teams.createTeam(team);
  const slug = unique("checkout-api");
  await catalogue.createService({
    slug,
    name: "Checkout API",
    team,
    tier: 1,
    runbookUrl: "https://wiki.example.com/runbooks/checkout",
    description: "Takes **payments** for orders.",
    links: [{ label: "Dashboard", url: "https://grafana.example.com/d/checkout" }],
  });

  // Header: owner, tier, runbook and links; the description as markdown.
  await expect(page.getByText(`Owner team: ${team}`)).toBeVisible();
  await expect(page.getByText("Tier 1", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Runbook" })).toHaveAttribute("href", "https://wiki.example.com/runbooks/checkout");
  await expect(page.getByRole("link", { name: "Dashboard" })).toHaveAttribute("href", "https://grafana.example.com/d/checkout");
  await expect(page.getByRole("region", { name: "Description" }).locator("strong")).toHaveText("payments");
  await expect(page.getByText("No active incidents")).toBeVisible();

  await servicePage.addSlo({ name: "Availability", objective: "99.9", sli: "Share of checkout requests answered without a 5xx" });
  const card = servicePage.sloCard("Availability");
  await expect(card).toContainText("Objective 99.9% over 28 days");
  await expect(card.getByRole("meter", { name: "Availability: error budget remaining" })).toHaveAttribute("aria-valuetext", "40.32 min (100%) left");
  await expect(card).toContainText("40.32 min");
  await expect(card).toContainText("100%");
  await expect(card.getByText("Healthy")).toBeVisible();
  await expect(card.getByRole("img", { name: /Budget left over the last 28 days/ })).toBeVisible();
  await expect(card).toContainText("No incident has spent this budget");

  // The catalogue lists it with its team, tier and budget state.
  await catalogue.goto(`?q=${slug}`);
  const row = page.getByRole("row").filter({ hasText: slug });
  await expect(row).toContainText("Checkout API");
  await expect(row).toContainText(team);
  await expect(row).toContainText("Tier 1");
  await expect(row).toContainText("Healthy");
});

test("an incident spends the budget: the service page shows the drop, the spender and an at-risk status", async ({ page, request }) => {
  const catalogue = new ServicesCatalogue(page);
  const servicePage = new ServicePage(page);
  const slug = unique("search-api");
  await catalogue.createService({ slug, name: "Search API", tier: 2 });
  await servicePage.addSlo({ name: "Availability", objective: "99.9", windowDays: "28" });

  // 35 min of full outage two days ago: 40.32 − 35 = 5.32 min left (13.2 %), at risk.
  const title = unique("Search returns 503");
  const incident = await pastIncident(request, { title, slug, impact: "full_outage", startedAgoMin: 2 * 24 * 60, minutes: 35 });
  await page.reload();
  const card = servicePage.sloCard("Availability");
  await expect(card.getByRole("meter")).toHaveAttribute("aria-valuetext", "5.32 min (13.2%) left");
  await expect(card.getByText("Budget: At risk", { exact: true })).toBeVisible();
  const spender = card.getByRole("region", { name: "Incidents that spent the Availability budget" }).getByRole("listitem");
  await expect(spender).toContainText(incident.reference);
  await expect(spender).toContainText(title);
  await expect(spender).toContainText("35 min");
  await expect(card).toContainText(/Fell below 25%/);

  // The data table behind the chart starts at the full budget and ends at what is left.
  await card.getByText("Show data").click();
  const rows = card.getByRole("table").getByRole("row");
  await expect(rows.nth(1)).toContainText("40.32");
  await expect(rows.last()).toContainText("5.32");

  // History lists it with its time to resolve; the median uses it.
  const history = page.getByRole("region", { name: "Incident history" });
  await expect(history).toContainText(title);
  await expect(history).toContainText("Resolved in 35m");
  await expect(history).toContainText("Median time to resolve: 35m");
});

test("admin edits and deletes an SLO; bad objective and window are refused next to the fields", async ({ page }) => {
  const catalogue = new ServicesCatalogue(page);
  const servicePage = new ServicePage(page);
  const slug = unique("edge-proxy");
  await catalogue.createService({ slug, name: "Edge proxy", tier: 3 });
  await page.getByRole("button", { name: "Add SLO" }).click();
  const form = servicePage.addSloForm;
  await form.getByLabel("Name", { exact: true }).fill("Latency");
  await form.getByLabel("Objective (%)").fill("100");
  await form.getByLabel("Window (days)").fill("91");
  await form.getByRole("button", { name: "Add SLO" }).click();
  await expect(form.getByLabel("Objective (%)")).toHaveAccessibleDescription(/between 50 and 99.9999/);
  await expect(form.getByLabel("Window (days)")).toHaveAccessibleDescription(/1 to 90 days/);
  await form.getByLabel("Objective (%)").fill("99");
  await form.getByLabel("Window (days)").fill("30");
  await form.getByRole("button", { name: "Add SLO" }).click();
  const card = servicePage.sloCard("Latency");
  // 30 days × 1 % = 432 min.
  await expect(card.getByRole("meter")).toHaveAttribute("aria-valuetext", "432 min (100%) left");

  await card.getByRole("button", { name: "Edit SLO Latency" }).click();
  const edit = page.getByRole("form", { name: "Edit SLO “Latency”" });
  await edit.getByLabel("Objective (%)").fill("99.5");
  await edit.getByRole("button", { name: "Save SLO" }).click();
  await expect(card.getByRole("meter")).toHaveAttribute("aria-valuetext", "216 min (100%) left");
  await expect(card).toContainText("Objective 99.5% over 30 days");

  await card.getByRole("button", { name: "Delete SLO Latency" }).click();
  await page.getByRole("group", { name: "Confirm deleting SLO Latency" }).getByRole("button", { name: "Delete SLO" }).click();
  await expect(servicePage.sloCard("Latency")).toHaveCount(0);
  await expect(page.getByText("No SLOs yet.")).toBeVisible();
});
