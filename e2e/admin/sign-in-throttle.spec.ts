import { expect, test, type Browser } from "@playwright/test";
import { AdminUsersPage, NEW_USER_PASSWORD, uniqueEmail } from "../support/pages/admin-users-page";
import { storageStateFor } from "../support/fixtures";
import { expectAccessible, useTheme } from "../support/a11y";
import { BAD_CREDENTIALS, csrfFor, PAUSED_PAIR, signInOverHttp, testAddress } from "../support/sign-in-http";

// The main e2e server trusts one proxy hop (TRUST_PROXY=1): X-Forwarded-For stands for the client's address.

async function signInPage(browser: Browser, baseURL: string | undefined, ip: string) {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { "X-Forwarded-For": ip } });
  const page = await context.newPage();
  await page.goto("/signin");
  const attempt = async (email: string, password: string) => {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  };
  return { context, page, attempt, alert: page.getByRole("main").getByRole("alert") };
}

test.describe("sign-in throttle", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("while an attacker's address is paused for an account, its owner still signs in from their own", async ({ browser, baseURL, page }) => {
    const email = uniqueEmail("owner");
    const users = new AdminUsersPage(page);
    await users.goto();
    await users.createUser({ email, name: "Owner Under Attack", role: "responder" });

    // Five wrong guesses from the attacker's address pause it for this account.
    const attacker = { baseURL: baseURL!, headers: { "X-Forwarded-For": testAddress() } };
    const csrf = await csrfFor(attacker);
    for (let i = 0; i < 5; i++) expect(await signInOverHttp(attacker, email, `guess-${i}`, csrf)).toBe(BAD_CREDENTIALS);
    // From there even the right password is refused now.
    expect(await signInOverHttp(attacker, email, NEW_USER_PASSWORD, csrf)).toMatch(PAUSED_PAIR);

    // The owner, from their own machine, signs in (slowed down, not locked out).
    const owner = await signInPage(browser, baseURL, testAddress());
    await owner.attempt(email, NEW_USER_PASSWORD);
    await owner.page.waitForURL(/\/incidents/);
    await expect(owner.page.getByRole("heading", { name: "Incidents", level: 1 })).toBeVisible();
    await owner.context.close();
  });

  test("an admin sees an active pause on the Users page and clears it from the keyboard", async ({ baseURL, page }) => {
    const email = uniqueEmail("cleared");
    const ip = testAddress();
    const client = { baseURL: baseURL!, headers: { "X-Forwarded-For": ip } };
    const csrf = await csrfFor(client);
    for (let i = 0; i < 5; i++) await signInOverHttp(client, email, `guess-${i}`, csrf);
    expect(await signInOverHttp(client, email, "another-guess", csrf)).toMatch(PAUSED_PAIR);

    const users = new AdminUsersPage(page);
    await users.goto();
    const section = page.getByRole("region", { name: "Sign-in limits" });
    const row = section.getByRole("row").filter({ hasText: email }).filter({ hasText: ip });
    await expect(row).toContainText("Paused");
    await expect(row).toContainText("5");
    // The account's slowdown is listed too.
    await expect(section.getByRole("row").filter({ hasText: email }).filter({ hasText: "Slowed down" })).toBeVisible();

    const clear = row.getByRole("button", { name: `Clear sign-in limit for ${email} from ${ip}` });
    await clear.focus();
    await page.keyboard.press("Enter");
    const confirm = section.getByRole("group", { name: `Confirm clearing the sign-in limit for ${email} from ${ip}` });
    await expect(confirm).toContainText("5 recorded failed attempts from there are forgotten");
    await expect(confirm.getByRole("button", { name: "Clear limit" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(section.getByRole("status")).toHaveText(`Cleared the sign-in limit for ${email} from ${ip}.`);
    await expect(section.getByRole("row").filter({ hasText: email })).toHaveCount(0);

    // That address may try again, and the clearing is audited.
    expect(await signInOverHttp(client, email, "after-clearing", csrf)).toBe(BAD_CREDENTIALS);
    await page.goto(`/admin/audit?action=auth.throttle_cleared&q=${encodeURIComponent(email)}`);
    await expect(page.getByRole("region", { name: "Audit entries" }).getByRole("listitem").first()).toContainText(email);
  });

  test("the Sign-in limits section at desktop and phone widths (screenshots) passes axe in both themes", async ({ page, baseURL }) => {
    // Four axe runs and four full-page screenshots: over a minute when the other worker is busy.
    test.slow();
    const email = uniqueEmail("screenshot");
    const ip = testAddress();
    const client = { baseURL: baseURL!, headers: { "X-Forwarded-For": ip } };
    const csrf = await csrfFor(client);
    for (let i = 0; i < 5; i++) await signInOverHttp(client, email, `guess-${i}`, csrf);
    for (const size of [
      { name: "desktop", width: 1280, height: 800 },
      { name: "phone", width: 390, height: 844 },
      { name: "phone-360", width: 360, height: 780 },
    ]) {
      await page.setViewportSize(size);
      await page.goto("/admin/users");
      const section = page.getByRole("region", { name: "Sign-in limits" });
      const row = section.getByRole("row").filter({ hasText: email }).filter({ hasText: ip });
      await row.getByRole("button", { name: /^Clear sign-in limit/ }).click();
      await section.scrollIntoViewIfNeeded();
      await section.screenshot({ path: `screenshots/admin-sign-in-limits-${size.name}.png` });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      await expectAccessible(page, `sign-in limits (${size.name})`, "light");
    }
    await useTheme(page, "dark");
    await page.goto("/admin/users");
    const section = page.getByRole("region", { name: "Sign-in limits" });
    await section
      .getByRole("row")
      .filter({ hasText: email })
      .filter({ hasText: ip })
      .getByRole("button", { name: /^Clear sign-in limit/ })
      .click();
    await expectAccessible(page, "sign-in limits", "dark");
  });
});
