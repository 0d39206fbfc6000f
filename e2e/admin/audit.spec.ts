import { expect, test } from "@playwright/test";
import { storageStateFor } from "../support/fixtures";
import { AdminUsersPage, uniqueEmail } from "../support/pages/admin-users-page";

test.use({ storageState: storageStateFor("admin") });

test("the audit log shows user and token changes with before/after, filterable and paged", async ({ page }) => {
  const users = new AdminUsersPage(page);
  await users.goto();
  const email = uniqueEmail("audited");
  await users.createUser({ email, name: "Audrey Audited", role: "responder" });
  await users.changeRole(email, "viewer");
  await expect(page.getByRole("status").filter({ hasText: "Audrey Audited is now a viewer" })).toBeVisible();

  await page.goto("/admin/tokens");
  const tokenName = `audited token ${Date.now()}`;
  await page.getByLabel("Token name").fill(tokenName);
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByLabel("API token", { exact: true })).toBeVisible();
  const tokenRow = page.getByRole("row").filter({ has: page.getByRole("cell", { name: tokenName, exact: true }) });
  await tokenRow.getByRole("button", { name: `Revoke ${tokenName}` }).click();
  await page.getByRole("button", { name: "Revoke token" }).click();
  await expect(tokenRow).toContainText("Revoked");

  await page.goto("/admin/audit");
  const entries = page.getByRole("region", { name: "Audit entries" }).getByRole("listitem");
  // Newest first: the revoke is at the top.
  await expect(entries.first()).toContainText("token.revoke");
  await expect(entries.first()).toContainText("Administrator");
  for (const action of ["token.create", "user.update", "user.create"]) {
    await expect(entries.filter({ hasText: action }).first()).toBeVisible();
  }

  // The role change reads at a glance and expands to the full before/after.
  const roleChange = entries.filter({ hasText: "user.update" }).filter({ hasText: "role: responder → viewer" }).first();
  await expect(roleChange).toBeVisible();
  await roleChange.getByText("Before / after").click();
  await expect(roleChange.locator("pre").first()).toContainText('"role": "responder"');
  await expect(roleChange.locator("pre").nth(1)).toContainText('"role": "viewer"');

  // Filter by action: the URL carries it, and only that action is listed.
  await page.getByLabel("Action").selectOption("user.create");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=user\.create/);
  await expect(entries.filter({ hasText: email }).first()).toBeVisible();
  expect(await entries.filter({ hasNotText: "user.create" }).count()).toBe(0);

  // Free text finds the token by name; actor text narrows to what the admin did.
  await page.goto(`/admin/audit?q=${encodeURIComponent(tokenName)}&actor=Administrator`);
  await expect(entries).toHaveCount(2);
  await expect(page.getByLabel("Search")).toHaveValue(tokenName);

  // Sign-ins are recorded (setup signed everyone in); page through with the "older" link.
  await page.goto("/admin/audit?action=auth.sign_in");
  await expect(entries.first()).toBeVisible();
  // The cursor lives in the URL: entries before id 3 are the first two of this fresh database.
  await page.goto("/admin/audit?before=3");
  await expect(entries).toHaveCount(2);
  await expect(page.getByText("End of the log")).toBeVisible();
  await expect(page.getByRole("link", { name: /Newest/ })).toBeVisible();
  await page.goto("/admin/audit");
  const older = page.getByRole("link", { name: /Older entries/ });
  if (await older.count()) {
    await older.click();
    await expect(page).toHaveURL(/before=\d+/);
    await expect(page.getByRole("link", { name: /Newest/ })).toBeVisible();
  }
});
