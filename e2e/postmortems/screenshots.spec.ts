import { expect, test } from "@playwright/test";
import { bearer, storageStateFor } from "../support/fixtures";
import { PostmortemEditor, resolvedIncident } from "../support/pages/postmortem-editor";

// The editor (with a blameless hint showing), the list and the print view at desktop and
// phone sizes, into screenshots/ for people to look at; the checks catch sideways overflow.
const sizes = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
];

test.use({ storageState: storageStateFor("responder") });

test("postmortem editor, list and print view at desktop and phone widths", async ({ page, request }) => {
  const editor = new PostmortemEditor(page);
  const title = "Checkout latency above 2 s in eu-west";
  // An overdue one nobody started, so the list shows every state it can.
  await resolvedIncident(request, "Payments API returned 500s after a certificate expired", "SEV1", 9);
  const reference = await resolvedIncident(request, title);
  // A highlighted note, so the generated timeline and the Timeline tab have content.
  await request.post(`/api/v1/incidents/${reference}/timeline`, {
    headers: bearer("responder"),
    data: { body: "Rolled back **checkout-api** to v41; latency recovering.", highlighted: true },
  });
  for (const item of [
    { title: "Canary deploys for checkout-api config", priority: "P1", kind: "prevent", ownerEmail: "responder@example.test" },
    { title: "Alert on p99 checkout latency over 1.5 s for 5 min", priority: "P2", kind: "detect", ownerEmail: "responder2@example.test" },
  ]) {
    const created = await request.post(`/api/v1/incidents/${reference}/action-items`, { headers: bearer("responder"), data: item });
    expect(created.status(), await created.text()).toBe(201);
  }
  await editor.startFromIncidentPage(reference);
  await editor
    .section("Summary")
    .fill(
      "For 47 minutes, 30 % of EU checkout requests took over 2 s and 4 % failed. The deploy at 14:05 was human error: the config should have been reviewed.",
    );
  await editor.section("Impact").fill("- 1,240 failed orders\n- 31 min of the *checkout availability* SLO budget (62 % of the month)");
  await editor.expectSaved(/Saved/);

  await page.goto(`/incidents/${reference}`);
  await expect(page.getByRole("region", { name: "Postmortem", exact: true })).toContainText("Draft");
  await page.screenshot({ path: "screenshots/postmortem-incident-card-desktop.png" });

  for (const size of sizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto(`/incidents/${reference}/postmortem#section-summary`);
    await expect(page.locator("#pm-summary-hints")).toContainText("human error");
    // The editor re-renders once hydrated; retry the scroll if the node was replaced under it.
    await expect(async () => editor.section("Summary").scrollIntoViewIfNeeded({ timeout: 2_000 })).toPass({ timeout: 10_000 });
    await page.evaluate(() => window.scrollBy(0, -140));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    await page.screenshot({ path: `screenshots/postmortem-editor-${size.name}.png` });

    await page.goto("/postmortems");
    await expect(page.getByRole("heading", { level: 1, name: "Postmortems" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    await page.screenshot({ path: `screenshots/postmortem-list-${size.name}.png`, fullPage: true });

    await editor.gotoPrint(reference);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    await page.screenshot({ path: `screenshots/postmortem-print-${size.name}.png`, fullPage: true });
  }
});
