import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { bearer, fixtures, storageStateFor } from "../support/fixtures";
import { PostmortemEditor, resolvedIncident } from "../support/pages/postmortem-editor";

const pmUrl = (reference: string, rest = "") => `/api/v1/incidents/${reference}/postmortem${rest}`;

/** Starts the postmortem through the API, sends it to Sam Second for review and ticks every review question (admin token). */
async function inReview(request: APIRequestContext, reference: string) {
  let res = await request.post(pmUrl(reference), { headers: bearer("responder") });
  expect(res.status(), await res.text()).toBe(201);
  const { version } = (await res.json()) as { version: number };
  res = await request.post(pmUrl(reference, "/transitions"), {
    headers: bearer("responder"),
    data: { to: "in_review", version, reviewerEmails: [fixtures().users.responder2] },
  });
  expect(res.status(), await res.text()).toBe(200);
  for (const key of ["data", "impact", "causes", "actions", "stakeholders"]) {
    expect((await request.put(pmUrl(reference, "/review-checklist"), { headers: bearer("admin"), data: { key, checked: true } })).status()).toBe(200);
  }
}

const visibleOutline = (page: Page) => page.getByRole("navigation", { name: "Sections" }).filter({ visible: true });

test.describe("as the reviewer", () => {
  test.use({ storageState: storageStateFor("responder2"), viewport: { width: 1280, height: 800 } });

  test("Publish stays disabled with the reasons next to it, then hints are acknowledged; the published view keeps items and hints", async ({
    page,
    request,
  }) => {
    const editor = new PostmortemEditor(page);
    const reference = await resolvedIncident(request, `Publish gate ${Date.now()}`);
    await inReview(request, reference);
    await editor.goto(reference);

    const review = editor.review;
    const publish = review.getByRole("button", { name: "Publish" });
    const reasons = review.getByRole("list", { name: "Required before publishing" });
    await expect(publish).toBeDisabled();
    await expect(reasons.getByRole("link")).toHaveText([
      "Write the “Summary” section",
      "Write the “Root causes and contributing factors” section",
      "Tag at least one contributing factor (“Unknown” if it is not understood yet)",
      "Track at least one action item, or tick “No action items needed” and say why",
    ]);
    await expect(reasons.getByRole("link", { name: "Write the “Summary” section" })).toHaveAttribute("href", "#section-summary");
    await expect(publish).toHaveAccessibleDescription(/Publishing is blocked: 4 required parts missing/);

    // Writing the sections clears their reasons as they are typed.
    await editor.section("Summary").fill("Checkout failed for 40 minutes. The root cause was human error during the deploy.");
    await editor.section("Root causes and contributing factors").fill("The deploy script skipped the canary stage for hotfixes.");
    await page
      .getByRole("region", { name: "Contributing factors" })
      .getByRole("checkbox", { name: /Change \/ deploy/ })
      .check();
    await expect(reasons.getByRole("link")).toHaveText(["Track at least one action item, or tick “No action items needed” and say why"]);
    await editor.expectSaved(/Saved \d+ s ago/);

    // A tracked action item (added elsewhere) shows in the Action items section and satisfies the gate.
    const item = await request.post(`/api/v1/incidents/${reference}/action-items`, {
      headers: bearer("responder"),
      data: { title: "Canary stage for hotfix deploys", priority: "P1", kind: "prevent", ownerEmail: fixtures().users.responder },
    });
    expect(item.status(), await item.text()).toBe(201);
    await page.reload();
    await expect(page.getByRole("region", { name: "Action items", exact: true }).getByRole("table", { name: "Tracked action items" })).toContainText(
      "Canary stage for hotfix deploys",
    );
    await expect(reasons).toHaveCount(0);

    // Only the blameless hint is left: never blocking, but acknowledged by the publisher.
    await expect(publish).toBeDisabled();
    const acknowledge = review.getByRole("checkbox", { name: "I have reviewed the 1 blameless hint" });
    await expect(review.getByRole("list", { name: "Blameless hints to review" })).toContainText("“human error” in Summary");
    await acknowledge.check();
    await expect(publish).toBeEnabled();
    await review.screenshot({ path: "screenshots/postmortem-hint-acknowledgement-desktop.png" });
    await publish.click();
    await expect(review).toContainText("Published by Sam Second");

    // Published and read-only: the section lists the tracked item, the hints still count.
    const section = page.getByRole("region", { name: "Action items", exact: true });
    await expect(section).toContainText("Canary stage for hotfix deploys");
    await expect(section).not.toContainText("Not written");
    await expect(page.getByRole("tab", { name: /Hints/ })).toContainText("1");
    await expect(visibleOutline(page).getByRole("link", { name: /Summary/ })).toContainText("1");
    await page.getByRole("tab", { name: /Hints/ }).click();
    await expect(page.getByRole("tabpanel", { name: /Hints/ })).toContainText("human error");
    await page.screenshot({ path: "screenshots/postmortem-published-desktop.png", fullPage: false });

    // The print view shows the same item inside the Action items section.
    await editor.gotoPrint(reference);
    await expect(page.getByRole("region", { name: "Action items", exact: true })).toContainText("Canary stage for hotfix deploys");
  });

  test("screenshots of the publish gate at desktop and phone widths, no sideways scroll", async ({ page, request }) => {
    const editor = new PostmortemEditor(page);
    const reference = await resolvedIncident(request, `Publish gate screenshots ${Date.now()}`);
    await inReview(request, reference);
    for (const size of [
      { name: "desktop", width: 1280, height: 800 },
      { name: "phone", width: 390, height: 844 },
    ]) {
      await page.setViewportSize(size);
      await editor.goto(reference);
      const review = editor.review;
      await expect(review.getByRole("list", { name: "Required before publishing" })).toBeVisible();
      // The panel re-renders once hydrated; retry the scroll if the node was replaced under it.
      await expect(async () => review.getByRole("button", { name: "Publish" }).scrollIntoViewIfNeeded({ timeout: 2_000 })).toPass({ timeout: 10_000 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      await page.screenshot({ path: `screenshots/postmortem-publish-gate-${size.name}.png` });
    }

    // The explicit "no action items" note, with its required reason, satisfies the action items requirement.
    const section = page.getByRole("region", { name: "Action items", exact: true });
    await section.getByRole("checkbox", { name: "No action items needed" }).check();
    await section.getByRole("button", { name: "Save note" }).click();
    await expect(page.locator("#no-actions-error")).toHaveText("Say why no action items are needed.");
    await section.getByLabel("Why are no action items needed?").fill("Fixed for good during the incident.");
    await section.getByRole("button", { name: "Save note" }).click();
    await expect(section).toContainText("Note saved.");
    const reasons = editor.review.getByRole("list", { name: "Required before publishing" });
    await expect(reasons).not.toContainText("Track at least one action item");
    await expect(reasons).toContainText("Write the “Summary” section");
    await page.reload();
    await expect(page.getByLabel("Why are no action items needed?")).toHaveValue("Fixed for good during the incident.");
  });
});

test.describe("as the author", () => {
  test.use({ storageState: storageStateFor("responder"), viewport: { width: 1280, height: 800 } });

  test("the generated timeline has status and severity changes; 'Include all notes' adds the notes", async ({ page, request }) => {
    const editor = new PostmortemEditor(page);
    const reference = await resolvedIncident(request, `Timeline changes ${Date.now()}`);
    const incident = (await (await request.get(`/api/v1/incidents/${reference}`, { headers: bearer("responder") })).json()) as { version: number };
    const sev = await request.patch(`/api/v1/incidents/${reference}`, { headers: bearer("responder"), data: { version: incident.version, severity: "SEV1" } });
    expect(sev.status(), await sev.text()).toBe(200);
    const note = await request.post(`/api/v1/incidents/${reference}/timeline`, {
      headers: bearer("responder"),
      data: { body: "Checked the replica lag: fine" },
    });
    expect(note.status()).toBe(201);

    await editor.startFromIncidentPage(reference);
    const timeline = editor.section("Timeline");
    await expect(timeline).toHaveValue(/Status changed from Investigating to Resolved/);
    await expect(timeline).toHaveValue(/Severity changed from SEV2 to SEV1/);
    await expect(timeline).toHaveValue(/\*\*Impact started\*\*|\*\*Declared\*\*/);
    await expect(timeline).not.toHaveValue(/replica lag/);

    await page.getByRole("region", { name: "Timeline", exact: true }).getByRole("button", { name: "Regenerate timeline…" }).click();
    const dialog = page.getByRole("dialog", { name: "Regenerate the timeline?" });
    await dialog.getByRole("checkbox", { name: /Include all notes/ }).check();
    await dialog.getByRole("button", { name: "Replace Timeline section" }).click();
    await expect(dialog).toBeHidden();
    await expect(timeline).toHaveValue(/Checked the replica lag: fine/);
    await expect(timeline).toHaveValue(/Severity changed from SEV2 to SEV1/);
  });

  test("at 1280 px the Timeline heading and the regenerate link do not overlap", async ({ page, request }) => {
    const editor = new PostmortemEditor(page);
    const reference = await resolvedIncident(request, `Timeline layout ${Date.now()}`);
    await editor.startFromIncidentPage(reference);
    const label = page.locator("#pm-timeline-label");
    const link = page.getByRole("region", { name: "Timeline", exact: true }).getByRole("button", { name: "Regenerate timeline…" });
    await expect(link).toBeVisible();
    const a = (await label.boundingBox())!;
    const b = (await link.boundingBox())!;
    const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(overlap, `heading ${JSON.stringify(a)} and link ${JSON.stringify(b)}`).toBe(false);
    // Nor does the heading text spill out of its own box.
    expect(await page.locator("#section-timeline h2").evaluate((h) => h.scrollWidth <= h.clientWidth)).toBe(true);
    await label.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "screenshots/postmortem-timeline-heading-desktop.png" });
  });
});
