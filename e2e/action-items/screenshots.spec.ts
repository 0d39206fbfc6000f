import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { bearer, declareViaApi, storageStateFor } from "../support/fixtures";
import { addActionItem, dayFromToday } from "../support/api/action-items";

// Screenshots of the action items page (some overdue) and the incident panel, at desktop
// and phone sizes (screenshots/action-items-*.png).
const sizes = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
];

test.use({ storageState: storageStateFor("responder") });

/** The card around `inner`, cut from a full-page shot so the sticky header does not cover it. */
async function cardShot(page: Page, inner: Locator, path: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await inner.locator("xpath=..").boundingBox();
  if (!box) throw new Error("card not visible");
  await page.screenshot({ path, fullPage: true, clip: { x: box.x - 8, y: box.y - 8, width: box.width + 16, height: box.height + 16 } });
}

async function service(request: APIRequestContext, slug: string, name: string) {
  let res = await request.post("/api/v1/services", { headers: bearer("admin"), data: { slug, name, tier: 1 } });
  if (res.status() === 409) {
    slug = `${slug}-${Date.now().toString(36)}`;
    res = await request.post("/api/v1/services", { headers: bearer("admin"), data: { slug, name, tier: 1 } });
  }
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { slug: string };
}

test("action items page and incident panel", async ({ page, request }) => {
  const checkout = await service(request, "checkout-api", "Checkout API");
  const a = await declareViaApi(request, { title: "Checkout 502s after the load balancer change", severity: "SEV2" });
  const b = await declareViaApi(request, { title: "Card payments timing out in the EU", severity: "SEV1" });
  const sam = { ownerEmail: "responder2@example.test" };
  const items = [
    [
      a,
      {
        title: "Alert when the 5xx ratio is over 2% for 5 minutes",
        priority: "P1",
        kind: "detect",
        dueDate: dayFromToday(-9),
        trackerUrl: "https://tracker.example.com/OPS-341",
      },
    ],
    [a, { title: "Canary load balancer config changes on one zone first", priority: "P1", kind: "prevent", dueDate: dayFromToday(-2), ...sam }],
    [a, { title: "Write the rollback runbook for LB config", priority: "P2", kind: "process", dueDate: dayFromToday(0) }],
    [a, { title: "Remove the temporary retry shim", priority: "P3", kind: "repair", status: "done", dueDate: dayFromToday(-4), ...sam }],
    [
      b,
      {
        title: "Fail over to the secondary acquirer automatically",
        priority: "P1",
        kind: "mitigate",
        dueDate: dayFromToday(12),
        status: "in_progress",
        trackerUrl: "https://tracker.example.com/PAY-88",
      },
    ],
    [b, { title: "Dashboard for authorisation latency by region", priority: "P2", kind: "detect", dueDate: dayFromToday(40), ...sam }],
    [b, { title: "Review timeouts with the acquirer", priority: "P3", kind: "process", dueDate: dayFromToday(70), status: "wont_do" }],
  ] as const;
  for (const [incident, body] of items) await addActionItem(request, incident.reference, { ...body, service: checkout.slug });

  for (const size of sizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto(`/action-items?service=${checkout.slug}`);
    await expect(page.getByRole("row").filter({ hasText: "Alert when the 5xx ratio" })).toContainText("Overdue by 9 days");
    await page.screenshot({ path: `screenshots/action-items-list-${size.name}.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);

    await page.goto(`/incidents/${a.reference}`);
    const panel = page.getByRole("region", { name: /^Action items/ });
    await expect(panel.getByRole("heading")).toContainText("1/4");
    await cardShot(page, panel, `screenshots/action-items-incident-panel-${size.name}.png`);
    await panel.getByRole("button", { name: "Add action item" }).click();
    await panel.getByLabel("Title").fill("Load test the new pool size");
    await panel.getByLabel("Priority").selectOption("P1");
    await cardShot(page, panel, `screenshots/action-items-incident-form-${size.name}.png`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/incidents/${a.reference}`);
  await page.screenshot({ path: "screenshots/action-items-incident-desktop.png", fullPage: true });
});
