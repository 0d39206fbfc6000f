import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { bearer, declareViaApi } from "../fixtures";

const DAY = 86_400_000;

/**
 * Declares an incident through the API and resolves it, so its postmortem is due; with
 * `resolvedDaysAgo` the impact and resolution are backdated (past 5 business days: overdue).
 */
export async function resolvedIncident(request: APIRequestContext, title: string, severity = "SEV2", resolvedDaysAgo = 0) {
  const startedAt = resolvedDaysAgo ? new Date(Date.now() - (resolvedDaysAgo + 1) * DAY).toISOString() : undefined;
  const incident = await declareViaApi(request, {
    title,
    severity,
    summary: "Checkout requests timed out for EU customers.",
    ...(startedAt ? { startedAt } : {}),
  });
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

// The postmortem editor (/incidents/<ref>/postmortem): sections as labelled text boxes that
// autosave, the save status, the contributing factors, the review panel; and its print view.
export class PostmortemEditor {
  /** "Saved 3 s ago", "Saving…", "Unsaved changes", "Conflict", "Not saved". */
  readonly saveStatus: Locator;
  /** The review panel: reviewers, Send to review, questions, Publish. */
  readonly review: Locator;
  readonly factors: Locator;

  constructor(readonly page: Page) {
    this.saveStatus = page.getByRole("status").filter({ hasText: /Saved|Saving|Unsaved|Conflict|Not saved/ });
    this.review = page.getByRole("region", { name: "Review" });
    this.factors = page.getByRole("region", { name: "Contributing factors" });
  }

  async goto(reference: string) {
    return this.page.goto(`/incidents/${reference}/postmortem`);
  }

  /** The print view of the same postmortem. */
  async gotoPrint(reference: string) {
    return this.page.goto(`/print/incidents/${reference}/postmortem`);
  }

  /** Starts the postmortem from the incident page's header button and waits for the editor. */
  async startFromIncidentPage(reference: string) {
    await this.page.goto(`/incidents/${reference}`);
    await this.page.getByRole("button", { name: "Start postmortem" }).first().click();
    await this.page.waitForURL(new RegExp(`/incidents/${reference}/postmortem$`));
    await expect(this.page.getByRole("heading", { level: 1 })).toContainText("Postmortem:");
  }

  /** A section's text box by its title ("Summary", "Impact", "Lessons learned"…). */
  section(title: string): Locator {
    return this.page.getByRole("textbox", { name: title, exact: true });
  }

  /** Ticks a contributing factor by (part of) its name. */
  async tickFactor(name: RegExp) {
    await this.factors.getByRole("checkbox", { name }).check();
  }

  /** Waits for autosave to say Saved (`pattern` narrows it, e.g. /Saved \d+ s ago/). */
  async expectSaved(pattern: RegExp = /Saved/) {
    await expect(this.saveStatus).toContainText(pattern, { timeout: 10_000 });
  }
}
