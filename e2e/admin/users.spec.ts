import { expect, test } from "@playwright/test";
import { storageStateFor } from "../support/fixtures";
import { AdminUsersPage, NEW_USER_PASSWORD, signInFresh, uniqueEmail } from "../support/pages/admin-users-page";

test.use({ storageState: storageStateFor("admin") });

test("admin creates a user, who can then sign in", async ({ page, browser, baseURL }) => {
  const users = new AdminUsersPage(page);
  await users.goto();
  const email = uniqueEmail("new-responder");
  await users.createUser({ email, name: "Nora New", role: "responder" });
  const row = users.row(email);
  await expect(row).toContainText("Nora New");
  await expect(row.getByLabel(/^Role for /)).toHaveValue("responder");
  await expect(row).toContainText("Active");

  const fresh = await signInFresh(browser, baseURL, email, NEW_USER_PASSWORD);
  await expect(fresh.page.getByRole("button", { name: /Nora New/ })).toBeVisible();
  await fresh.context.close();
});

test("the create-user form shows each problem next to its field", async ({ page }) => {
  const users = new AdminUsersPage(page);
  await users.goto();
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Email").fill("not-an-email");
  await form.getByLabel("Initial password").fill("short");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Email")).toHaveAccessibleDescription(/valid email/i);
  await expect(form.getByLabel("Name")).toHaveAccessibleDescription(/Name is required/);
  await expect(form.getByLabel("Initial password")).toHaveAccessibleDescription(/at least 12 characters/);

  // An email that is taken is refused with the message next to the email field.
  await form.getByLabel("Email").fill("responder@example.test");
  await form.getByLabel("Name").fill("Duplicate");
  await form.getByLabel("Initial password").fill(NEW_USER_PASSWORD);
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByLabel("Email")).toHaveAccessibleDescription(/already exists/);
});

test("admin changes a user's role", async ({ page }) => {
  const users = new AdminUsersPage(page);
  await users.goto();
  const email = uniqueEmail("role-change");
  await users.createUser({ email, name: "Rita Role", role: "responder" });
  await users.changeRole(email, "viewer");
  await expect(page.getByRole("status").filter({ hasText: "Rita Role is now a viewer" })).toBeVisible();
  await page.reload();
  await expect(users.row(email).getByLabel(/^Role for /)).toHaveValue("viewer");
});

test("admin cannot disable themselves or drop their own admin role", async ({ page }) => {
  const users = new AdminUsersPage(page);
  await users.goto();
  await users.setDisabled("admin@example.test", "Administrator", true);
  await expect(page.getByRole("alert").filter({ hasText: "You cannot disable yourself" })).toBeVisible();
  await page.getByRole("group", { name: "Confirm disabling Administrator" }).getByRole("button", { name: "Cancel" }).click();

  await users.changeRole("admin@example.test", "viewer");
  await expect(page.getByRole("alert").filter({ hasText: "You cannot disable yourself or remove your own admin role" })).toBeVisible();
  await page.reload();
  await expect(users.row("admin@example.test").getByLabel(/^Role for /)).toHaveValue("admin");
  await expect(users.row("admin@example.test")).toContainText("Active");
});

test("disabling a user ends their session at their next request; enabling lets them back in", async ({ page, browser, baseURL }) => {
  const users = new AdminUsersPage(page);
  await users.goto();
  const email = uniqueEmail("to-disable");
  await users.createUser({ email, name: "Dana Disabled", role: "responder" });
  const victim = await signInFresh(browser, baseURL, email, NEW_USER_PASSWORD);

  await users.setDisabled(email, "Dana Disabled", true);
  await expect(page.getByRole("status").filter({ hasText: "Dana Disabled is disabled." })).toBeVisible();
  await expect(users.row(email)).toContainText("Disabled");

  await victim.page.goto("/incidents");
  await expect(victim.page).toHaveURL(/\/signin/);
  await victim.context.close();

  await users.setDisabled(email, "Dana Disabled", false);
  await expect(page.getByRole("status").filter({ hasText: "Dana Disabled is enabled again." })).toBeVisible();
  const back = await signInFresh(browser, baseURL, email, NEW_USER_PASSWORD);
  await back.context.close();
});

test("admin resets a user's password", async ({ page, browser, baseURL }) => {
  const users = new AdminUsersPage(page);
  await users.goto();
  const email = uniqueEmail("reset");
  await users.createUser({ email, name: "Remy Reset", role: "viewer" });
  await users.row(email).getByRole("button", { name: "Reset password" }).click();
  const input = page.getByLabel("New password for Remy Reset");
  await expect(input).toBeFocused();
  await input.fill("short");
  await page.getByRole("button", { name: "Set password", exact: true }).click();
  await expect(input).toHaveAccessibleDescription(/at least 12 characters/);
  await input.fill("a-brand-new-passphrase-7");
  await page.getByRole("button", { name: "Set password", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "New password set for Remy Reset" })).toBeVisible();
  const fresh = await signInFresh(browser, baseURL, email, "a-brand-new-passphrase-7");
  await fresh.context.close();
});

test("a disabled admin's API tokens stop working", async ({ page, browser, baseURL, request }) => {
  const users = new AdminUsersPage(page);
  await users.goto();
  const email = uniqueEmail("second-admin");
  await users.createUser({ email, name: "Ada Second", role: "admin" });

  // Tokens belong to whoever created them: create one as the second admin.
  const second = await signInFresh(browser, baseURL, email, NEW_USER_PASSWORD);
  await second.page.goto("/admin/tokens");
  await second.page.getByLabel("Token name").fill("second admin automation");
  await second.page.getByLabel("Token role").selectOption("responder");
  await second.page.getByRole("button", { name: "Create token" }).click();
  const secret = await second.page.getByLabel("API token", { exact: true }).inputValue();
  expect(secret).toMatch(/^hs_/);
  await second.context.close();

  const headers = { Authorization: `Bearer ${secret}` };
  const beforeDisable = await request.get("/api/v1/incidents", { headers });
  // /api/v1/incidents is built by another part of the project; without it there is no
  // token-authenticated route to call, so only the token list's status is checked.
  const apiPresent = beforeDisable.status() !== 404;
  test.info().annotations.push({
    type: "note",
    description: apiPresent ? "checked against GET /api/v1/incidents" : "GET /api/v1/incidents missing: API assertions skipped",
  });
  if (apiPresent) expect(beforeDisable.status()).toBe(200);

  await users.setDisabled(email, "Ada Second", true);
  await expect(page.getByRole("status").filter({ hasText: "Ada Second is disabled." })).toBeVisible();
  if (apiPresent) expect((await request.get("/api/v1/incidents", { headers })).status()).toBe(401);

  await page.goto("/admin/tokens");
  await expect(page.getByRole("row").filter({ has: page.getByRole("cell", { name: "second admin automation", exact: true }) })).toContainText(
    "Inactive: creator disabled",
  );
});
