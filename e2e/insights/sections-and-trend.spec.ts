import { expect, test, type Locator } from "@playwright/test";
import { formatSeconds } from "../../lib/insights/format";
import type { InsightsReport } from "../../lib/insights/types";
import { bearerDemo, demoBaseURL, signInToDemo } from "../support/demo";
import { InsightsPage } from "../support/pages/insights";

// The dashboard's layout on the demo data: a light page, a section navigation that jumps,
// "Show data" tables rendered only when asked for, the duration trend and legible histogram labels.

// The server's HTML of /insights on the demo data (41 incidents) was 362 KB with every
// "Show data" table rendered into it, hidden in <details>, and again as element trees in the
// RSC payload; 292 KB with the tables' values as client props. Now the tables are fetched
// when opened and the page carries only the charts.
const MAX_HTML_BYTES = 330_000;

test.beforeEach(async ({ page }) => {
  await signInToDemo(page, "viewer");
});

test("the page HTML stays small: no data tables until asked for", async ({ page }) => {
  const insights = new InsightsPage(page);
  const html = await insights.gotoAndWaitForCharts();
  expect(html).toBeLessThan(MAX_HTML_BYTES);
});

test("the section navigation jumps to each section, below the sticky bars", async ({ page }) => {
  const insights = new InsightsPage(page);
  await insights.gotoAndWaitForCharts();
  const nav = insights.sectionsNav;
  const targets: [string, string, string][] = [
    ["Speed", "speed", "Are incidents getting shorter?"],
    ["Volume and where", "where", "How many incidents, and where?"],
    ["Causes", "causes", "Why do they happen, and do they come back?"],
    ["Follow-through", "follow-through", "Do we follow through?"],
    ["People", "people", "Who carries the load?"],
    ["Overview", "overview", "At a glance"],
  ];
  for (const [link, hash, heading] of targets) {
    await nav.getByRole("link", { name: link, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/insights#${hash}$`));
    const h2 = page.getByRole("heading", { name: heading, level: 2 });
    await expect(h2).toBeInViewport();
    // Not hidden under the sticky navigation, which stays in view.
    await expect(nav).toBeInViewport();
    const navBox = (await nav.boundingBox())!;
    const headingBox = (await h2.boundingBox())!;
    expect(headingBox.y).toBeGreaterThanOrEqual(navBox.y + navBox.height - 1);
    await expect(nav.getByRole("link", { name: link, exact: true })).toHaveAttribute("aria-current", "location");
  }
});

test("on a phone the section links scroll sideways and land each heading below the page header", async ({ page }) => {
  const insights = new InsightsPage(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await insights.gotoAndWaitForCharts();
  const nav = insights.sectionsNav;
  // The row scrolls inside itself; the page never scrolls sideways.
  expect(await nav.getByRole("list").evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const header = page.getByRole("banner");
  for (const [link, heading] of [
    ["Causes", "Why do they happen, and do they come back?"],
    ["People", "Who carries the load?"],
  ]) {
    await nav.getByRole("link", { name: link, exact: true }).click();
    const h2 = page.getByRole("heading", { name: heading, level: 2 });
    await expect(h2).toBeInViewport();
    const headerBox = (await header.boundingBox())!;
    expect((await h2.boundingBox())!.y).toBeGreaterThanOrEqual(headerBox.y + headerBox.height - 1);
  }
});

test("Show data renders a chart's table only after a click", async ({ page }) => {
  const insights = new InsightsPage(page);
  const response = await insights.goto();
  const html = await response!.text();
  // Not in the HTML at all, hidden or not (only the spread tables of the two histograms are).
  expect(html).not.toMatch(/<caption[^>]*>Incidents per week by severity/);
  expect(html.match(/<table/g) ?? []).toHaveLength(2);
  const card = insights.section("Incidents per week");
  await expect(card.locator("table")).toHaveCount(0);
  const button = card.getByRole("button", { name: "Show data: Incidents per week" });
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await button.click();
  await expect(card.getByRole("table", { name: "Incidents per week by severity" })).toBeVisible();
  await expect(card.getByRole("button", { name: "Hide data: Incidents per week" })).toHaveAttribute("aria-expanded", "true");
  await card.getByRole("button", { name: "Hide data: Incidents per week" }).click();
  await expect(card.locator("table")).toHaveCount(0);
});

test("the services table and the full repeats list load only when opened, from the keyboard too", async ({ page }) => {
  const insights = new InsightsPage(page);
  const response = await insights.goto("?range=180");
  const html = await response!.text();
  expect(html).not.toContain("Incidents, impact minutes and SLO budgets per service");
  const services = insights.section("Incidents and impact by service");
  const open = services.getByRole("button", { name: "Show data: Incidents and impact by service" });
  await expect(services.locator("table")).toHaveCount(0);
  await open.focus();
  await page.keyboard.press("Enter");
  const table = services.getByRole("table", { name: "Incidents, impact minutes and SLO budgets per service" });
  await expect(table).toBeVisible();
  await expect(table.getByRole("columnheader")).toHaveText(["Service", "Team", "Incidents", "Impact minutes", "SLOs (budget left)"]);
  expect(await table.locator("tbody tr").count()).toBeGreaterThan(0);
  // A service's name opens the service.
  await expect(table.locator("tbody tr").first().getByRole("link")).toHaveAttribute("href", /^\/services\//);
  await page.keyboard.press("Space");
  await expect(services.locator("table")).toHaveCount(0);
  await expect(services.getByRole("button", { name: "Show data: Incidents and impact by service" })).toHaveAttribute("aria-expanded", "false");

  // Repeats: the latest three on the page, the rest as a table on demand.
  const repeats = insights.section("Repeat incidents");
  const listed = await repeats.getByRole("listitem").count();
  expect(listed).toBeLessThanOrEqual(3);
  const more = repeats.getByRole("button", { name: /^Show the latest \d+ as a table: Repeat incidents$/ });
  if ((await more.count()) === 0) return;
  await more.press("Enter");
  const all = repeats.getByRole("table");
  await expect(all).toBeVisible();
  await expect(all.getByRole("columnheader")).toHaveText(["Incident", "Severity", "Title", "Service", "Factor", "After", "Earlier incident"]);
  expect(await all.locator("tbody tr").count()).toBeGreaterThan(listed);
  await expect(all.locator("tbody tr").first().getByRole("link").first()).toHaveAttribute("href", /^\/incidents\/INC-\d+$/);
});

async function rowsOf(table: Locator) {
  return table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("th, td")].map((c) => c.textContent?.trim() ?? "")));
}

type TrendPoint = InsightsReport["durationTrend"]["points"][number];

test("the duration trend shows the API's durationTrend, weekly for 90 days and monthly for 365", async ({ page, request }) => {
  const insights = new InsightsPage(page);
  for (const [range, bucket] of [
    ["90", "week"],
    ["365", "month"],
  ] as const) {
    const res = await request.get(`${demoBaseURL}/api/v1/insights?range=${range}`, { headers: bearerDemo("viewer") });
    expect(res.status()).toBe(200);
    const { durationTrend } = (await res.json()) as { durationTrend: { bucket: string; points: TrendPoint[] } };
    expect(durationTrend.bucket).toBe(bucket);
    expect(durationTrend.points.some((p) => p.resolve.incidents > 0)).toBe(true);

    await insights.gotoAndWaitForCharts(`?range=${range}`);
    const card = insights.section(`Time to mitigate and resolve per ${bucket}`);
    await expect(card.getByRole("application", { name: `Median and p90 time to mitigate and to resolve per ${bucket}` })).toBeVisible();
    for (const name of ["Mitigate median", "Mitigate p90", "Resolve median", "Resolve p90"])
      await expect(card.locator(".recharts-legend-wrapper")).toContainText(name);
    // Median solid, p90 dashed.
    await expect(card.locator(".recharts-line-curve[stroke-dasharray='6 4']")).toHaveCount(2);

    await card.getByRole("button", { name: /^Show data/ }).click();
    const table = card.getByRole("table");
    await expect(table).toBeVisible();
    await expect(table.getByRole("columnheader")).toHaveText([
      bucket === "week" ? "Week starting" : "Month",
      "Mitigated (n)",
      "Mitigate median",
      "Mitigate p90",
      "Not mitigated",
      "Resolved (n)",
      "Resolve median",
      "Resolve p90",
      "Not resolved",
    ]);
    const expected = durationTrend.points.map((p) => [
      p.label,
      String(p.mitigate.incidents),
      formatSeconds(p.mitigate.median),
      formatSeconds(p.mitigate.p90),
      String(p.mitigate.missing),
      String(p.resolve.incidents),
      formatSeconds(p.resolve.median),
      formatSeconds(p.resolve.p90),
      String(p.resolve.missing),
    ]);
    expect(await rowsOf(table)).toEqual(expected);
  }
});

test("the trend tooltip names the period, its counts and the four figures", async ({ page }) => {
  const insights = new InsightsPage(page);
  await insights.gotoAndWaitForCharts("?range=365");
  const chart = insights.section("Time to mitigate and resolve per month").locator(".recharts-wrapper");
  const box = (await chart.boundingBox())!;
  // hover() scrolls the chart into view first; the middle of the plot is a month with incidents.
  await chart.hover({ position: { x: box.width / 2, y: box.height / 2 } });
  const tip = chart.locator(".recharts-tooltip-wrapper");
  await expect(tip).toContainText(/n = \d+ mitigated, \d+ resolved/);
  await expect(tip).toContainText("Resolve p90");
});

test("histogram bin labels do not run into each other at desktop widths", async ({ page }) => {
  const insights = new InsightsPage(page);
  // 1180 px puts each histogram just above the width where labels are slanted: the tightest fit.
  for (const width of [1280, 1180]) {
    await page.setViewportSize({ width, height: 800 });
    await insights.gotoAndWaitForCharts();
    const speed = insights.section("Are incidents getting shorter?");
    for (const name of ["Time to mitigate", "Time to resolve"]) {
      const ticks = speed.getByRole("region", { name, exact: true }).locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-label");
      await expect(ticks).toHaveCount(9);
      // Read as text (a screen reader, a copy) the labels stay apart too.
      expect((await ticks.allTextContents()).join("").replace(/\s+/g, " ")).toContain("15–30 min 30–60 min 1–2 h");
      const boxes = await ticks.evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right })));
      for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.left - boxes[i - 1]!.right, `${width} px, gap after tick ${i}`).toBeGreaterThanOrEqual(4);
    }
  }
});

