import { expect, test, type Locator, type Page } from "@playwright/test";
import { storageStateFor } from "../support/fixtures";

// A failed submit moves focus to the first invalid field and brings it into view, so the
// person never faces an error message at the bottom with the fields scrolled away.

test.use({ storageState: storageStateFor("admin") });

/** Submits with `submit`, then checks the focused element is `field` (by its name) and on screen. */
async function expectFocusMovesTo(page: Page, submit: Locator, field: Locator, name: string) {
  await submit.click();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe(name);
  await expect(field).toBeInViewport({ ratio: 1 });
}

test("Add service, submitted empty from the bottom of the form on a phone, focuses the slug field", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/services");
  await page.getByRole("button", { name: "Add service" }).click();
  const form = page.getByRole("form", { name: "Add a service" });
  const submit = form.getByRole("button", { name: "Add service" });
  await submit.scrollIntoViewIfNeeded();
  const slug = form.getByLabel("Slug");
  await expect(slug).not.toBeInViewport();
  await expectFocusMovesTo(page, submit, slug, "slug");
  await expect(form.getByText("Check the highlighted fields.")).toBeVisible();
  await page.screenshot({ path: "screenshots/add-service-failed-submit-phone.png" });

  // Fixing the first field and submitting again moves on to the next invalid one.
  await slug.fill(`focus-${Date.now().toString(36)}`);
  await submit.scrollIntoViewIfNeeded();
  await expectFocusMovesTo(page, submit, form.getByLabel("Name", { exact: true }), "name");

  await page.setViewportSize({ width: 1280, height: 800 });
  await slug.fill("");
  await submit.scrollIntoViewIfNeeded();
  await expectFocusMovesTo(page, submit, slug, "slug");
  await page.screenshot({ path: "screenshots/add-service-failed-submit-desktop.png" });
});

test("the other admin forms with server field errors focus their first invalid field", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });

  await page.goto("/admin/users");
  const user = page.getByRole("form", { name: "Add a user" });
  await expectFocusMovesTo(page, user.getByRole("button", { name: "Add user" }), user.getByLabel("Email"), "email");

  await page.goto("/admin/teams");
  const team = page.getByRole("form", { name: "Add a team" });
  await expectFocusMovesTo(page, team.getByRole("button", { name: "Add team" }), team.getByLabel("Team name"), "name");

  await page.goto("/admin/playbooks/new");
  const playbook = page.locator("form").filter({ has: page.getByRole("button", { name: "Create playbook" }) });
  await expectFocusMovesTo(page, playbook.getByRole("button", { name: "Create playbook" }), playbook.getByLabel("Name", { exact: true }), "name");
});
