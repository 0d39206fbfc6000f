import { expect, test } from "@playwright/test";
import { storageStateFor } from "../support/fixtures";
import { PostmortemEditor, resolvedIncident } from "../support/pages/postmortem-editor";

test.use({ storageState: storageStateFor("responder") });

test("the print view is a document without the app around it", async ({ page, request }) => {
  const editor = new PostmortemEditor(page);
  const title = `Print view ${Date.now()}`;
  const reference = await resolvedIncident(request, title);
  await editor.startFromIncidentPage(reference);
  await editor.section("Summary").fill("Search returned **stale results** for two hours.");
  await editor.expectSaved(/Saved/);
  await expect(page.getByRole("link", { name: "Print" })).toHaveAttribute("href", `/print/incidents/${reference}/postmortem`);
  await expect(page.getByRole("link", { name: "Download Markdown" })).toHaveAttribute("href", `/api/v1/incidents/${reference}/postmortem.md`);

  await editor.gotoPrint(reference);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Declare/ })).toHaveCount(0);
  await expect(page.locator("strong", { hasText: "stale results" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Lessons learned" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Action items", exact: true })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
});

test("the postmortem list shows required ones not started, and filters live in the URL", async ({ page, request }) => {
  const title = `Listed not started ${Date.now()}`;
  const reference = await resolvedIncident(request, title);
  await page.goto("/postmortems");
  await page.getByLabel("Search title, text and tags").fill(title);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=Listed/);
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("Not started");
  await expect(row).toContainText(/Due/);
  await row.getByRole("button", { name: `Start postmortem for ${reference}` }).click();
  await page.waitForURL(new RegExp(`/incidents/${reference}/postmortem$`));

  await page.goto(`/postmortems?status=draft&q=${encodeURIComponent(title)}`);
  await expect(page.getByRole("link", { name: "Draft" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("row").filter({ hasText: title })).toContainText("Draft");
  await page.goto(`/postmortems?status=published&q=${encodeURIComponent(title)}`);
  await expect(page.getByText("No postmortems match these filters.")).toBeVisible();

  // Resolved 10 days ago and never started: overdue, in words as well as red.
  const lateTitle = `Listed overdue ${Date.now()}`;
  await resolvedIncident(request, lateTitle, "SEV1", 10);
  await page.goto("/postmortems?due=overdue");
  await expect(page.getByLabel("Deadline")).toHaveValue("overdue");
  const late = page.getByRole("row").filter({ hasText: lateTitle });
  await expect(late).toContainText(/Overdue since/);
  await expect(late).toContainText("Not started");
  await expect(page.getByRole("row").filter({ hasText: title })).toHaveCount(0);
});
