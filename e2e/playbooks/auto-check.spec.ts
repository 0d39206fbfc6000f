import { expect, test } from "@playwright/test";
import { storageStateFor } from "../support/fixtures";
import { marker } from "../api/helpers";

test.use({ storageState: storageStateFor("responder") });

test("declaring a SEV1 ticks the items the system can see, with the reason on the timeline; a role and the summary tick theirs", async ({ page }) => {
  await page.goto("/incidents");
  await page.getByRole("button", { name: /Declare/ }).click();
  const dialog = page.getByRole("dialog", { name: "Declare an incident" });
  await dialog.getByLabel("Title").fill(marker("Payments down everywhere"));
  await dialog.getByRole("radio", { name: /SEV1/ }).check();
  await dialog.getByRole("button", { name: "Declare incident" }).click();
  await page.waitForURL(/\/incidents\/INC-\d+$/);

  const checklist = page.getByRole("region", { name: /Checklist/ });
  const timeline = page.getByRole("list", { name: "Timeline entries" });
  const commander = checklist.getByRole("checkbox", { name: "Assign an incident commander" });
  // The declarer became commander at once, so the item is done, by Hindsight, with the reason on the timeline.
  await expect(commander).toBeChecked();
  await expect(commander).toHaveAccessibleDescription(/^Hindsight · /);
  await expect(timeline).toContainText("Checked “Assign an incident commander”: Riley Responder is incident commander");
  await expect(checklist.getByRole("checkbox", { name: "Assign a communications lead" })).not.toBeChecked();
  await expect(checklist.getByRole("heading", { level: 2 })).toHaveText(/Checklist 1\/\d+/);

  await page.setViewportSize({ width: 1280, height: 800 });
  await checklist.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "screenshots/auto-check-sev1-1280.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await checklist.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "screenshots/auto-check-sev1-390.png", fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Naming a communications lead ticks that item.
  await page.getByLabel("Communications lead", { exact: true }).selectOption({ label: "Sam Second" });
  await expect(checklist.getByRole("checkbox", { name: "Assign a communications lead" })).toBeChecked();
  await expect(timeline).toContainText("Checked “Assign a communications lead”: Sam Second is communications lead");

  // Writing the summary ticks the summary item.
  const summaryItem = checklist.getByRole("checkbox", { name: /Write the current-state summary/ });
  await expect(summaryItem).not.toBeChecked();
  await page.getByRole("button", { name: "Edit summary" }).click();
  await page.getByLabel("Summary", { exact: true }).fill("Card payments fail in every region.");
  await page.getByRole("button", { name: "Save summary" }).click();
  await expect(summaryItem).toBeChecked();
  await expect(timeline).toContainText("Checked “Write the current-state summary");

  // A person can still untick it; nothing ticks it back behind their back.
  await commander.uncheck();
  await expect(timeline).toContainText("Unchecked: Assign an incident commander");
  await page.reload();
  await expect(page.getByRole("region", { name: /Checklist/ }).getByRole("checkbox", { name: "Assign an incident commander" })).not.toBeChecked();
});
