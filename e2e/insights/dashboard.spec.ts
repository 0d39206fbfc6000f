import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { SEVERITIES } from "../../lib/severity";
import { formatSeconds } from "../../lib/insights/format";
import { bearerDemo, demoBaseURL, signInToDemo } from "../support/demo";
import { announcedCount, InsightsPage, tabTo } from "../support/pages/insights";

// The insights dashboard on the demo server's six months of incidents (read only).

const CSV_HEADER =
  "reference,title,severity,status,services,contributing_factors,commander,started_at,detected_at,declared_at,acknowledged_at,mitigated_at,resolved_at,closed_at," +
  "reconstructed_timestamps,time_to_detect_s,time_to_acknowledge_s,time_to_mitigate_s,time_to_resolve_s,declared_out_of_hours,postmortem_status,postmortem_published_at";

test.beforeEach(async ({ page }) => {
  await signInToDemo(page, "viewer");
});

test("the dashboard renders its tiles and charts on the demo data", async ({ page }) => {
  const insights = new InsightsPage(page);
  await insights.goto();
  await expect(page).toHaveTitle(/^Insights/);
  await expect(page.getByRole("heading", { name: "Insights", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Insights" })).toHaveAttribute("aria-current", "page");
  await expect(insights.scope).toContainText(/\d+ incidents? started .* · \d+ drills? left out · compared with the 90 days before/);
  await expect(page.getByRole("heading", { name: "What changed", level: 2 })).toBeVisible();
  for (const topic of ["Volume:", "Speed:", "Causes:", "Follow-through:"]) await expect(page.getByTestId("key-findings")).toContainText(topic);

  const incidents = insights.tile("Incidents");
  expect(await announcedCount(incidents.getByRole("link", { name: /incidents?: show them$/ }).first())).toBeGreaterThan(0);
  await expect(incidents.getByRole("link", { name: /incidents?: show them$/ }).first()).toHaveAttribute(
    "href",
    /^\/incidents\?from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d&drill=0$/,
  );
  for (const name of ["Time to mitigate", "Time to resolve", "Time to detect", "Time to acknowledge"]) {
    const t = insights.tile(name);
    await expect(t).toContainText("Median");
    await expect(t).toContainText("p90");
    await expect(t).toContainText(/n = \d+/);
    await expect(t).toContainText(/than before|Same as before|No figure/);
  }
  await expect(insights.tile("Postmortems published on time")).toContainText(/\d+%|—/);
  await expect(insights.tile("Action items done on time")).toContainText(/\d+%|—/);
  await expect(insights.tile("Action items overdue now")).toContainText(/\d+/);

  for (const heading of [
    "How many incidents, and where?",
    "Are incidents getting shorter?",
    "Why do they happen, and do they come back?",
    "Do we follow through?",
    "Who carries the load?",
  ]) {
    await expect(page.getByRole("heading", { name: heading, level: 2 })).toBeVisible();
  }
  // Recharts draws an SVG per chart: weekly incidents, two histograms, postmortems, action items, responders.
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
  expect(await page.locator(".recharts-wrapper svg.recharts-surface").count()).toBeGreaterThanOrEqual(6);
  await expect(page.getByRole("region", { name: "Incidents and impact by service" }).getByRole("link").first()).toHaveAttribute("href", /^\/services\//);
});

test("a severity filter and a range change the URL and the figures", async ({ page }) => {
  const insights = new InsightsPage(page);
  await insights.goto();
  const incidents = insights.tile("Incidents");
  const total = await announcedCount(incidents.getByRole("link", { name: /^[\d,]+ incidents?: show them$/ }));
  const counts = await Promise.all(
    SEVERITIES.map((s) => announcedCount(incidents.getByRole("link", { name: new RegExp(`^[\\d,]+ ${s} incidents?: show them$`) }))),
  );
  expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
  const pick = SEVERITIES.findIndex((_, i) => counts[i]! > 0 && counts[i]! < total);
  expect(pick, "the demo data has more than one severity").toBeGreaterThanOrEqual(0);
  const severity = SEVERITIES[pick]!;

  await insights.severity(severity).check();
  await insights.apply.click();
  await expect(page).toHaveURL(new RegExp(`/insights\\?range=90&severity=${severity}$`));
  await expect(incidents.getByRole("link", { name: /^[\d,]+ incidents?: show them$/ })).toHaveAttribute(
    "aria-label",
    `${counts[pick]} ${counts[pick] === 1 ? "incident" : "incidents"}: show them`,
  );
  await expect(insights.scope).toContainText(`${severity} only`);
  await expect(incidents.getByRole("link", { name: /^[\d,]+ incidents?: show them$/ })).toHaveAttribute("href", new RegExp(`severity=${severity}&drill=0$`));

  // The URL alone reproduces the view, and a shorter range narrows it.
  await insights.goto(`?range=90&severity=${severity}`);
  await expect(insights.severity(severity)).toBeChecked();
  await insights.period.selectOption("30");
  await insights.apply.click();
  await expect(page).toHaveURL(new RegExp(`/insights\\?range=30&severity=${severity}$`));
  await expect(insights.scope).toContainText("compared with the 30 days before");
  expect(await announcedCount(incidents.getByRole("link", { name: /^[\d,]+ incidents?: show them$/ }))).toBeLessThanOrEqual(counts[pick]!);
});

test("the CSV link downloads the incidents behind the figures", async ({ page }) => {
  const insights = new InsightsPage(page);
  await insights.goto("?range=180&severity=SEV1,SEV2");
  const link = page.getByRole("link", { name: "Download incidents (CSV)" });
  await expect(link).toHaveAttribute("href", "/api/v1/insights/incidents.csv?range=180&severity=SEV1,SEV2");
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const text = fs.readFileSync((await download.path())!, "utf8");
  const lines = text.trim().split(/\r?\n/);
  expect(lines[0]).toBe(CSV_HEADER);
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines.slice(1)) expect(line).toMatch(/^INC-\d+,.*,SEV[12],/);
});

test("Show data reveals each chart's numbers as a table", async ({ page }) => {
  const insights = new InsightsPage(page);
  await insights.goto();
  const card = page.getByRole("region", { name: "Incidents per week" });
  await expect(card.getByRole("table")).toBeHidden();
  await card.getByText("Show data").click();
  const table = card.getByRole("table");
  await expect(table).toBeVisible();
  await expect(table.getByRole("columnheader")).toHaveText(["Week starting", "SEV1", "SEV2", "SEV3", "SEV4", "Total"]);
  expect(await table.getByRole("row").count()).toBeGreaterThan(10);
  expect(await page.getByText("Show data").count()).toBeGreaterThanOrEqual(6);
});

test("the controls and definitions work from the keyboard", async ({ page }) => {
  const insights = new InsightsPage(page);
  await insights.goto();
  await tabTo(page, insights.period);
  await tabTo(page, page.getByRole("checkbox", { name: "SEV1" }));
  await page.keyboard.press("Space");
  await tabTo(page, insights.apply);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/insights\?range=90&severity=SEV1$/);

  // The first definition after the controls: read on focus, hidden again with Escape.
  const info = page.getByRole("button", { name: "Definition of Incidents", exact: true });
  await tabTo(page, info);
  const tip = page.getByRole("tooltip").filter({ hasText: "Incidents that started in the period" });
  await expect(tip).toBeVisible();
  await expect(info).toHaveAccessibleDescription(/Incidents that started in the period and match the filters/);
  await page.keyboard.press("Escape");
  await expect(tip).toBeHidden();
});

test("bad filters are explained next to their field and the form stays", async ({ page }) => {
  const insights = new InsightsPage(page);
  await insights.goto("?from=2026-02-30&to=2026-03-10");
  await expect(page.getByRole("alert").filter({ hasText: "These filters cannot be shown" })).toBeVisible();
  await expect(page.getByLabel("From")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("From")).toHaveAccessibleDescription("Not a real calendar date");
  await insights.goto("?service=no-such-service");
  await expect(page.getByLabel("Service")).toHaveAccessibleDescription(/No such service/);
  await expect(insights.apply).toBeVisible();
});

test("the page shows the same numbers as GET /api/v1/insights", async ({ page, request }) => {
  const insights = new InsightsPage(page);
  const res = await request.get(`${demoBaseURL}/api/v1/insights?range=90`, { headers: bearerDemo("viewer") });
  expect(res.status()).toBe(200);
  const body = await res.json();
  await insights.goto("?range=90");
  await expect(insights.scope).toContainText(`${body.scope.current.incidents} incidents started`);
  const mitigate = insights.tile("Time to mitigate");
  await expect(mitigate).toContainText(formatSeconds(body.headline.durations.mitigate.current.median));
  await expect(mitigate).toContainText(formatSeconds(body.headline.durations.mitigate.current.p90));
  await expect(mitigate).toContainText(`n = ${body.headline.durations.mitigate.current.incidents}`);
  await expect(insights.tile("Time to resolve")).toContainText(formatSeconds(body.headline.durations.resolve.current.median));
  await expect(insights.tile("Action items overdue now")).toContainText(String(body.headline.actionItemsOverdueNow));
  const pm = body.headline.postmortemsOnTime.current;
  if (pm.rate !== null) await expect(insights.tile("Postmortems published on time")).toContainText(`${Math.round(pm.rate * 100)}%`);
});
