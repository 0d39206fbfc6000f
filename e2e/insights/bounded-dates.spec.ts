import { expect, test } from "@playwright/test";
import { storageStateFor } from "../support/fixtures";
import { InsightsPage } from "../support/pages/insights";

// /insights with days outside 2000-01-01..2099-12-31: the page explains it next to the date
// fields (it used to freeze the server for the year 0500 and fail with a 500 for 9999).

const BOUNDS = "Must be in 2000–2099";

test.use({ storageState: storageStateFor("viewer") });

test("days out of bounds are explained next to From and To", async ({ page }) => {
  const insights = new InsightsPage(page, "");
  const response = await insights.goto("?from=0500-01-02&to=0503-01-01");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("alert").filter({ hasText: "These filters cannot be shown" })).toBeVisible();
  await expect(insights.from).toHaveAttribute("aria-invalid", "true");
  await expect(insights.from).toHaveAccessibleDescription(BOUNDS);
  await expect(insights.to).toHaveAccessibleDescription(BOUNDS);
  await expect(insights.apply).toBeVisible();

  const far = await insights.goto("?from=9999-12-31&to=9999-12-31");
  expect(far?.status()).toBe(200);
  await expect(insights.to).toHaveAccessibleDescription(BOUNDS);
});

test("the error fits beside the fields at desktop and phone width", async ({ page }) => {
  const insights = new InsightsPage(page, "");
  for (const size of [
    { name: "desktop", width: 1280, height: 800 },
    { name: "phone", width: 390, height: 844 },
  ]) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await insights.goto("?from=2026-01-01&to=2100-01-01");
    await expect(insights.to).toHaveAccessibleDescription(BOUNDS);
    await expect(insights.from).not.toHaveAttribute("aria-invalid", "true");
    await page.screenshot({ path: `screenshots/insights-bounded-dates-${size.name}.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
  }
});

test("a corrected range is shown from the keyboard", async ({ page }) => {
  const insights = new InsightsPage(page, "");
  await insights.goto("?from=1999-12-01&to=2000-01-31");
  await expect(insights.from).toHaveAccessibleDescription(BOUNDS);
  await insights.from.focus();
  await page.keyboard.type("01012000");
  await insights.apply.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/from=2000-01-01/);
  await expect(insights.scope).toContainText("0 incidents started");
});
