import { expect, test } from "@playwright/test";
import { storageStateFor } from "../support/fixtures";
import { PostmortemEditor, resolvedIncident } from "../support/pages/postmortem-editor";

test("two people editing the same section: the later save shows both versions and keeps its text", async ({ browser, request }) => {
  const reference = await resolvedIncident(request, `Concurrent edits ${Date.now()}`);
  const first = await browser.newContext({ storageState: storageStateFor("responder") });
  const second = await browser.newContext({ storageState: storageStateFor("responder2") });
  const a = await first.newPage();
  const aEditor = new PostmortemEditor(a);
  const b = await second.newPage();
  const bEditor = new PostmortemEditor(b);
  await aEditor.startFromIncidentPage(reference);
  await bEditor.goto(reference);
  await expect(bEditor.section("Summary")).toBeVisible();

  // A saves first (explicitly); B has the page open on the older version.
  await aEditor.section("Summary").fill("Written by Riley: the payments queue backed up.");
  await a.getByRole("button", { name: "Save", exact: true }).click();
  await expect(aEditor.saveStatus).toContainText(/Saved/);
  // B edits the same section and another one; its autosave is refused as stale.
  await bEditor.section("Summary").fill("Written by Sam: consumers stalled after the config push.");
  await bEditor.section("Lessons learned").fill("Config pushes need a canary.");

  await expect(b.getByRole("alert").filter({ hasText: "Someone else saved this postmortem" })).toBeVisible({ timeout: 10_000 });
  await expect(bEditor.saveStatus).toContainText("Conflict");
  const conflict = b.getByRole("group", { name: "Conflict in Summary" });
  await expect(conflict.getByLabel("Theirs (saved by someone else)")).toHaveValue("Written by Riley: the payments queue backed up.");
  await expect(conflict.getByLabel("Yours")).toHaveValue("Written by Sam: consumers stalled after the config push.");
  // The status bar leads back to the banner from anywhere in the document.
  await b.getByRole("link", { name: /Conflict: compare versions/ }).click();
  await expect(b).toHaveURL(/#conflict-banner$/);
  // The part only B changed is kept as typed, not in conflict.
  await expect(bEditor.section("Lessons learned")).toHaveValue("Config pushes need a canary.");

  // B combines both in its own box, keeps it, and the save applies on top of A's version.
  await conflict.getByLabel("Yours").fill("Written by Riley and Sam: the payments queue backed up after the config push.");
  await conflict.getByRole("button", { name: "Keep mine" }).click();
  await expect(b.getByRole("group", { name: "Conflict in Summary" })).toHaveCount(0);
  await bEditor.expectSaved(/Saved/);
  await expect(bEditor.section("Summary")).toHaveValue("Written by Riley and Sam: the payments queue backed up after the config push.");

  await a.reload();
  await expect(aEditor.section("Summary")).toHaveValue("Written by Riley and Sam: the payments queue backed up after the config push.");
  await expect(aEditor.section("Lessons learned")).toHaveValue("Config pushes need a canary.");
  await first.close();
  await second.close();
});

test.describe("leaving with unsaved text", () => {
  test.use({ storageState: storageStateFor("responder") });
  test("asks first", async ({ page, request }) => {
    const editor = new PostmortemEditor(page);
    const reference = await resolvedIncident(request, `Unsaved text ${Date.now()}`);
    await editor.startFromIncidentPage(reference);
    await editor.section("Trigger").fill("A feature flag flipped for all regions at once.");
    let asked = false;
    page.once("dialog", async (dialog) => {
      asked = true;
      await dialog.dismiss();
    });
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: reference }).click();
    expect(asked).toBe(true);
    await expect(page).toHaveURL(new RegExp(`/incidents/${reference}/postmortem$`));
    await expect(editor.section("Trigger")).toHaveValue("A feature flag flipped for all regions at once.");
  });
});
