import { expect, test } from "@playwright/test";
import { storageStateFor } from "../support/fixtures";
import { ServicePage, ServicesCatalogue, unique } from "../support/pages/services";

// Issue 3's journey end to end in the browser: a service with an SLO, a SEV2 declared on it
// with its impact backdated, the playbook checklist, resolution, and the budget it spent.
test("service with an SLO → SEV2 on it → playbook checklist → resolve → budget drops", async ({ browser }) => {
  const admin = await browser.newContext({ storageState: storageStateFor("admin") });
  const adminPage = await admin.newPage();
  const slug = unique("ledger");
  await new ServicesCatalogue(adminPage).createService({ slug, name: `Ledger ${slug.slice(-6)}`, tier: 1 });
  await new ServicePage(adminPage).addSlo({ name: "Availability", objective: "99.9", windowDays: "28" });
  await expect(new ServicePage(adminPage).sloCard("Availability").getByRole("meter")).toHaveAttribute("aria-valuetext", "40.32 min (100%) left");

  const responder = await browser.newContext({ storageState: storageStateFor("responder") });
  const page = await responder.newPage();
  await page.goto("/incidents");
  await page.getByRole("button", { name: /Declare/ }).click();
  const dialog = page.getByRole("dialog", { name: "Declare an incident" });
  await dialog.getByLabel("Title").fill("Ledger writes failing");
  await dialog.getByRole("radio", { name: /SEV2/ }).check();
  // Impact began 30 minutes ago (the field takes the browser's local time).
  const started = await page.evaluate(() => {
    const d = new Date(Date.now() - 30 * 60_000);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  });
  await dialog.getByLabel("Impact started (optional)").fill(started);
  await dialog.getByRole("button", { name: "Add a service" }).click();
  await dialog.getByLabel("Service 1", { exact: true }).selectOption(slug);
  await dialog.getByLabel("Impact on service 1").selectOption("partial_outage");
  await dialog.getByRole("button", { name: "Declare incident" }).click();
  await page.waitForURL(/\/incidents\/INC-\d+$/);

  // The SEV1/SEV2 playbook put its checklist on the incident at declaration.
  const checklist = page.getByRole("region", { name: /Checklist/ });
  // The declarer is commander already, so that item ticked itself.
  await expect(checklist.getByRole("checkbox", { name: "Assign an incident commander" })).toBeChecked();
  await expect(checklist.getByRole("heading", { level: 2 })).toHaveText(/Checklist 1\/\d+/);
  await checklist.getByRole("checkbox", { name: "Confirm customer impact and affected regions" }).check();
  await expect(checklist.getByRole("heading", { level: 2 })).toHaveText(/Checklist 2\/\d+/);

  await page.getByRole("button", { name: "Set status to Resolved" }).click();
  await page.getByRole("dialog", { name: "Change status" }).getByRole("button", { name: "Change status" }).click();
  await expect(page.getByRole("list", { name: "Timeline entries" })).toContainText("Status changed from Investigating to Resolved");

  // 30 minutes (± the minute the form rounds to) of partial outage at weight 0.5 ≈ 15 min spent.
  await adminPage.reload();
  const meter = new ServicePage(adminPage).sloCard("Availability").getByRole("meter");
  const text = (await meter.getAttribute("aria-valuetext")) ?? "";
  const left = Number(/^([\d.]+) min/.exec(text)?.[1]);
  expect(left).toBeGreaterThan(40.32 - 15.6);
  expect(left).toBeLessThan(40.32 - 14.4);
  await expect(new ServicePage(adminPage).sloCard("Availability")).toContainText("Ledger writes failing");
  await admin.close();
  await responder.close();
});
