import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { bearer, declareViaApi } from "../fixtures";

const DAY = 86_400_000;

/**
 * Declares an incident through the API and resolves it, so its postmortem is due; with
 * `resolvedDaysAgo` the impact and resolution are backdated (past 5 business days: overdue).
 */
export async function resolvedIncident(request: APIRequestContext, title: string, severity = "SEV2", resolvedDaysAgo = 0) {
  const startedAt = resolvedDaysAgo ? new Date(Date.now() - (resolvedDaysAgo + 1) * DAY).toISOString() : undefined;
  const incident = await declareViaApi(request, { title, severity, summary: "Checkout requests timed out for EU customers.", ...(startedAt ? { startedAt } : {}) });
  const res = await request.patch(`/api/v1/incidents/${incident.reference}`, {
    headers: bearer("responder"),
    data: { status: "resolved", version: incident.version },
  });
  expect(res.status(), await res.text()).toBe(200);
  if (resolvedDaysAgo) {
    const { version } = (await res.json()) as { version: number };
    const at = new Date(Date.now() - resolvedDaysAgo * DAY).toISOString();
    const backdated = await request.patch(`/api/v1/incidents/${incident.reference}`, {
      headers: bearer("responder"),
      data: { mitigatedAt: at, resolvedAt: at, version },
    });
    expect(backdated.status(), await backdated.text()).toBe(200);
  }
  return incident.reference;
}

/** Starts the postmortem from the incident page's header button and waits for the editor. */
export async function startFromIncidentPage(page: Page, reference: string) {
  await page.goto(`/incidents/${reference}`);
  await page.getByRole("button", { name: "Start postmortem" }).first().click();
  await page.waitForURL(new RegExp(`/incidents/${reference}/postmortem$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Postmortem:");
}

export const sectionField = (page: Page, title: string) => page.getByRole("textbox", { name: title, exact: true });
export const saveStatus = (page: Page) => page.getByRole("status").filter({ hasText: /Saved|Saving|Unsaved|Conflict|Not saved/ });
