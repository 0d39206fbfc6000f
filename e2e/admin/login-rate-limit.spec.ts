import { expect, test } from "@playwright/test";
import { randomInt } from "node:crypto";
import { uniqueEmail } from "../pages/admin-users-page";
import { storageStateFor } from "../support/fixtures";

test("after 5 failed sign-ins for an email, the 6th is refused with a clear message and audited", async ({ browser, baseURL }) => {
  // Its own client address, so these failures do not count toward the per-address limit of the
  // other tests (all from localhost).
  const ip = `198.51.100.${randomInt(1, 254)}`;
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { "X-Forwarded-For": ip } });
  const page = await context.newPage();
  const email = uniqueEmail("locked-out");
  await page.goto("/signin");
  const attempt = async () => {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("wrong-password-guess");
    await page.getByRole("button", { name: "Sign in" }).click();
  };
  // The sign-in form's message (Next.js has its own route-announcer alert outside <main>).
  const alert = page.getByRole("main").getByRole("alert");
  for (let i = 1; i <= 5; i++) {
    await attempt();
    await expect(alert).toHaveText("Email or password is incorrect.");
    // Wait for the form to unlock before the next try.
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await attempt();
  await expect(alert).toHaveText(/Too many failed sign-in attempts/);
  await context.close();

  // The limit is in the audit log.
  const admin = await browser.newContext({ baseURL, storageState: storageStateFor("admin") });
  const adminPage = await admin.newPage();
  await adminPage.goto(`/admin/audit?action=auth.rate_limited&q=${encodeURIComponent(email)}`);
  await expect(adminPage.getByRole("region", { name: "Audit entries" }).getByRole("listitem").first()).toContainText(email);
  await admin.close();
});
