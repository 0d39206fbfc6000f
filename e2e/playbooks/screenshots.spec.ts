import { expect, test } from "@playwright/test";
import { bearer, storageStateFor } from "../support/fixtures";
import { marker } from "../support/api/helpers";
import { checklist, deletePlaybooksNamed } from "../support/api/playbooks";

// The playbook admin and an incident's checklist at desktop and phone sizes, into
// screenshots/ for people to look at; the assertions check nothing overflows sideways.
const sizes = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
];

test.use({ storageState: storageStateFor("admin") });

test("playbook list, edit form and an incident checklist at desktop and phone widths", async ({ page, request }) => {
  // A playbook that targets services, so the list shows both kinds of condition.
  const suffix = marker("x").slice(2).toLowerCase();
  const serviceSlugs = [`checkout-api-${suffix}`, `payments-gateway-${suffix}`];
  for (const [slug, name] of [
    [serviceSlugs[0], "Checkout API"],
    [serviceSlugs[1], "Payments gateway"],
  ]) {
    const created = await request.post("/api/v1/services", { headers: bearer("admin"), data: { slug, name, tier: 1 } });
    expect(created.status(), await created.text()).toBe(201);
  }
  const serviceBook = "Checkout or payments down";
  await deletePlaybooksNamed(request, serviceBook);
  await request.post("/api/v1/playbooks", {
    headers: bearer("admin"),
    data: {
      name: serviceBook,
      description: "Card payments are money lost by the minute: get the PSP and finance on the line early.",
      severities: ["SEV1", "SEV2"],
      services: serviceSlugs,
      items: [{ text: "Check the PSP status page", link: "https://status.example.com" }, { text: "Tell finance on-call" }],
    },
  });
  const res = await request.post("/api/v1/incidents", {
    headers: bearer("responder"),
    data: {
      title: "Checkout latency above 2 s in eu-west",
      severity: "SEV2",
      summary: "p99 checkout latency tripled after the 14:05 deploy.",
      services: [{ service: `checkout-api-${suffix}`, impact: "partial_outage" }],
    },
  });
  const { reference } = (await res.json()) as { reference: string };
  const items = (await checklist(request, reference)).items;
  for (const item of items.slice(0, 3)) {
    await request.patch(`/api/v1/checklist-items/${item.id}`, { headers: bearer("responder"), data: { done: true } });
  }
  // The summary given at declaration ticked the summary item by itself as well.
  const done = (await checklist(request, reference)).progress.done;
  const playbooks = (await (await request.get("/api/v1/playbooks", { headers: bearer("admin") })).json()) as { items: { id: number; name: string }[] };
  const major = playbooks.items.find((p) => p.name === "Major incident (SEV1/SEV2)")!;

  try {
    for (const size of sizes) {
      await page.setViewportSize({ width: size.width, height: size.height });
      const shoot = async (name: string) => {
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: `screenshots/playbooks-${name}-${size.name}.png`, fullPage: true });
      };
      const noSidewaysScroll = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);

      await page.goto("/admin/playbooks");
      await expect(page.getByRole("heading", { name: "Playbooks", level: 1 })).toBeVisible();
      await shoot("list");
      await noSidewaysScroll();

      await page.goto(`/admin/playbooks/${major.id}`);
      await expect(page.getByLabel("Item 9 text")).toBeVisible();
      await shoot("edit");
      await noSidewaysScroll();

      await page.goto(`/incidents/${reference}`);
      const panel = page.getByRole("region", { name: /Checklist/ });
      await expect(panel.getByRole("heading", { level: 2 })).toHaveText(`Checklist ${done}/${items.length}`);
      await shoot("incident");
      if (size.name === "desktop") {
        await panel.screenshot({ path: `screenshots/playbooks-incident-checklist-card.png` });
      }
      await noSidewaysScroll();
    }
  } finally {
    await deletePlaybooksNamed(request, serviceBook);
  }
});
