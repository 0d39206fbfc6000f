import { expect, test } from "@playwright/test";
import { storageStateFor } from "../support/fixtures";
import { AdminUsersPage, NEW_USER_PASSWORD, signInFresh, uniqueEmail } from "../support/pages/admin-users-page";

// A user made for this test, so the fixture accounts keep their passwords for other tests.
test.use({ storageState: storageStateFor("admin") });

test("a person changes their own password, is signed out, and signs in with the new one", async ({ page, browser, baseURL }) => {
  const users = new AdminUsersPage(page);
  await users.goto();
  const email = uniqueEmail("own-password");
  await users.createUser({ email, name: "Pat Password", role: "viewer" });

  const { context, page: own } = await signInFresh(browser, baseURL, email, NEW_USER_PASSWORD);
  await own.getByRole("button", { name: /Pat Password/ }).click();
  await own.getByRole("menuitem", { name: "Account and password" }).click();
  await expect(own.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  await expect(own.getByText(email)).toBeVisible();
  await expect(own.getByText("Viewer", { exact: true })).toBeVisible();

  const current = own.getByLabel("Current password");
  const next = own.getByLabel("New password", { exact: true });
  const confirm = own.getByLabel("Confirm new password");

  await current.fill(NEW_USER_PASSWORD);
  await next.fill("a-fresh-passphrase-for-pat");
  await confirm.fill("a-different-passphrase");
  await own.getByRole("button", { name: "Change password" }).click();
  await expect(confirm).toHaveAccessibleDescription("Passwords do not match");

  await current.fill("not-my-current-password");
  await confirm.fill("a-fresh-passphrase-for-pat");
  await own.getByRole("button", { name: "Change password" }).click();
  await expect(current).toHaveAccessibleDescription("Current password is incorrect");

  await current.fill(NEW_USER_PASSWORD);
  await own.getByRole("button", { name: "Change password" }).click();
  await own.waitForURL(/\/signin\?reason=password-changed/);
  await expect(own.getByRole("status")).toContainText("Password changed. Sign in with your new password.");

  // The old session is gone: protected pages send the browser to sign in.
  await own.goto("/account");
  await expect(own).toHaveURL(/\/signin/);
  await context.close();

  const again = await signInFresh(browser, baseURL, email, "a-fresh-passphrase-for-pat");
  await again.context.close();
});
