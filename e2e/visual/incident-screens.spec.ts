import { expect, test } from "@playwright/test";
import { declareViaApi, bearer, storageStateFor } from "../support/fixtures";

// Renders the main incident screens at desktop and phone sizes and saves screenshots to
// screenshots/ for people to look at; the assertions check that nothing overflows sideways.
const sizes = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
  { name: "phone-360", width: 360, height: 740 },
];

test.use({ storageState: storageStateFor("responder") });

test("incident list, declare form and incident page at desktop and phone widths", async ({ page, request }) => {
  const incident = await declareViaApi(request, {
    title: "Elevated 5xx on payments API after deploy",
    severity: "SEV1",
    summary: "About **30%** of card payments fail with 502 in eu-west-1. Rollback in progress.",
    startedAt: new Date(Date.now() - 47 * 60_000).toISOString(),
  });
  await request.post(`/api/v1/incidents/${incident.reference}/timeline`, {
    headers: bearer("responder"),
    data: {
      body: "Error rate started climbing at 14:02 right after deploy `v42` of payments-api.\n\n- Grafana: 5xx 31%\n- p99 latency 4.2s",
      highlighted: true,
    },
  });
  await declareViaApi(request, { title: "Search results slow for some users", severity: "SEV3" });
  await declareViaApi(request, { title: "Staging certificate expires in 5 days", severity: "SEV4" });

  for (const size of sizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto("/incidents");
    await expect(page.getByRole("link", { name: "Elevated 5xx on payments API after deploy" }).first()).toBeVisible();
    await page.screenshot({ path: `screenshots/incident-list-${size.name}.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);

    await page.getByRole("button", { name: /Declare/ }).click();
    await page.getByRole("dialog", { name: "Declare an incident" }).getByLabel("Title").fill("Login failures after SSO change");
    await page.screenshot({ path: `screenshots/declare-form-${size.name}.png` });
    await page.keyboard.press("Escape");
    // Typed text: the dialog asks before throwing it away.
    await page.getByRole("alertdialog", { name: "Discard this incident?" }).getByRole("button", { name: "Discard" }).click();

    await page.goto(`/incidents/${incident.reference}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Elevated 5xx on payments API after deploy");
    await page.screenshot({ path: `screenshots/incident-page-${size.name}.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);

    // The status dialog, resolving with open items (no commander, unchecked checklist).
    await page.getByRole("button", { name: "Set status to Resolved" }).click();
    const dialog = page.getByRole("dialog", { name: "Change status" });
    await dialog.getByLabel(/Update message/).fill("Rollback finished at 14:40; 5xx back to baseline.");
    await expect(dialog.getByRole("region", { name: /Still open/ })).toBeVisible();
    await page.screenshot({ path: `screenshots/status-dialog-${size.name}.png` });
    await page.keyboard.press("Escape");
  }
});
