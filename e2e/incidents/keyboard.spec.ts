import { expect, test } from "@playwright/test";
import { declareViaApi, storageStateFor } from "../support/fixtures";
import { IncidentPage } from "../support/pages/incident-page";

test.use({ storageState: storageStateFor("responder") });

test("command palette opens an incident by reference", async ({ page, request }) => {
  const incident = await declareViaApi(request, { title: "Palette target", severity: "SEV4" });
  await page.goto("/incidents");
  const input = page.getByRole("combobox", { name: /Type a command/ });
  // The shortcut listens once the page has hydrated: press until the palette opens.
  await expect(async () => {
    if (!(await input.isVisible())) await page.keyboard.press("Control+k");
    await expect(input).toBeFocused({ timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await input.fill(incident.reference);
  await input.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/incidents/${incident.reference}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Palette target");
});

test("single-key shortcuts: / focuses search, n focuses the note box, ? shows help", async ({ page, request }) => {
  const incidentPage = new IncidentPage(page);
  const incident = await declareViaApi(request, { title: "Shortcut target", severity: "SEV4" });
  // Shortcuts listen once the page has hydrated: retry the key press until it takes.
  const pressUntilFocused = async (key: string, target: Awaited<ReturnType<typeof page.getByLabel>>) =>
    expect(async () => {
      await page.keyboard.press(key);
      await expect(target).toBeFocused({ timeout: 500 });
    }).toPass({ timeout: 10_000 });
  await page.goto("/incidents");
  await pressUntilFocused("/", page.getByLabel("Search title and summary"));
  await incidentPage.goto(incident.reference);
  await pressUntilFocused("n", page.getByRole("textbox", { name: "Add a note" }));
  // Typing in a field must not trigger shortcuts.
  await page.keyboard.type("d and ?");
  await expect(page.getByRole("dialog", { name: "Declare an incident" })).toHaveCount(0);
  await page.getByRole("textbox", { name: "Add a note" }).blur();
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
});
