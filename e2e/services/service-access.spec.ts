import { expect, test, type Browser } from "@playwright/test";
import { storageStateFor, type Role } from "../support/fixtures";
import { pastIncident, ServicePage, ServicesCatalogue, unique } from "../support/pages/services";

async function pageAs(browser: Browser, role: Role) {
  const context = await browser.newContext({ storageState: storageStateFor(role) });
  return { context, page: await context.newPage() };
}

test("a responder edits the description and links but is not offered name, team or tier", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  const slug = unique("notifications");
  await new ServicesCatalogue(admin.page).createService({ slug, name: "Notifications", tier: 2, description: "Sends e-mail." });
  await admin.context.close();

  const { context, page } = await pageAs(browser, "responder");
  const servicePage = new ServicePage(page);
  await servicePage.goto(slug);
  await page.getByRole("button", { name: "Edit description and links" }).click();
  const form = servicePage.descriptionForm;
  await expect(form.getByLabel("Description")).toHaveValue("Sends e-mail.");
  for (const label of ["Name", "Owner team", "Tier", "Runbook URL", "Slug"]) await expect(form.getByLabel(label, { exact: true })).toHaveCount(0);
  await form.getByLabel("Description").fill("Sends e-mail and **SMS**.");
  await form.getByLabel("Link 1 label").fill("Status page");
  await form.getByLabel("Link 1 URL").fill("https://status.example.com");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Description" })).toContainText("Sends e-mail and SMS.");
  await expect(page.getByRole("link", { name: "Status page" })).toHaveAttribute("href", "https://status.example.com");
  // No SLO management for responders.
  await expect(page.getByRole("button", { name: "Add SLO" })).toHaveCount(0);
  await context.close();
});

test("a stale edit gets a conflict message and keeps the typed text", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  const slug = unique("ledger");
  await new ServicesCatalogue(admin.page).createService({ slug, name: "Ledger", tier: 1, description: "First." });

  const responder = await pageAs(browser, "responder");
  await new ServicePage(responder.page).goto(slug);
  await responder.page.getByRole("button", { name: "Edit description and links" }).click();
  const form = new ServicePage(responder.page).descriptionForm;
  await form.getByLabel("Description").fill("Responder's careful words.");

  // Meanwhile the admin renames the service.
  await admin.page.getByRole("button", { name: "Edit service" }).click();
  const adminForm = admin.page.getByRole("form", { name: "Edit service" });
  await adminForm.getByLabel("Name", { exact: true }).fill("Ledger v2");
  await adminForm.getByRole("button", { name: "Save changes" }).click();
  await expect(admin.page.getByRole("heading", { level: 1, name: "Ledger v2" })).toBeVisible();

  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByRole("alert")).toContainText("Someone else changed this service");
  await expect(form.getByLabel("Description")).toHaveValue("Responder's careful words.");
  await expect(responder.page.getByRole("heading", { level: 1, name: "Ledger v2" })).toBeVisible();
  // Saving again applies on top of the current version.
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(responder.page.getByRole("region", { name: "Description" })).toContainText("Responder's careful words.");
  await admin.context.close();
  await responder.context.close();
});

test("a viewer sees the service and its budgets but no edit controls; a private spender stays private", async ({ browser, request }) => {
  const admin = await pageAs(browser, "admin");
  const slug = unique("identity");
  await new ServicesCatalogue(admin.page).createService({ slug, name: "Identity", tier: 1 });
  await new ServicePage(admin.page).addSlo({ name: "Logins", objective: "99.9" });
  await admin.context.close();
  const secret = unique("Credential stuffing");
  await pastIncident(request, { title: secret, slug, impact: "partial_outage", startedAgoMin: 600, minutes: 10, private: true });

  const { context, page } = await pageAs(browser, "viewer");
  const servicePage = new ServicePage(page);
  await servicePage.goto(slug);
  await expect(page.getByRole("heading", { level: 1, name: "Identity" })).toBeVisible();
  const card = servicePage.sloCard("Logins");
  await expect(card.getByRole("meter")).toHaveAttribute("aria-valuetext", "35.32 min (87.6%) left");
  await expect(card).toContainText("Private incident");
  await expect(page.getByText(secret)).toHaveCount(0);
  for (const name of ["Edit service", "Edit description and links", "Add SLO", "Edit SLO Logins", "Delete SLO Logins"]) {
    await expect(page.getByRole("button", { name })).toHaveCount(0);
  }
  await new ServicesCatalogue(page).goto();
  await expect(page.getByRole("button", { name: "Add service" })).toHaveCount(0);
  await context.close();
});
