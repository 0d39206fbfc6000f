import { expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";

export const NEW_USER_PASSWORD = "a-long-initial-passphrase-42";

/** An email no other test or run uses. */
export const uniqueEmail = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}@example.test`;

/** The /admin/users screen. */
export class AdminUsersPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/admin/users");
    await expect(this.page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  }

  /** The table row of one user (the email appears only in that row). */
  row(email: string): Locator {
    return this.page.getByRole("row").filter({ hasText: email });
  }

  async createUser(user: { email: string; name: string; role: "viewer" | "responder" | "admin"; password?: string }) {
    const form = this.page.getByRole("form", { name: "Add a user" });
    await form.getByLabel("Email").fill(user.email);
    await form.getByLabel("Name").fill(user.name);
    await form.getByLabel("Role").selectOption(user.role);
    await form.getByLabel("Initial password").fill(user.password ?? NEW_USER_PASSWORD);
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(this.page.getByRole("status").filter({ hasText: `Created ${user.name}` })).toBeVisible();
    await expect(this.row(user.email)).toBeVisible();
  }

  async changeRole(email: string, role: "viewer" | "responder" | "admin") {
    const row = this.row(email);
    await row.getByLabel(/^Role for /).selectOption(role);
    await row.getByRole("button", { name: "Save role" }).click();
  }

  async setDisabled(email: string, name: string, disabled: boolean) {
    await this.row(email)
      .getByRole("button", { name: disabled ? "Disable" : "Enable", exact: true })
      .click();
    await this.page
      .getByRole("group", { name: `Confirm ${disabled ? "disabling" : "enabling"} ${name}` })
      .getByRole("button", { name: `${disabled ? "Disable" : "Enable"} ${name}` })
      .click();
  }
}

/** Signs in with a fresh browser context (no saved state) and returns it on /incidents. */
export async function signInFresh(
  browser: Browser,
  baseURL: string | undefined,
  email: string,
  password: string,
): Promise<{ context: BrowserContext; page: Page }> {
  // An empty state: the test may have set an admin storageState, which new contexts inherit.
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/incidents/);
  return { context, page };
}
