import { expect, type Locator, type Page } from "@playwright/test";

// The incident page (/incidents/<ref>): header with the status stepper and the people on it,
// the status dialog, the summary, the note box and the timeline. Locators by role and label.

export class IncidentPage {
  /** The incident's title (the page's only h1). */
  readonly heading: Locator;
  /** The timeline's list of entries, newest first. */
  readonly timeline: Locator;
  /** Commander, comms lead and responders in the header, with Join and Take command. */
  readonly people: Locator;
  /** The status stepper; `currentStep` is the step marked current. */
  readonly stepper: Locator;
  readonly currentStep: Locator;
  /** The dialog every status change (and an update without one) goes through. */
  readonly statusDialog: Locator;
  readonly noteBox: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.timeline = page.getByRole("list", { name: "Timeline entries" });
    this.people = page.getByRole("group", { name: "People on this incident" });
    this.stepper = page.getByRole("list", { name: "Status" });
    this.currentStep = this.stepper.locator('[aria-current="step"]');
    this.statusDialog = page.getByRole("dialog", { name: /Change status|Post an update/ });
    this.noteBox = page.getByRole("textbox", { name: "Add a note" });
  }

  async goto(reference: string) {
    await this.page.goto(`/incidents/${reference}`);
  }

  /** Timeline entries, or those containing `text`. */
  timelineEntries(text?: string | RegExp): Locator {
    const entries = this.timeline.getByRole("listitem");
    return text === undefined ? entries : entries.filter({ hasText: text });
  }

  /** The status dialog's "New status" select and its update message box. */
  get newStatus(): Locator {
    return this.statusDialog.getByLabel("New status");
  }

  get updateMessage(): Locator {
    return this.statusDialog.getByLabel(/Update message/);
  }

  /** The stepper's button for a status ("Resolved" → "Set status to Resolved"). */
  stepButton(status: string): Locator {
    return this.page.getByRole("button", { name: `Set status to ${status}` });
  }

  /** Clicks a header button (its name, e.g. "Mark identified", or a locator) and waits for the status dialog. */
  async openStatusDialog(button: string | Locator) {
    await (typeof button === "string" ? this.page.getByRole("button", { name: button }) : button).click();
    await expect(this.statusDialog).toBeVisible();
  }

  /** Opens the status dialog from `button`, writes the optional update message and confirms. */
  async changeStatus(button: string | Locator, message?: string) {
    await this.openStatusDialog(button);
    if (message !== undefined) await this.updateMessage.fill(message);
    await this.statusDialog.getByRole("button", { name: "Change status" }).click();
    await expect(this.statusDialog).toBeHidden();
  }

  /** Adds a note from the note box. */
  async addNote(text: string) {
    await this.noteBox.fill(text);
    await this.page.getByRole("button", { name: "Add note" }).click();
  }

  /** Edits the summary (Edit summary → type → Save summary). */
  async editSummary(text: string, { save = true } = {}) {
    await this.page.getByRole("button", { name: "Edit summary" }).click();
    await this.summaryField.fill(text);
    if (save) await this.saveSummary();
  }

  get summaryField(): Locator {
    return this.page.getByLabel("Summary", { exact: true });
  }

  async saveSummary() {
    await this.page.getByRole("button", { name: "Save summary" }).click();
  }
}
