import { expect, test } from "@playwright/test";
import { declareViaApi, storageStateFor } from "../support/fixtures";
import { pastIncident, ServicePage, ServicesCatalogue, TeamsAdminPage, unique } from "../support/pages/services";

test.use({ storageState: storageStateFor("admin") });

test("catalogue filters live in the URL and narrow the list", async ({ page, request }) => {
  const catalogue = new ServicesCatalogue(page);
  const servicePage = new ServicePage(page);
  const teams = new TeamsAdminPage(page);
  const word = unique("filt");
  const team = unique(`Team ${word}`);
  await teams.createTeam(team);
  const quiet = `${word}-quiet`;
  const busy = `${word}-busy`;
  const burnt = `${word}-burnt`;
  await catalogue.createService({ slug: quiet, name: `Quiet ${word}`, tier: 3, team });
  await catalogue.createService({ slug: busy, name: `Busy ${word}`, tier: 1 });
  await catalogue.createService({ slug: burnt, name: `Burnt ${word}`, tier: 2 });
  await servicePage.addSlo({ name: "Availability", objective: "99.9" });
  await declareViaApi(request, { title: unique("Busy is down"), severity: "SEV3", services: [{ service: busy, impact: "degraded" }] });
  await pastIncident(request, { title: unique("Burnt out"), slug: burnt, impact: "full_outage", startedAgoMin: 300, minutes: 60 });

  const rows = page.getByRole("table").getByRole("row").filter({ hasText: word });
  await catalogue.goto();
  await page.getByLabel("Search name, slug and description").fill(word);
  await page.getByLabel("Search name, slug and description").press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]q=${word}`));
  await expect(rows).toHaveCount(3);

  await catalogue.tierFilter.selectOption("1");
  await expect(page).toHaveURL(/tier=1/);
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(busy);
  await catalogue.tierFilter.selectOption("");
  await expect(page).not.toHaveURL(/tier=/);
  await expect(rows).toHaveCount(3);

  await page.getByLabel("Has open incident").check();
  await expect(page).toHaveURL(/openIncident=1/);
  await expect(rows).toHaveCount(1);
  const open = rows.getByRole("link", { name: `1 open incident on Busy ${word}` });
  await expect(open).toHaveAttribute("href", `/incidents?service=${busy}&status=active`);
  await page.getByLabel("Has open incident").uncheck();

  await page.getByLabel("Budget at risk").check();
  await expect(page).toHaveURL(/atRisk=1/);
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(burnt);
  await expect(rows).toContainText("Exhausted");
  await page.getByLabel("Budget at risk").uncheck();

  await page.getByLabel("Owner team").selectOption({ label: team });
  await expect(page).toHaveURL(/team=\d+/);
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(quiet);

  // A shared link opens the same view.
  await catalogue.goto(`?q=${word}&tier=2`);
  await expect(catalogue.tierFilter).toHaveValue("2");
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(burnt);
  await page.getByRole("link", { name: "Clear" }).click();
  await expect(page).toHaveURL(/\/services$/);
});

test("the add-service form shows each problem next to its field", async ({ page }) => {
  const catalogue = new ServicesCatalogue(page);
  const taken = unique("taken");
  await catalogue.createService({ slug: taken, name: "Taken", tier: 2 });

  const form = await catalogue.fillServiceForm({
    slug: taken,
    name: "Duplicate",
    tier: 2,
    runbookUrl: "not a url",
    links: [{ label: "Dash", url: "ftp://example.com/x" }],
  });
  await form.getByRole("button", { name: "Add service" }).click();
  await expect(form.getByLabel("Runbook URL")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Runbook URL")).toHaveAccessibleDescription(/full URL/);
  await expect(form.getByLabel("Link 1 URL")).toHaveAccessibleDescription(/http:\/\/ or https:\/\//);
  await expect(form.getByRole("alert")).toContainText("Check the highlighted fields");

  // With the URLs fixed, the taken slug is refused next to the slug.
  await form.getByLabel("Runbook URL").fill("https://wiki.example.com/ok");
  await form.getByLabel("Link 1 URL").fill("https://grafana.example.com/ok");
  await form.getByRole("button", { name: "Add service" }).click();
  await expect(form.getByLabel("Slug")).toHaveAccessibleDescription(/taken/);
  await expect(page).toHaveURL(/\/services$/);

  // Missing name and tier, and a slug with capitals and spaces.
  await form.getByLabel("Slug").fill("Bad Slug!");
  await form.getByLabel("Name", { exact: true }).fill("");
  await form.getByLabel("Tier").selectOption("");
  await form.getByRole("button", { name: "Add service" }).click();
  await expect(form.getByLabel("Slug")).toHaveAccessibleDescription(/lowercase letters, digits and single hyphens/);
  await expect(form.getByLabel("Name", { exact: true })).toHaveAccessibleDescription(/Name is required/);
  await expect(form.getByLabel("Tier")).toHaveAccessibleDescription(/Tier must be 1, 2 or 3/);
});
