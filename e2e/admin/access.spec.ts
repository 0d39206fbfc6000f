import { expect, test } from "@playwright/test";
import { storageStateFor } from "../support/fixtures";

for (const role of ["responder", "viewer"] as const) {
  test.describe(`as a ${role}`, () => {
    test.use({ storageState: storageStateFor(role) });

    test("admin pages say the admin role is needed and show nothing else", async ({ page }) => {
      for (const path of ["/admin/users", "/admin/tokens", "/admin/audit"]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { name: "You need the admin role" })).toBeVisible();
        await expect(page.getByRole("table")).toHaveCount(0);
        await expect(page.getByText("admin@example.test")).toHaveCount(0);
      }
      // No admin links in the navigation either.
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);
    });
  });
}
