import { expect, test, type Locator, type Page } from "@playwright/test";
import { declareViaApi, storageStateFor } from "../support/fixtures";
import { PostmortemEditor, resolvedIncident } from "../support/pages/postmortem-editor";
import { IncidentPage } from "../support/pages/incident-page";

// A person sends with Ctrl+Enter and goes straight on typing the next thing, a key every
// 150 ms: the save returns while they type, and not one of those keys may be lost.
test.use({ storageState: storageStateFor("responder") });

const typeOn = (page: Page, text: string) => page.keyboard.type(text, { delay: 150 });

/**
 * Holds each server-action request (a POST carrying a Next-Action header) for a moment, so
 * the reply always lands while the person is still typing, however fast the server is.
 */
async function slowServerActions(page: Page, ms = 700) {
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue();
  });
}

test.beforeEach(async ({ page }) => slowServerActions(page));

async function sendAndKeepTyping(page: Page, field: Locator, first: string, next: string) {
  await field.fill(first);
  await field.press("Control+Enter");
  await typeOn(page, next);
}

test("a note sent with Ctrl+Enter keeps every key typed while it was saving", async ({ page, request }) => {
  const incidentPage = new IncidentPage(page);
  const incident = await declareViaApi(request, { title: "Typing through a save", severity: "SEV3" });
  await incidentPage.goto(incident.reference);
  const note = page.getByLabel("Add a note");
  const timeline = incidentPage.timeline;

  await sendAndKeepTyping(page, note, "Rolled back the 14:02 deploy", "Error rate falling");
  await expect(timeline).toContainText("Rolled back the 14:02 deploy");
  await expect(note).toHaveValue("Error rate falling");
  await expect(note).toBeFocused();

  // Sending twice while the first save is in flight adds it once and loses nothing.
  await note.press("Control+Enter");
  await note.press("Control+Enter");
  await expect(timeline.getByText("Error rate falling")).toHaveCount(1);
  await expect(note).toHaveValue("");
  await page.reload();
  await expect(incidentPage.timeline.getByText("Error rate falling")).toHaveCount(1);
});

test("the summary saved with Ctrl+Enter stays open with what was typed after the save", async ({ page, request }) => {
  const incidentPage = new IncidentPage(page);
  const incident = await declareViaApi(request, { title: "Summary typed through a save", severity: "SEV3" });
  await incidentPage.goto(incident.reference);
  await page.getByRole("button", { name: "Edit summary" }).click();
  const summary = page.getByLabel("Summary", { exact: true });
  await sendAndKeepTyping(page, summary, "Checkout is down for EU.", " Rollback started.");
  // Nothing typed is lost: the editor stays open with the whole text, saving it adds the rest.
  await expect(summary).toHaveValue("Checkout is down for EU. Rollback started.");
  await summary.press("Control+Enter");
  await expect(summary).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Current state" })).toContainText("Checkout is down for EU. Rollback started.");
});

test("the action-item form keeps the next title typed while the first was being added", async ({ page, request }) => {
  const incidentPage = new IncidentPage(page);
  const incident = await declareViaApi(request, { title: "Action items typed through a save", severity: "SEV3" });
  await incidentPage.goto(incident.reference);
  const panel = page.getByRole("region", { name: /^Action items/ });
  await panel.getByRole("button", { name: "Add action item" }).click();
  const form = panel.getByRole("form", { name: "Add an action item" });
  await form.getByLabel("Kind").selectOption("detect");
  const title = form.getByLabel("Title");
  await sendAndKeepTyping(page, title, "Alert on queue depth", "Runbook for queue drain");
  await expect(form.getByRole("status")).toContainText("Added “Alert on queue depth”");
  await expect(title).toHaveValue("Runbook for queue drain");
  await expect(panel.getByRole("list", { name: "Action items of this incident" })).toContainText("Alert on queue depth");
});

test("postmortem: a comment and a section keep what was typed while saving", async ({ page, request }) => {
  const editor = new PostmortemEditor(page);
  const reference = await resolvedIncident(request, "Postmortem typed through saves", "SEV3");
  await editor.startFromIncidentPage(reference);

  await page.getByRole("button", { name: "Comment on Summary" }).click();
  const comment = page.getByLabel("Comment on Summary");
  await sendAndKeepTyping(page, comment, "Which region first?", "Also: how many users?");
  await expect(page.getByRole("list", { name: "Comments on Summary" })).toContainText("Which region first?");
  // The box stays open with the next comment instead of closing under the person's fingers.
  await expect(comment).toHaveValue("Also: how many users?");

  // Ctrl+S saves the section while typing goes on; every key reaches the saved document.
  const impact = editor.section("Impact");
  await impact.fill("");
  await typeOn(page, "EU checkout failed");
  await page.keyboard.press("Control+s");
  await typeOn(page, " for 40 minutes.");
  const text = "EU checkout failed for 40 minutes.";
  await expect(impact).toHaveValue(text);
  await expect(page.getByRole("status").filter({ hasText: /^Saved/ })).toBeVisible({ timeout: 20_000 });
  await page.reload();
  await expect(editor.section("Impact")).toHaveValue(text);
});

test("a title saved with Enter stays open with what was typed after the save", async ({ page, request }) => {
  const incidentPage = new IncidentPage(page);
  const incident = await declareViaApi(request, { title: "Old title", severity: "SEV3" });
  await incidentPage.goto(incident.reference);
  await page.getByRole("button", { name: "Edit title" }).click();
  const title = page.locator("#incident-title");
  await title.fill("Checkout down");
  await title.press("Enter");
  await typeOn(page, " in EU");
  await expect(title).toHaveValue("Checkout down in EU");
  await title.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Checkout down in EU");
});
