import { expect, test } from "@playwright/test";
import { bearer, storageStateFor } from "../support/fixtures";
import { marker } from "../support/api/helpers";
import { deletePlaybooksNamed } from "../support/api/playbooks";
import type { PlaybookJson } from "../support/api/types";

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

  await page.screenshot({ path: "screenshots/auto-check-sev1-1280.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await checklist.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "screenshots/auto-check-sev1-390.png" });
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

test.describe("playbook editor", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("an admin picks the condition an item ticks itself on, with a labelled select", async ({ page, request }) => {
    const name = marker("Auto-check playbook");
    try {
      await page.goto("/admin/playbooks/new");
      await page.getByLabel("Name").fill(name);
      await page.getByRole("checkbox", { name: /SEV4/ }).check();
      await page.getByLabel("Item 1 text").fill("Name who talks to customers");
      const select = page.getByLabel("Item 1: Ticks itself when");
      await expect(select).toHaveValue("");
      await select.selectOption({ label: "A communications lead is assigned" });
      await page.screenshot({ path: "screenshots/auto-check-editor-1280.png" });
      await page.setViewportSize({ width: 390, height: 844 });
      await select.scrollIntoViewIfNeeded();
      await page.screenshot({ path: "screenshots/auto-check-editor-390.png" });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.getByRole("button", { name: "Create playbook" }).click();
      await expect(page).toHaveURL(/\/admin\/playbooks\?saved=\d+$/);

      const list = (await (await request.get("/api/v1/playbooks", { headers: bearer("admin") })).json()) as { items: PlaybookJson[] };
      const created = list.items.find((p) => p.name === name)!;
      expect(created.items).toEqual([{ position: 1, text: "Name who talks to customers", link: null, autoCheck: "comms_lead_assigned" }]);
      // The editor shows it again when reopened.
      await page.goto(`/admin/playbooks/${created.id}`);
      await expect(page.getByLabel("Item 1: Ticks itself when")).toHaveValue("comms_lead_assigned");
    } finally {
      await deletePlaybooksNamed(request, name);
    }
  });
});
