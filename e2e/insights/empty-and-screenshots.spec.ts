import { expect, test } from "@playwright/test";
import { storageStateFor } from "../support/fixtures";
import { signInToDemo } from "../support/demo";
import { InsightsPage } from "../support/pages/insights";

// Full-page screenshots on the demo data (screenshots/insights-*.png), and the empty states
// on the main test server, whose database has no incidents.

const sizes = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
];

test.describe("on the demo data", () => {
  test("screenshots at desktop and phone width, light and dark, without sideways scrolling", async ({ page }) => {
    const insights = new InsightsPage(page);
    await signInToDemo(page, "admin");
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const size of sizes) {
        await page.setViewportSize({ width: size.width, height: size.height });
        await insights.goto();
        await expect(page.locator(".recharts-wrapper svg.recharts-surface").first()).toBeVisible();
        await page.screenshot({ path: `screenshots/insights-${size.name}-${scheme}.png`, fullPage: true });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      }
    }
    // A data table opened, at both widths.
    await page.emulateMedia({ colorScheme: "light" });
    for (const size of sizes) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await insights.goto();
      const card = insights.section("Incidents and impact by service");
      await card.getByRole("button", { name: "Show data: Incidents and impact by service" }).click();
      await expect(card.getByRole("table")).toBeVisible();
      await card.screenshot({ path: `screenshots/insights-table-${size.name}.png` });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    }
    // A definition opened from the keyboard, over the tile below it.
    await page.emulateMedia({ colorScheme: "light" });
    await page.setViewportSize({ width: 1280, height: 800 });
    await insights.goto();
    const tile = page.getByRole("region", { name: "At a glance" }).getByRole("region", { name: "Time to resolve", exact: true });
    await tile.getByRole("button", { name: "Definition of Time to resolve" }).focus();
    await expect(tile.getByRole("tooltip")).toBeVisible();
    const box = (await tile.boundingBox())!;
    await page.screenshot({
      path: "screenshots/insights-definition-desktop.png",
      clip: { x: box.x - 8, y: box.y - 8, width: box.width + 16, height: box.height + 120 },
    });
  });
});

test.describe("without incidents", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("every figure says in words that there is nothing to show", async ({ page }) => {
    const insights = new InsightsPage(page);
    // A month no test writes to (other specs share this server's database and add incidents today).
    await page.goto("/insights?from=2000-01-01&to=2000-01-31");
    await expect(insights.scope).toContainText("0 incidents started");
    await expect(page.getByText("No incidents started in this period.")).toBeVisible();
    await expect(page.getByText("No incident in this period names an affected service.")).toBeVisible();
    await expect(page.getByText("Nobody held a role on an incident in this period.")).toBeVisible();
    await page.screenshot({ path: "screenshots/insights-empty-desktop.png", fullPage: true });
  });
});
