import { expect, test } from "@playwright/test";
import { storageStateFor } from "../support/fixtures";
import { TeamsAdminPage, unique } from "../support/pages/services";

test.describe("as an admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("admin creates a team, adds and removes members, renames and deletes it", async ({ page }) => {
    const teams = new TeamsAdminPage(page);
    const name = unique("Payments team");
    const row = await teams.createTeam(name);
    await expect(row).toContainText("No members yet");

    await row.getByLabel(`Add a member to ${name}`).selectOption({ label: "Riley Responder (responder@example.test)" });
    await row.getByRole("button", { name: `Add to ${name}` }).click();
    await expect(page.getByRole("status").filter({ hasText: `Added Riley Responder to ${name}` })).toBeVisible();
    await expect(row.getByRole("list", { name: `Members of ${name}` })).toContainText("Riley Responder");
    // Someone already in the team is not offered again.
    await expect(row.getByLabel(`Add a member to ${name}`).locator("option", { hasText: "responder@example.test" })).toHaveCount(0);

    await row.getByRole("button", { name: `Remove Riley Responder from ${name}` }).click();
    await expect(page.getByRole("status").filter({ hasText: `Removed Riley Responder from ${name}` })).toBeVisible();
    await expect(row).toContainText("No members yet");

    const renamed = unique("Billing team");
    await row.getByRole("button", { name: `Rename ${name}` }).click();
    await page.getByLabel(`New name for ${name}`).fill(renamed);
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Renamed to ${renamed}` })).toBeVisible();
    const renamedRow = teams.row(renamed);
    await expect(renamedRow).toBeVisible();

    await renamedRow.getByRole("button", { name: `Delete ${renamed}` }).click();
    const confirm = page.getByRole("group", { name: `Confirm deleting ${renamed}` });
    await expect(confirm).toContainText("It owns no services");
    await confirm.getByRole("button", { name: `Delete ${renamed}` }).click();
    await expect(teams.row(renamed)).toHaveCount(0);
  });

  test("a duplicate or empty team name is refused next to the field", async ({ page }) => {
    const teams = new TeamsAdminPage(page);
    const name = unique("Dup team");
    await teams.createTeam(name);
    const form = teams.addForm;
    await form.getByLabel("Team name").fill(name.toUpperCase());
    await form.getByRole("button", { name: "Add team" }).click();
    await expect(form.getByLabel("Team name")).toHaveAccessibleDescription(/already exists/);
    await form.getByLabel("Team name").fill("   ");
    await form.getByRole("button", { name: "Add team" }).click();
    await expect(form.getByLabel("Team name")).toHaveAccessibleDescription(/Name is required/);
  });
});

test.describe("as a responder", () => {
  test.use({ storageState: storageStateFor("responder") });

  test("a responder gets the admin-only message, not the teams page", async ({ page }) => {
    const teams = new TeamsAdminPage(page);
    await teams.goto();
    await expect(page.getByRole("heading", { name: "You need the admin role" })).toBeVisible();
    await expect(teams.addForm).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Teams" })).toHaveCount(0);
  });
});
