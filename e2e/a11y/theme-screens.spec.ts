import { expect, test } from "@playwright/test";
import { bearer, declareViaApi, storageStateFor } from "../support/fixtures";
import { useTheme, type Theme } from "../support/a11y";

// Screenshots of the incident list and an incident page in light and dark mode at desktop and
// phone sizes (screenshots/theme-*.png), for people to judge the severity colours; the
// assertions check that nothing overflows sideways.
const sizes = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
];

test.use({ storageState: storageStateFor("responder") });

for (const theme of ["light", "dark"] as Theme[]) {
  test(`incident list and incident page in ${theme} mode`, async ({ page, request }) => {
    test.setTimeout(120_000);
    await useTheme(page, theme);
    const sev2 = await declareViaApi(request, {
      title: `Checkout slow for some users (${theme})`,
      severity: "SEV2",
      summary: "p99 latency at 4 s in eu-west-1.",
    });
    await request.post(`/api/v1/incidents/${sev2.reference}/timeline`, {
      headers: bearer("responder"),
      data: { body: "Scaling the checkout pool from 12 to 20.", highlighted: true },
    });
    for (const severity of ["SEV1", "SEV3", "SEV4"]) await declareViaApi(request, { title: `A ${severity} incident (${theme})`, severity });

    for (const size of sizes) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto("/incidents");
      await expect(page.getByRole("link", { name: `Checkout slow for some users (${theme})` }).first()).toBeVisible();
      await page.screenshot({ path: `screenshots/theme-${theme}-incident-list-${size.name}.png`, fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);

      await page.goto(`/incidents/${sev2.reference}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Checkout slow for some users (${theme})`);
      await page.screenshot({ path: `screenshots/theme-${theme}-incident-page-${size.name}.png`, fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    }
  });
}
