import { expect, test } from "@playwright/test";
import { bearerDemo, demoBaseURL, signInToDemo } from "../support/demo";

// Landing on the incident list from /insights: the drill-down filters show as chips that say
// what the list holds and remove one filter each. Runs on the demo server (teams and six
// months of incidents); the organisation's zone there is UTC.

const day = (msAgo: number) => new Date(Date.now() - msAgo).toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

test("drill-down filters show as removable chips; removing one by keyboard updates the URL and the list", async ({ page, request }) => {
  const teams = await request.get(`${demoBaseURL}/api/v1/teams`, { headers: bearerDemo("viewer") });
  const payments = ((await teams.json()) as { items: { id: number; name: string }[] }).items.find((t) => t.name === "Payments")!;
  expect(payments).toBeTruthy();
  const from = day(179 * DAY_MS);
  const to = day(0);
  const query = `from=${from}&to=${to}&severity=SEV1,SEV2&team=${payments.id}&drill=0`;
  const api = await request.get(`${demoBaseURL}/api/v1/incidents?${query}&limit=25`, { headers: bearerDemo("viewer") });
  const expected = ((await api.json()) as { items: { title: string }[] }).items;
  expect(expected.length, "the demo has SEV1/SEV2 Payments incidents in the last 180 days").toBeGreaterThan(0);

  await signInToDemo(page, "viewer");
  await page.goto(`${demoBaseURL}/incidents?${query}`);

  const filters = page.getByRole("region", { name: "Filtered to" });
  const chip = (name: string | RegExp) => filters.getByRole("link", { name });
  await expect(chip(/^Remove filter: Started \d{1,2} [A-Z][a-z]{2}( \d{4})? – \d{1,2} [A-Z][a-z]{2} \d{4}$/)).toBeVisible();
  await expect(chip("Remove filter: SEV1, SEV2")).toBeVisible();
  await expect(chip("Remove filter: Team: Payments")).toBeVisible();
  await expect(chip("Remove filter: Drills excluded")).toBeVisible();
  await expect(filters.getByText("Team: Payments", { exact: true })).toBeVisible();
  // A drill-down counts closed incidents too, like the figures it came from.
  await expect(page.getByRole("link", { name: "All", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("list", { name: "Incidents" }).getByRole("listitem")).toHaveCount(expected.length);
  // The status tabs keep the drill-down.
  const active = new URL((await page.getByRole("link", { name: "Active", exact: true }).getAttribute("href"))!, demoBaseURL);
  expect(Object.fromEntries(active.searchParams)).toMatchObject({ status: "active", from, to, team: String(payments.id), drill: "0", severity: "SEV1,SEV2" });

  // Keyboard: focus the team chip and press Enter.
  await chip("Remove filter: Team: Payments").focus();
  await expect(chip("Remove filter: Team: Payments")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL((url) => !url.searchParams.has("team") && url.searchParams.get("drill") === "0");
  const url = new URL(page.url());
  expect(Object.fromEntries(url.searchParams)).toEqual({ status: "all", severity: "SEV1,SEV2", from, to, drill: "0" });
  await expect(chip("Remove filter: Team: Payments")).toHaveCount(0);
  await expect(chip("Remove filter: Drills excluded")).toBeVisible();

  // Clear all leaves the list on the same tab with no drill-down.
  await filters.getByRole("link", { name: "Clear all drill-down filters" }).click();
  await expect(page).toHaveURL(`${demoBaseURL}/incidents?status=all`);
  await expect(page.getByRole("region", { name: "Filtered to" })).toHaveCount(0);
});
