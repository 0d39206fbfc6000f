import { expect, test } from "@playwright/test";
import { storageStateFor } from "../support/fixtures";
import { IncidentPage } from "../support/pages/incident-page";

test.describe("responder runs an incident", () => {
  test.use({ storageState: storageStateFor("responder") });

  test("declare, add a note, change severity, resolve: each change on the timeline", async ({ page }) => {
    const incidentPage = new IncidentPage(page);
    await page.goto("/incidents");
    await page.getByRole("button", { name: /Declare/ }).click();
    const dialog = page.getByRole("dialog", { name: "Declare an incident" });
    await expect(dialog.getByLabel("Title")).toBeFocused();
    await dialog.getByLabel("Title").fill("Checkout failing for EU customers");
    await dialog.getByRole("radio", { name: /SEV2/ }).check();
    await dialog.getByLabel("Summary (optional)").fill("Card payments return 502 for ~30% of EU requests.");
    await dialog.getByRole("button", { name: "Declare incident" }).click();

    await expect(page).toHaveURL(/\/incidents\/INC-\d+$/);
    await expect(page.getByRole("heading", { level: 1, name: "Checkout failing for EU customers" })).toBeVisible();
    await expect(page.getByLabel("Incident commander", { exact: true })).toHaveValue("responder@example.test");
    const timeline = incidentPage.timeline;
    await expect(timeline).toContainText("Declared SEV2 incident");

    await page.getByLabel("Add a note").fill("Rolled back **payments-api** to v41.");
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(timeline.locator("strong", { hasText: "payments-api" })).toBeVisible();

    await page.getByLabel("Severity", { exact: true }).selectOption("SEV1");
    await expect(timeline).toContainText("Severity changed from SEV2 to SEV1");

    await incidentPage.stepButton("Resolved").click();
    await page.getByRole("dialog", { name: "Change status" }).getByRole("button", { name: "Change status" }).click();
    await expect(timeline).toContainText("Status changed from Investigating to Resolved");
    // Once resolved, the primary button leads to the postmortem (UX.md).
    await expect(page.getByRole("button", { name: "Start postmortem" }).first()).toBeVisible();
  });

  test("double submit declares once", async ({ page }) => {
    await page.goto("/incidents");
    const dialog = page.getByRole("dialog", { name: "Declare an incident" });
    await expect(async () => {
      if (!(await dialog.isVisible())) await page.keyboard.press("d");
      await expect(dialog).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 10_000 });
    const title = `Double submit ${Date.now()}`;
    await dialog.getByLabel("Title").fill(title);
    await dialog.getByRole("radio", { name: /SEV4/ }).check();
    const submit = dialog.getByRole("button", { name: "Declare incident" });
    await Promise.all([submit.dblclick(), page.waitForURL(/\/incidents\/INC-\d+$/)]);
    await page.goto(`/incidents?status=all&q=${encodeURIComponent(title)}`);
    await expect(page.getByRole("link", { name: title })).toHaveCount(1);
  });

  test("declare form names the missing fields", async ({ page }) => {
    await page.goto("/incidents");
    await page.getByRole("button", { name: /Declare/ }).click();
    const dialog = page.getByRole("dialog", { name: "Declare an incident" });
    await dialog.getByRole("button", { name: "Declare incident" }).click();
    await expect(dialog.getByText("Title is required")).toBeVisible();
    await expect(dialog.getByText("Pick a severity")).toBeVisible();
  });
});

test.describe("viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("cannot declare and sees no editing controls", async ({ page }) => {
    await page.goto("/incidents");
    await expect(page.getByRole("heading", { name: "Incidents" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Declare/ })).toHaveCount(0);
    await page.keyboard.press("d");
    await expect(page.getByRole("dialog", { name: "Declare an incident" })).toHaveCount(0);
  });
});
