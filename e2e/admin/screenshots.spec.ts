import { expect, test } from "@playwright/test";
import { storageStateFor } from "../support/fixtures";

// Renders the admin and account screens at desktop and phone sizes into screenshots/ for
// people to look at; the assertions check that nothing overflows sideways.
const sizes = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
];

test.use({ storageState: storageStateFor("admin") });

test("admin users, tokens, audit and account screens at desktop and phone widths", async ({ page }) => {
  for (const size of sizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    // Back to the top first, so the sticky header is not painted mid-page in full-page shots.
    const shoot = async (name: string, fullPage = true) => {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `screenshots/admin-${name}-${size.name}.png`, fullPage });
    };
    const noSidewaysScroll = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);

    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
    await page.getByRole("row").filter({ hasText: "viewer@example.test" }).getByRole("button", { name: "Disable" }).click();
    await shoot("users");
    await noSidewaysScroll();

    await page.goto("/admin/tokens");
    await page.getByLabel("Token name").fill(`Screenshot ${size.name} token`);
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByLabel("API token", { exact: true })).toBeVisible();
    await shoot("tokens");
    await noSidewaysScroll();

    await page.goto("/admin/audit");
    const entries = page.getByRole("region", { name: "Audit entries" }).getByRole("listitem");
    await expect(entries.first()).toBeVisible();
    await entries.filter({ hasText: "token.create" }).first().getByText("Before / after").click();
    await shoot("audit", size.name === "desktop");
    await noSidewaysScroll();

    await page.goto("/account");
    await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
    await shoot("account");
    await noSidewaysScroll();
  }

  // Dark mode, desktop: the users screen.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/admin/users");
  await page.screenshot({ path: "screenshots/admin-users-desktop-dark.png", fullPage: true });
});
