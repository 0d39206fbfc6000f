import { expect, test } from "@playwright/test";
import { storageStateFor } from "../support/fixtures";

// The main e2e server is shared with other tests that add services, SLOs and drills, so whether
// every step is done depends on what ran before: ?checklist=1 (admins) shows the list regardless,
// and the steps that the fixtures alone settle (people, tokens) are checked for their tick.

test.describe("admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("sees the first-run checklist with a link per step, and can dismiss it", async ({ page }) => {
    for (const size of [
      { name: "desktop", width: 1280, height: 800 },
      { name: "phone", width: 390, height: 844 },
    ]) {
      await page.setViewportSize(size);
      await page.goto("/incidents?checklist=1");
      const checklist = page.getByRole("region", { name: "Set up Hindsight" });
      await expect(checklist).toBeVisible();
      await page.screenshot({ path: `screenshots/first-run-checklist-${size.name}.png` });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    const checklist = page.getByRole("region", { name: "Set up Hindsight" });
    const step = (name: string) => checklist.getByRole("listitem").filter({ hasText: name });
    await expect(step("Add services and SLOs").getByRole("link", { name: "Add a service" })).toHaveAttribute("href", "/services");
    await expect(step("Invite people").getByRole("link", { name: "Add people" })).toHaveAttribute("href", "/admin/users");
    await expect(step("Create an API token").getByRole("link", { name: "Create a token" })).toHaveAttribute("href", "/admin/tokens");
    // The test fixtures create four people and three tokens: those steps are ticked.
    await expect(step("Invite people")).toContainText("Done");
    await expect(step("Create an API token")).toContainText("Done");

    // "Declare a drill" opens the declare dialog with the drill box ticked; unchanged, Esc closes it at once.
    const dialog = page.getByRole("dialog", { name: "Declare an incident" });
    await expect(async () => {
      if (!(await dialog.isVisible())) await step("Try a drill incident").getByRole("button", { name: "Declare a drill" }).click();
      await expect(dialog).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 10_000 });
    await expect(dialog.getByRole("checkbox", { name: "Drill / game day" })).toBeChecked();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    await checklist.getByRole("button", { name: "Dismiss" }).click();
    await expect(page).toHaveURL(/\/incidents$/);
    await expect(checklist).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Incidents" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Set up Hindsight" })).toHaveCount(0);
  });
});

for (const role of ["viewer", "responder"] as const) {
  test.describe(role, () => {
    test.use({ storageState: storageStateFor(role) });
    test(`a ${role} never sees the first-run checklist`, async ({ page }) => {
      for (const url of ["/incidents", "/incidents?checklist=1"]) {
        await page.goto(url);
        await expect(page.getByRole("heading", { level: 1, name: "Incidents" })).toBeVisible();
        await expect(page.getByRole("region", { name: "Set up Hindsight" })).toHaveCount(0);
      }
    });
  });
}
