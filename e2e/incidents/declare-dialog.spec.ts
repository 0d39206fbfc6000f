import { expect, test, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { bearer, storageStateFor } from "../support/fixtures";

test.use({ storageState: storageStateFor("responder") });

async function openDeclare(page: Page) {
  await page.goto("/incidents");
  const dialog = page.getByRole("dialog", { name: "Declare an incident" });
  await expect(async () => {
    if (!(await dialog.isVisible()))
      await page
        .getByRole("button", { name: /Declare/ })
        .first()
        .click();
    await expect(dialog).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 10_000 });
  return dialog;
}

for (const size of [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`declare dialog keeps its buttons on screen at ${size.width}×${size.height}`, async ({ page, request }) => {
    // Two services in the catalogue, so the services picker can grow the form by two rows.
    for (let n = 0; n < 2; n++) {
      const slug = `svc-${randomUUID().slice(0, 8)}`;
      const created = await request.post("/api/v1/services", { headers: bearer("admin"), data: { slug, name: `Edge ${slug}`, tier: 2 } });
      expect(created.status(), await created.text()).toBe(201);
    }
    await page.setViewportSize({ width: size.width, height: size.height });
    const dialog = await openDeclare(page);
    // Without scrolling: the whole submit button is inside the viewport (not clipped by the dialog either).
    await expect(dialog.getByRole("button", { name: "Declare incident" })).toBeInViewport({ ratio: 1 });
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeInViewport({ ratio: 1 });
    // Growing the form (services rows) scrolls the body, never the footer away.
    await dialog.getByRole("button", { name: "Add a service" }).click();
    await dialog.getByRole("button", { name: "Add another service" }).click();
    await dialog.getByLabel("Title").fill("Login failures after SSO change");
    await expect(dialog.getByRole("button", { name: "Declare incident" })).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: `screenshots/declare-dialog-${size.name}.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
  });
}

test("Esc with typed text asks before discarding; Keep editing keeps the text", async ({ page }) => {
  const dialog = await openDeclare(page);
  await dialog.getByLabel("Title").fill("Half-typed incident title");
  await page.keyboard.press("Escape");
  const confirm = page.getByRole("alertdialog", { name: "Discard this incident?" });
  await expect(confirm).toBeVisible();
  await page.screenshot({ path: "screenshots/declare-discard-confirm-desktop.png" });
  await confirm.getByRole("button", { name: "Keep editing" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Title")).toHaveValue("Half-typed incident title");

  // Esc again, then Discard: the dialog closes, and opens empty next time.
  await page.keyboard.press("Escape");
  await page.getByRole("alertdialog", { name: "Discard this incident?" }).getByRole("button", { name: "Discard" }).click();
  await expect(dialog).toBeHidden();
  const reopened = await openDeclare(page);
  await expect(reopened.getByLabel("Title")).toHaveValue("");
});

test("Esc with nothing typed closes the declare dialog at once", async ({ page }) => {
  const dialog = await openDeclare(page);
  await expect(dialog.getByLabel("Title")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
});

test("Cancel with a severity picked asks too", async ({ page }) => {
  const dialog = await openDeclare(page);
  await dialog.getByRole("radio", { name: /SEV3/ }).check();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Discard this incident?" });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: "Discard" }).click();
  await expect(dialog).toBeHidden();
});
