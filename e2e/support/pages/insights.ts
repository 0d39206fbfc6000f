import { expect, type Locator, type Page } from "@playwright/test";
import { demoBaseURL } from "../demo";

// The insights dashboard (/insights): the filter form (period, From/To, severities, Apply), the
// headline tiles, the sections and their navigation. Most specs read the demo server's six
// months of data (the default); `new InsightsPage(page, "")` is the main test server.

export class InsightsPage {
  readonly from: Locator;
  readonly to: Locator;
  readonly period: Locator;
  readonly apply: Locator;
  /** "41 incidents started … · compared with the 90 days before". */
  readonly scope: Locator;
  readonly sectionsNav: Locator;

  constructor(
    readonly page: Page,
    readonly origin: string = demoBaseURL,
  ) {
    this.from = page.getByLabel("From", { exact: true });
    this.to = page.getByLabel("To", { exact: true });
    this.period = page.getByLabel("Period");
    this.apply = page.getByRole("button", { name: "Apply" });
    this.scope = page.getByTestId("insights-scope");
    this.sectionsNav = page.getByRole("navigation", { name: "Insights sections" });
  }

  /** The dashboard with an optional query string ("?range=90&severity=SEV1"); resolves with the response. */
  async goto(query = "") {
    return this.page.goto(`${this.origin}/insights${query}`);
  }

  /** Opens the dashboard and waits for its charts to draw; resolves with the HTML's size in bytes. */
  async gotoAndWaitForCharts(query = ""): Promise<number> {
    const response = await this.goto(query);
    // Charts draw once the page has hydrated, which takes a while on a busy machine.
    await expect(this.page.locator(".recharts-wrapper svg.recharts-surface").first()).toBeVisible({ timeout: 30_000 });
    return Buffer.byteLength(await response!.text());
  }

  /** A headline tile by its exact figure name (tiles are regions named by their heading, inside "At a glance"). */
  tile(name: string): Locator {
    return this.page.getByRole("region", { name: "At a glance" }).getByRole("region", { name, exact: true });
  }

  /** A section (or chart region) by its exact name. */
  section(name: string): Locator {
    return this.page.getByRole("region", { name, exact: true });
  }

  /** A severity filter's checkbox. */
  severity(name: string): Locator {
    return this.page.getByRole("checkbox", { name });
  }
}

/** The number a tile link announces ("142 incidents: show them" → 142). */
export async function announcedCount(link: Locator): Promise<number> {
  const label = (await link.getAttribute("aria-label")) ?? "";
  const match = /^([\d,]+) /.exec(label);
  if (!match) throw new Error(`no count in "${label}"`);
  return Number(match[1]!.replaceAll(",", ""));
}

/** Presses Tab until `target` has focus; fails after `limit` presses. */
export async function tabTo(page: Page, target: Locator, limit = 60) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}
