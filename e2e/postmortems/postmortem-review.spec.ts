import { expect, test } from "@playwright/test";
import { storageStateFor } from "../support/fixtures";
import { PostmortemEditor, resolvedIncident } from "../support/pages/postmortem-editor";

test.use({ storageState: storageStateFor("responder") });

test("a resolved SEV2 gets a postmortem that is written, reviewed and published, which closes the incident", async ({ page, browser, request }) => {
  const editor = new PostmortemEditor(page);
  const title = `Checkout timeouts ${Date.now()}`;
  const reference = await resolvedIncident(request, title);

  // The incident page says a postmortem is due, and its primary button starts one.
  await page.goto(`/incidents/${reference}`);
  const card = page.getByRole("region", { name: "Postmortem", exact: true });
  await expect(card).toContainText("Not started");
  await expect(card).toContainText(/Due/);
  await editor.startFromIncidentPage(reference);

  // Writing: a blaming phrase gets a hint with its reframing; autosave stores the text.
  const summary = editor.section("Summary");
  await summary.fill("Checkout failed for 40 minutes. The root cause was human error during the deploy.");
  const hints = page.locator("#pm-summary-hints");
  await expect(hints).toContainText("human error");
  await expect(hints).toContainText("Describe the conditions that made the mistake easy");
  await expect(editor.saveStatus).toContainText("Unsaved changes");
  await editor.expectSaved(/Saved \d+ s ago/);
  await page.getByRole("tab", { name: /Hints/ }).click();
  await expect(page.getByRole("tabpanel")).toContainText("human error");
  await page.reload();
  await expect(editor.section("Summary")).toHaveValue(/human error during the deploy/);

  // What publishing requires besides the generated impact and timeline: root causes and a factor.
  await editor.section("Root causes and contributing factors").fill("The deploy script skipped the canary stage for hotfixes.");
  await page
    .getByRole("region", { name: "Contributing factors" })
    .getByRole("checkbox", { name: /Change \/ deploy/ })
    .check();
  await editor.expectSaved(/Saved \d+ s ago/);

  // An action item from the embedded form.
  await page.getByRole("tab", { name: /Action items/ }).click();
  await page.getByRole("button", { name: "Add action item" }).click();
  const form = page.getByRole("form", { name: "Add an action item" });
  await form.getByLabel("Title").fill("Canary deploys for checkout");
  await form.getByLabel("Owner").selectOption({ label: "Riley Responder" });
  await form.getByLabel("Kind").selectOption("prevent");
  await form.getByRole("button", { name: "Add action item" }).click();
  await expect(page.getByRole("list", { name: "Action items" })).toContainText("Canary deploys for checkout");

  // The author names a reviewer and sends it to review.
  const review = editor.review;
  await review.getByRole("checkbox", { name: /Sam Second/ }).check();
  await review.getByRole("button", { name: "Send to review" }).click();
  await expect(review).toContainText("Waiting for Sam Second");

  // The reviewer ticks every question; Publish stays disabled until the last one.
  const reviewerContext = await browser.newContext({ storageState: storageStateFor("responder2") });
  const reviewer = await reviewerContext.newPage();
  const reviewerEditor = new PostmortemEditor(reviewer);
  await reviewerEditor.goto(reference);
  const reviewPanel = reviewerEditor.review;
  const publish = reviewPanel.getByRole("button", { name: "Publish" });
  const questions = reviewPanel.getByRole("group", { name: "Review questions" }).getByRole("checkbox");
  await expect(questions).toHaveCount(5);
  for (let i = 0; i < 5; i++) {
    await expect(publish).toBeDisabled();
    await questions.nth(i).check();
    await expect(questions.nth(i)).toBeChecked();
  }
  // The blameless hint still in the text: the reviewer acknowledges it, then publishes.
  await expect(publish).toBeDisabled();
  await reviewPanel.getByRole("checkbox", { name: "I have reviewed the 1 blameless hint" }).check();
  await expect(reviewPanel).toContainText("Publishing makes it read-only");
  await expect(publish).toBeEnabled();
  await publish.click();
  await expect(reviewPanel).toContainText("Published by Sam Second");
  // Published: read-only, the summary rendered as a document.
  await expect(reviewer.getByRole("textbox", { name: "Summary", exact: true })).toHaveCount(0);
  await expect(reviewer.getByRole("region", { name: "Summary", exact: true })).toContainText("human error during the deploy");

  await reviewer.goto(`/incidents/${reference}`);
  await expect(reviewer.getByRole("list", { name: "Status" }).locator('[aria-current="step"]')).toContainText("Closed");
  await expect(reviewer.getByRole("list", { name: "Timeline entries" })).toContainText("Postmortem published by Sam Second");
  await expect(reviewer.getByRole("region", { name: "Postmortem", exact: true })).toContainText("Published");
  await reviewerContext.close();
});

test("a reviewer sends a postmortem back to draft only with a comment", async ({ page, browser, request }) => {
  const editor = new PostmortemEditor(page);
  const reference = await resolvedIncident(request, `Back to draft ${Date.now()}`);
  await editor.startFromIncidentPage(reference);
  await editor.section("Summary").fill("Queue consumers stalled after a config push.");
  await editor.expectSaved(/Saved/);
  const review = editor.review;
  await review.getByRole("checkbox", { name: /Sam Second/ }).check();
  await review.getByRole("button", { name: "Send to review" }).click();
  await expect(review).toContainText("Waiting for Sam Second");

  const context = await browser.newContext({ storageState: storageStateFor("responder2") });
  const reviewer = await context.newPage();
  const reviewerEditor = new PostmortemEditor(reviewer);
  await reviewerEditor.goto(reference);
  const panel = reviewerEditor.review;
  await panel.getByRole("button", { name: "Back to draft" }).click();
  await expect(panel.getByRole("button", { name: "Send back to draft" })).toBeDisabled();
  await panel.getByLabel("What needs to change?").fill("Impact needs numbers: how many orders failed?");
  await panel.getByRole("button", { name: "Send back to draft" }).click();
  await expect(panel.getByRole("button", { name: "Send to review" })).toBeVisible();
  await expect(panel).toContainText("Impact needs numbers");
  await context.close();
});

test.describe("viewers", () => {
  test.use({ storageState: storageStateFor("viewer") });
  test("do not see a draft postmortem", async ({ page, browser, request }) => {
    const editor = new PostmortemEditor(page);
    const reference = await resolvedIncident(request, `Viewer draft ${Date.now()}`);
    const context = await browser.newContext({ storageState: storageStateFor("responder") });
    const author = await context.newPage();
    const authorEditor = new PostmortemEditor(author);
    await authorEditor.startFromIncidentPage(reference);
    await context.close();

    await editor.goto(reference);
    await expect(page.getByText("This postmortem is not published yet")).toBeVisible();
    await expect(page.getByRole("textbox")).toHaveCount(0);
    const print = await editor.gotoPrint(reference);
    expect(print?.status()).toBe(404);
  });
});
