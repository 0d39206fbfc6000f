import { expect, test } from "@playwright/test";
import { uniqueEmail } from "../support/pages/admin-users-page";
import { storageStateFor } from "../support/fixtures";
import { BAD_CREDENTIALS, csrfFor, PAUSED_PAIR, signInOverHttp, testAddress } from "../support/sign-in-http";

// The main e2e server trusts one proxy hop (TRUST_PROXY=1), so X-Forwarded-For stands for the
// client's address: these failures do not count toward the limits of the other tests (localhost).

test("after 5 failed sign-ins for an account from one address, the 6th from there is paused with a clear message and audited", async ({ browser, baseURL }) => {
  const ip = testAddress();
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { "X-Forwarded-For": ip } });
  const page = await context.newPage();
  const email = uniqueEmail("paused");
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
    // Wait for the form to unlock before the next try (from the 3rd failure each try is slowed down).
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await attempt();
  await expect(alert).toHaveText(/^Too many failed sign-in attempts for this account from your network address\. Try again in 15 minutes/);
  await context.close();

  // The limit, and which one, is in the audit log.
  const admin = await browser.newContext({ baseURL, storageState: storageStateFor("admin") });
  const adminPage = await admin.newPage();
  await adminPage.goto(`/admin/audit?action=auth.rate_limited&q=${encodeURIComponent(email)}`);
  const entry = adminPage.getByRole("region", { name: "Audit entries" }).getByRole("listitem").first();
  await expect(entry).toContainText(email);
  await expect(entry).toContainText(ip);
  await admin.close();
});

test("20 parallel wrong passwords from one address: 5 are checked, the other 15 are paused", async ({ baseURL }) => {
  const options = { baseURL: baseURL!, headers: { "X-Forwarded-For": testAddress() } };
  const email = uniqueEmail("parallel");
  const csrf = await csrfFor(options);
  const results = await Promise.all(Array.from({ length: 20 }, () => signInOverHttp(options, email, "wrong-password-guess", csrf)));
  expect(results.filter((r) => r === BAD_CREDENTIALS)).toHaveLength(5);
  expect(results.filter((r) => r !== null && PAUSED_PAIR.test(r))).toHaveLength(15);
});