test("factor sparklines carry their scale and first and last period", async ({ page }) => {
  const insights = new InsightsPage(page);
  await insights.gotoAndWaitForCharts();
  const factors = insights.section("Contributing factors");
  const first = factors.locator("ol > li").first();
  await expect(first.getByText("0", { exact: true }).first()).toBeVisible();
  // The first and last week of the range, as the chart's buckets name them.
  const weeks = await factors
    .locator("ol > li")
    .first()
    .getByText(/^\d{1,2} [A-Z][a-z]{2}$/)
    .allTextContents();
  expect(weeks).toHaveLength(2);
  expect(weeks[0]).not.toBe(weeks[1]);
});

test("screenshots: first screen at desktop and phone, the trend chart and a histogram up close", async ({ page }) => {
  const insights = new InsightsPage(page);
  for (const size of [
    { name: "desktop", width: 1280, height: 800 },
    { name: "phone", width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    await insights.gotoAndWaitForCharts();
    await page.screenshot({ path: `screenshots/insights-first-screen-${size.name}.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    await insights.section("Time to mitigate and resolve per week").screenshot({ path: `screenshots/insights-trend-${size.name}.png` });
    await insights
      .section("Are incidents getting shorter?")
      .getByRole("region", { name: "Time to resolve", exact: true })
      .screenshot({ path: `screenshots/insights-histogram-${size.name}.png` });
    await insights.sectionsNav.getByRole("link", { name: "Causes" }).click();
    await page.screenshot({ path: `screenshots/insights-causes-${size.name}.png` });
  }
});
