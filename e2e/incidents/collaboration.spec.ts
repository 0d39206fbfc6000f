import { expect, test } from "@playwright/test";
import { bearer, declareViaApi, storageStateFor } from "../support/fixtures";

test("a stale edit is refused with a conflict message and the typed text is kept", async ({ browser, request }) => {
  const incident = await declareViaApi(request, { title: "Conflicting edits", severity: "SEV3", summary: "first" });
  const first = await browser.newContext({ storageState: storageStateFor("responder") });
  const second = await browser.newContext({ storageState: storageStateFor("responder2") });
  const a = await first.newPage();
  const b = await second.newPage();
  await a.goto(`/incidents/${incident.reference}`);
  await b.goto(`/incidents/${incident.reference}`);

  await b.getByRole("button", { name: "Edit summary" }).click();
  await b.getByLabel("Summary", { exact: true }).fill("Text typed by the second responder");

  await a.getByRole("button", { name: "Edit summary" }).click();
  await a.getByLabel("Summary", { exact: true }).fill("Saved first by the first responder");
  await a.getByRole("button", { name: "Save summary" }).click();
  await expect(a.getByText("Saved first by the first responder")).toBeVisible();

  await b.getByRole("button", { name: "Save summary" }).click();
  await expect(b.getByText("Someone else changed this incident")).toBeVisible();
  await expect(b.getByLabel("Summary", { exact: true })).toHaveValue("Text typed by the second responder");
  // Saving again now applies on top of the current version.
  await b.getByRole("button", { name: "Save summary" }).click();
  await expect(b.getByText("Text typed by the second responder")).toBeVisible();
  await first.close();
  await second.close();
});

test("other responders' changes appear without reloading", async ({ browser, request }) => {
  const incident = await declareViaApi(request, { title: "Live updates", severity: "SEV3" });
  const context = await browser.newContext({ storageState: storageStateFor("viewer") });
  const page = await context.newPage();
  await page.goto(`/incidents/${incident.reference}`);
  await request.post(`/api/v1/incidents/${incident.reference}/timeline`, { headers: bearer("responder"), data: { body: "Note from another responder" } });
  await expect(page.getByText("Note from another responder")).toBeVisible({ timeout: 15_000 });
  await context.close();
});

test.describe("viewer on an incident page", () => {
  test.use({ storageState: storageStateFor("viewer") });
  test("reads it without any editing control", async ({ page, request }) => {
    const incident = await declareViaApi(request, { title: "Read-only for viewers", severity: "SEV4" });
    await page.goto(`/incidents/${incident.reference}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Read-only for viewers");
    await expect(page.getByRole("form", { name: "Note composer" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Mark identified" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Set status to/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Join" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Edit title" })).toHaveCount(0);
  });
});

test.describe("private incidents in the browser", () => {
  test.use({ storageState: storageStateFor("responder2") });
  test("do not exist for someone who is not on them", async ({ page, browser }) => {
    const owner = await browser.newContext({ storageState: storageStateFor("responder") });
    const ownerPage = await owner.newPage();
    await ownerPage.goto("/incidents");
    await ownerPage.getByRole("button", { name: /Declare/ }).click();
    const dialog = ownerPage.getByRole("dialog", { name: "Declare an incident" });
    await dialog.getByLabel("Title").fill("Suspicious admin logins");
    await dialog.getByRole("radio", { name: /SEV2/ }).check();
    await dialog.getByLabel(/Private/).check();
    await dialog.getByRole("button", { name: "Declare incident" }).click();
    await ownerPage.waitForURL(/\/incidents\/INC-\d+$/);
    const url = new URL(ownerPage.url());
    await owner.close();

    const response = await page.goto(url.pathname);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await page.goto("/incidents?status=all&q=Suspicious");
    await expect(page.getByRole("link", { name: "Suspicious admin logins" })).toHaveCount(0);
  });
});
