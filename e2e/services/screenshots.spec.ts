import { expect, test } from "@playwright/test";
import { declareViaApi, storageStateFor } from "../support/fixtures";
import { pastIncident, ServicePage, ServicesCatalogue, TeamsAdminPage, unique } from "../support/pages/services";

// Renders the catalogue, a service page whose budget actually burns, and /admin/teams at
// desktop and phone sizes into screenshots/ for people to look at; the assertions check
// that nothing overflows sideways.
const sizes = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
];
const DAY_MIN = 24 * 60;

test.use({ storageState: storageStateFor("admin") });

test("services catalogue, a burning service page and teams at desktop and phone widths", async ({ page, request }) => {
  const catalogue = new ServicesCatalogue(page);
  const servicePage = new ServicePage(page);
  const teams = new TeamsAdminPage(page);
  test.setTimeout(180_000);
  const team = unique("Payments");
  const teamRow = await teams.createTeam(team);
  await teamRow.getByLabel(`Add a member to ${team}`).selectOption({ label: "Riley Responder (responder@example.test)" });
  await teamRow.getByRole("button", { name: `Add to ${team}` }).click();
  await expect(teamRow.getByRole("list", { name: `Members of ${team}` })).toContainText("Riley Responder");

  for (const [other, member] of [
    [unique("Platform"), "Sam Second (responder2@example.test)"],
    [unique("Identity"), "Administrator (admin@example.test)"],
  ] as const) {
    const row = await teams.createTeam(other);
    await row.getByLabel(`Add a member to ${other}`).selectOption({ label: member });
    await row.getByRole("button", { name: `Add to ${other}` }).click();
    await expect(row.getByRole("list", { name: `Members of ${other}` })).toContainText(member.split(" (")[0]!);
  }

  const slug = unique("payments-api");
  await catalogue.createService({
    slug,
    name: "Payments API",
    team,
    tier: 1,
    runbookUrl: "https://wiki.example.com/runbooks/payments-api",
    description: "Authorises and captures card payments for **checkout** and subscriptions.\n\nDepends on the card processor and the ledger.",
    links: [
      { label: "Grafana dashboard", url: "https://grafana.example.com/d/payments" },
      { label: "Repository", url: "https://git.example.com/payments/api" },
    ],
  });
  await servicePage.addSlo({ name: "Availability", objective: "99.9", sli: "Share of payment API requests answered without a 5xx" });
  await servicePage.addSlo({ name: "Latency", objective: "99", sli: "Share of authorisations answered within 800 ms" });

  // Three past incidents that burn the 99.9 % budget (40.32 min) through 25 % and past zero.
  await pastIncident(request, { title: "Card processor timeouts", slug, impact: "full_outage", startedAgoMin: 20 * DAY_MIN, minutes: 18 });
  await pastIncident(request, {
    title: "Slow authorisations after deploy",
    slug,
    severity: "SEV3",
    impact: "partial_outage",
    startedAgoMin: 11 * DAY_MIN,
    minutes: 26,
  });
  await pastIncident(request, { title: "Payments API returns 502", slug, severity: "SEV1", impact: "full_outage", startedAgoMin: 4 * DAY_MIN, minutes: 12 });
  await declareViaApi(request, {
    title: "Elevated 3-D Secure failures",
    severity: "SEV3",
    startedAt: new Date(Date.now() - 40 * 60_000).toISOString(),
    services: [{ service: slug, impact: "degraded" }],
  });

  // A few more services for the catalogue.
  for (const [name, tier] of [
    ["Ledger", 1],
    ["Notifications", 2],
    ["Search", 2],
    ["Internal wiki", 3],
  ] as const) {
    const s = unique(name.toLowerCase().replace(/\s+/g, "-"));
    await catalogue.createService({ slug: s, name, tier, team: name === "Ledger" ? team : undefined });
    if (name !== "Internal wiki") await servicePage.addSlo({ name: "Availability", objective: name === "Search" ? "99.5" : "99.9" });
    if (name === "Search")
      await pastIncident(request, { title: "Search index rebuild", slug: s, impact: "partial_outage", startedAgoMin: 6 * DAY_MIN, minutes: 320 });
  }

  for (const size of sizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    const shoot = async (name: string) => {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `screenshots/services-${name}-${size.name}.png`, fullPage: true });
    };
    const noSidewaysScroll = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);

    await catalogue.goto();
    await expect(page.getByRole("row").filter({ hasText: slug })).toContainText("Exhausted");
    await shoot("catalogue");
    await noSidewaysScroll();

    // The add-service form with its errors beside the fields.
    await page.getByRole("button", { name: "Add service" }).click();
    const form = page.getByRole("form", { name: "Add a service" });
    await form.getByLabel("Slug").fill("Bad Slug");
    await form.getByLabel("Runbook URL").fill("wiki/runbook");
    await form.getByLabel("Link 1 label").fill("Dashboard");
    await form.getByRole("button", { name: "Add service" }).click();
    await expect(form.getByLabel("Link 1 URL")).toHaveAttribute("aria-invalid", "true");
    await shoot("add-form");
    await noSidewaysScroll();

    await servicePage.goto(slug);
    await expect(page.getByRole("article", { name: "Availability" })).toContainText("Ran out");
    await shoot("service");
    await noSidewaysScroll();

    await teams.goto();
    await expect(page.getByRole("heading", { name: "Teams", level: 1 })).toBeVisible();
    await shoot("teams");
    await noSidewaysScroll();
  }

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: "dark" });
  await servicePage.goto(slug);
  await page.screenshot({ path: "screenshots/services-service-desktop-dark.png", fullPage: true });
});
