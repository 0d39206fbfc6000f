import { expect, test, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { bearer, declareViaApi, storageStateFor } from "../support/fixtures";

test.use({ storageState: storageStateFor("responder") });

async function openPalette(page: Page) {
  const input = page.getByRole("combobox", { name: /Type a command/ });
  // The shortcut listens once the page has hydrated: press until the palette opens.
  await expect(async () => {
    if (!(await input.isVisible())) await page.keyboard.press("Control+k");
    await expect(input).toBeFocused({ timeout: 500 });
  }).toPass({ timeout: 10_000 });
  return input;
}

test("typing part of a title finds the incident; Enter opens it", async ({ page, request }) => {
  const word = `Heron${randomUUID().slice(0, 6)}`;
  const incident = await declareViaApi(request, { title: `${word} payment webhooks delayed`, severity: "SEV2" });
  await page.goto("/incidents");
  const input = await openPalette(page);
  await input.pressSequentially(word.slice(0, 9).toLowerCase(), { delay: 40 });
  const listbox = page.getByRole("listbox", { name: "Results" });
  const option = listbox.getByRole("option", { name: new RegExp(`${incident.reference} .*${word} payment webhooks delayed`) });
  await expect(option).toBeVisible();
  await expect(listbox.getByRole("group", { name: "Incidents" })).toBeVisible();
  await expect(option).toHaveAttribute("aria-selected", "true");
  await expect(input).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id"))!);
  await page.screenshot({ path: "screenshots/palette-search-desktop.png" });
  await input.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/incidents/${incident.reference}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${word} payment webhooks delayed`);
});

test("a service by name; arrow keys move through the groups", async ({ page, request }) => {
  const word = `Plover${randomUUID().slice(0, 6)}`;
  const slug = word.toLowerCase();
  const res = await request.post("/api/v1/services", { headers: bearer("admin"), data: { slug, name: `${word} Gateway`, tier: 2 } });
  expect(res.status(), await res.text()).toBe(201);
  await page.goto("/incidents");
  const input = await openPalette(page);
  await input.fill(`${word} gate`);
  const listbox = page.getByRole("listbox", { name: "Results" });
  await expect(listbox.getByRole("group", { name: "Services" }).getByRole("option", { name: new RegExp(`${word} Gateway`) })).toBeVisible();
  await expect(page.getByText("Searching…")).toHaveCount(0);
  // The service is the first option; ArrowDown moves on and ArrowUp comes back.
  const first = listbox.getByRole("option").first();
  await expect(first).toContainText(`${word} Gateway`);
  await input.press("ArrowDown");
  await expect(first).toHaveAttribute("aria-selected", "false");
  await input.press("ArrowUp");
  await expect(first).toHaveAttribute("aria-selected", "true");
  await input.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/services/${slug}$`));
});

test("every page is listed, Insights included; nothing found says No matches", async ({ page }) => {
  await page.goto("/incidents");
  const input = await openPalette(page);
  const pages = page.getByRole("group", { name: "Pages" });
  for (const name of ["Incidents", "Postmortems", "Services", "Action items", "Insights"]) {
    await expect(pages.getByRole("option", { name: new RegExp(`^${name}`) })).toBeVisible();
  }
  await input.fill("qqzzxxnothing");
  await expect(page.getByText("No matches")).toBeVisible();
  await input.fill("insig");
  // Exact: incidents titled "Insights fixture…" (other tests' data) are options too.
  const insights = page.getByRole("option", { name: "Insights", exact: true });
  await expect(insights).toBeVisible();
  // Incidents whose titles match (other tests' data) are listed before the pages: step down to it.
  for (let i = 0; i < 30 && (await insights.getAttribute("aria-selected")) !== "true"; i++) await input.press("ArrowDown");
  await expect(insights).toHaveAttribute("aria-selected", "true");
  await input.press("Enter");
  // The insights page computes its report on first load: allow for a cold cache on a busy machine.
  await expect(page).toHaveURL(/\/insights/, { timeout: 30_000 });
});

test("a person leads to the action items they own", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/incidents");
  const input = await openPalette(page);
  await input.fill("Sam Sec");
  const person = page.getByRole("group", { name: "People" }).getByRole("option", { name: /Sam Second/ });
  await expect(person).toBeVisible();
  await page.screenshot({ path: "screenshots/palette-search-phone.png" });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await person.click();
  await expect(page).toHaveURL(/\/action-items\?owner=\d+$/);
});
