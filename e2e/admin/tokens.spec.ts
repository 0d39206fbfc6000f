import { expect, test } from "@playwright/test";
import { storageStateFor } from "../support/fixtures";

test.use({ storageState: storageStateFor("admin") });

test("a new token is shown once, listed by prefix, and can be revoked", async ({ page, request }) => {
  await page.goto("/admin/tokens");
  const name = `ci deploy hook ${Date.now()}`;
  await page.getByLabel("Token name").fill(name);
  await page.getByLabel("Token role").selectOption("viewer");
  await page.getByRole("button", { name: "Create token" }).click();

  await expect(page.getByRole("heading", { name: `Copy the token for “${name}” now` })).toBeVisible();
  await expect(page.getByText("This is the only time it is shown")).toBeVisible();
  const secretField = page.getByLabel("API token", { exact: true });
  await expect(secretField).toHaveAttribute("readonly", "");
  const secret = await secretField.inputValue();
  expect(secret).toMatch(/^hs_[A-Za-z0-9_-]{40,}$/);

  // The token's own row (its confirmation row below also names it).
  const row = page.getByRole("row").filter({ has: page.getByRole("cell", { name, exact: true }) });
  await expect(row).toContainText(`${secret.slice(0, 10)}…`);
  await expect(row).toContainText("Viewer");
  await expect(row).toContainText("Administrator");
  await expect(row).toContainText("Never");
  await expect(row).toContainText("Active");

  // The token works, and its use is recorded (when the API route exists).
  const headers = { Authorization: `Bearer ${secret}` };
  const used = await request.get("/api/v1/incidents", { headers });
  const apiPresent = used.status() !== 404;
  if (apiPresent) expect(used.status()).toBe(200);

  // Shown once: after a reload the secret is nowhere on the page.
  await page.reload();
  await expect(page.getByLabel("API token", { exact: true })).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);
  if (apiPresent) await expect(row).not.toContainText("Never");

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  const confirm = page.getByRole("group", { name: `Confirm revoking ${name}` });
  await expect(confirm).toContainText("cannot be undone");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toContainText("Active");

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await confirm.getByRole("button", { name: "Revoke token" }).click();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
  if (apiPresent) expect((await request.get("/api/v1/incidents", { headers })).status()).toBe(401);
});

test("the token form names what is missing", async ({ page }) => {
  await page.goto("/admin/tokens");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByLabel("Token name")).toHaveAccessibleDescription(/Name is required/);
  await expect(page.getByLabel("API token", { exact: true })).toHaveCount(0);
});
