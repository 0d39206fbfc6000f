import { expect, test } from "@playwright/test";
import { bearer, declareViaApi, storageStateFor } from "../support/fixtures";
import { IncidentPage } from "../support/pages/incident-page";

// Changing status always goes through a dialog: new status, optional update message for
// stakeholders (posted to the timeline as an update), and a warning of what is still open.
test.use({ storageState: storageStateFor("responder") });

test("the primary button walks the lifecycle and opens the dialog; the message lands on the timeline as an update", async ({ page, request }) => {
  const incident = await declareViaApi(request, { title: "Card payments failing in eu-west-1", severity: "SEV2" });
  const incidentPage = new IncidentPage(page);
  await incidentPage.goto(incident.reference);

  await incidentPage.openStatusDialog("Mark identified");
  const dialog = incidentPage.statusDialog;
  await expect(incidentPage.newStatus).toHaveValue("identified");
  await expect(incidentPage.updateMessage).toBeFocused();
  await incidentPage.updateMessage.fill("Cause found: bad config push to the payment gateway. Rolling back now.");
  await page.keyboard.press("Control+Enter");
  await expect(dialog).toBeHidden();

  await expect(incidentPage.timeline).toContainText("Status changed from Investigating to Identified");
  const update = incidentPage.timelineEntries("Cause found: bad config push");
  await expect(update).toContainText("Status update");
  await expect(update).toContainText("Riley Responder");
  await expect(incidentPage.currentStep).toContainText("Identified");

  // A stepper click opens the dialog too; Esc cancels without changing anything.
  await incidentPage.stepButton("Resolved").click();
  await expect(incidentPage.newStatus).toHaveValue("resolved");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(incidentPage.currentStep).toContainText("Identified");

  await page.getByRole("button", { name: "Mark monitoring" }).click();
  await expect(incidentPage.newStatus).toHaveValue("monitoring");
  await dialog.getByRole("button", { name: "Change status" }).click();
  await expect(incidentPage.timeline).toContainText("Status changed from Identified to Monitoring");

  await expect(page.getByRole("button", { name: "Mark monitoring" })).toHaveCount(0);
  await page.getByRole("button", { name: "Resolve", exact: true }).click();
  await expect(incidentPage.newStatus).toHaveValue("resolved");
  await dialog.getByRole("button", { name: "Change status" }).click();
  await expect(incidentPage.timeline).toContainText("Status changed from Monitoring to Resolved");
  await expect(page.getByRole("button", { name: "Start postmortem" }).first()).toBeVisible();
  await page.getByRole("button", { name: "Close incident" }).click();
  await expect(incidentPage.newStatus).toHaveValue("closed");
  await page.keyboard.press("Escape");
});

test("resolving warns about what is still open, and resolves anyway", async ({ page, request }) => {
  // Declared by a token: no commander, no summary, and the SEV1/SEV2 playbook's checklist.
  const incident = await declareViaApi(request, { title: "Checkout timeouts", severity: "SEV1" });
  const incidentPage = new IncidentPage(page);
  await incidentPage.goto(incident.reference);
  await incidentPage.stepButton("Resolved").click();
  const dialog = incidentPage.statusDialog;
  const warning = dialog.getByRole("region", { name: /Still open/ });
  await expect(warning).toBeVisible();
  await expect(warning.getByRole("list", { name: "Unchecked checklist items" })).toContainText("Assign an incident commander");
  const other = warning.getByRole("list", { name: "Other open items" });
  await expect(other).toContainText("No summary written");
  await expect(other).toContainText("No incident commander assigned");
  await expect(other).toContainText("No mitigated time");
  await page.screenshot({ path: "screenshots/status-dialog-resolve-desktop.png" });

  // Not a block: choosing another status hides the warning, resolving still works.
  await incidentPage.newStatus.selectOption("monitoring");
  await expect(warning).toHaveCount(0);
  await incidentPage.newStatus.selectOption("resolved");
  await incidentPage.updateMessage.fill("Resolved: timeouts gone since the cache flush.");
  await dialog.getByRole("button", { name: "Change status" }).click();
  await expect(dialog).toBeHidden();
  await expect(incidentPage.timeline).toContainText("Status changed from Investigating to Resolved");
  await expect(incidentPage.timeline).toContainText("Resolved: timeouts gone since the cache flush.");
});

test("a stale version keeps the typed message and saves on the second try", async ({ page, request }) => {
  const incident = await declareViaApi(request, { title: "DNS resolution flapping", severity: "SEV3" });
  const incidentPage = new IncidentPage(page);
  await incidentPage.goto(incident.reference);
  await incidentPage.openStatusDialog("Mark identified");
  const dialog = incidentPage.statusDialog;
  await incidentPage.updateMessage.fill("Resolver pool exhausted; adding capacity.");
  // Someone else changes the incident while the dialog is open.
  const res = await request.patch(`/api/v1/incidents/${incident.reference}`, {
    headers: bearer("responder"),
    data: { version: incident.version, title: "DNS resolution flapping (all regions)" },
  });
  expect(res.status()).toBe(200);
  await dialog.getByRole("button", { name: "Change status" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Someone else changed this incident");
  await expect(incidentPage.updateMessage).toHaveValue("Resolver pool exhausted; adding capacity.");
  await dialog.getByRole("button", { name: "Change status" }).click();
  await expect(dialog).toBeHidden();
  await expect(incidentPage.timeline).toContainText("Resolver pool exhausted; adding capacity.");
});

test("an overdue update can be posted without changing status", async ({ page, request }) => {
  const incident = await declareViaApi(request, { title: "Login page blank for some users", severity: "SEV1" });
  const incidentPage = new IncidentPage(page);
  await incidentPage.goto(incident.reference);
  await expect(page.getByText(/Next update due in 1[45] min/)).toBeVisible();
  await page.getByRole("button", { name: "Post update" }).click();
  const dialog = page.getByRole("dialog", { name: "Post an update" });
  await expect(dialog.getByLabel("New status")).toHaveValue("investigating");
  await dialog.getByRole("button", { name: "Post update" }).click();
  await expect(dialog.getByText("Write the update to post")).toBeVisible();
  await dialog.getByLabel(/Update message/).fill("Still investigating; next update in 15 minutes.");
  await dialog.getByRole("button", { name: "Post update" }).click();
  await expect(dialog).toBeHidden();
  await expect(incidentPage.timelineEntries("Still investigating; next update")).toContainText("Status update");
  await expect(incidentPage.currentStep).toContainText("Investigating");
});
