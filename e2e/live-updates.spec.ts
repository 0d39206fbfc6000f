import { expect, test, type Browser, type Page } from "@playwright/test";
import { bearer, ensureSignedInStates, storageStateFor, type Role } from "./support/fixtures";
import { declare, getIncident, marker } from "./support/api/helpers";
import { IncidentPage } from "./support/pages/incident-page";

// The incident page and the incident list follow pushed events: changes by others appear in place,
// without a reload (a marker set on window survives, typed text stays) and without polling.

test.beforeAll(({ browser }, testInfo) => ensureSignedInStates(browser, testInfo.project.use.baseURL, ["responder", "responder2", "viewer"]));

const indicator = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text });

// Chromium's offline emulation fails new requests but leaves an open stream alone, so the test
// drops the stream the way a lost connection does (the source errors and closes) while offline.
function trackEventSources() {
  const sources: EventSource[] = [];
  const Original = window.EventSource;
  window.EventSource = class extends Original {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      sources.push(this);
    }
  };
  (window as unknown as { dropLiveStream: () => void }).dropLiveStream = () => {
    for (const source of sources.splice(0)) {
      source.close();
      source.dispatchEvent(new Event("error"));
    }
  };
}

async function open(browser: Browser, role: Role, path: string, viewport?: { width: number; height: number }) {
  const context = await browser.newContext({ storageState: storageStateFor(role), ...(viewport ? { viewport } : {}) });
  await context.addInitScript(trackEventSources);
  const page = await context.newPage();
  await page.goto(path);
  // The incident page says when its stream is up; the list shows a line only when it is not.
  if (path.startsWith("/incidents/")) await expect(indicator(page, /^Live/)).toBeVisible();
  // Survives only if the page is never reloaded or re-navigated.
  await page.evaluate(() => ((window as unknown as { liveMarker: string }).liveMarker = "kept"));
  return { context, page };
}

const markerKept = (page: Page) => page.evaluate(() => (window as unknown as { liveMarker?: string }).liveMarker);

test("two responders on one incident: a note, a status change, a role change and a checklist tick appear on the other's page in place", async ({
  browser,
  request,
}) => {
  const incident = await declare(request, { title: marker("Live war room"), severity: "SEV2" });
  const a = await open(browser, "responder", `/incidents/${incident.reference}`);
  const b = await open(browser, "responder2", `/incidents/${incident.reference}`);
  const pageA = new IncidentPage(a.page);
  const pageB = new IncidentPage(b.page);
  // B is half-way through writing a note while A works.
  await pageB.noteBox.fill("Draft by Sam, not sent yet");

  await pageA.addNote("Rolled back the config push");
  await expect(pageB.timelineEntries("Rolled back the config push")).toHaveCount(1);

  await pageA.changeStatus("Mark identified", "Cause found: bad config push");
  await expect(pageB.currentStep).toContainText("Identified");
  await expect(pageB.timelineEntries("Cause found: bad config push")).toHaveCount(1);

  await a.page.getByLabel("Incident commander", { exact: true }).selectOption({ label: "Sam Second" });
  await expect(pageB.people).toContainText("Sam Second");
  await expect(b.page.getByLabel("Incident commander", { exact: true })).toHaveValue("responder2@example.test");

  const firstItem = a.page
    .getByRole("region", { name: /Checklist/ })
    .getByRole("checkbox")
    .first();
  const itemId = await firstItem.getAttribute("id");
  await firstItem.check();
  await expect(b.page.locator(`#${itemId}`)).toBeChecked();

  // And the other way: B's change reaches A.
  await b.page.getByRole("button", { name: "Edit summary" }).click();
  await pageB.summaryField.fill("Checkout errors after the 09:40 config push; rolled back.");
  await pageB.saveSummary();
  await expect(a.page.getByRole("region", { name: "Current state" })).toContainText("rolled back");

  expect(await markerKept(b.page)).toBe("kept");
  expect(await markerKept(a.page)).toBe("kept");
  await expect(pageB.noteBox).toHaveValue("Draft by Sam, not sent yet");
  // Each page shows the other's note exactly once, and its own too (the response and the event do not double it).
  await expect(pageA.timelineEntries("Rolled back the config push")).toHaveCount(1);
  await a.context.close();
  await b.context.close();
});

test("a dropped stream shows Reconnecting…, then catches up with what was missed", async ({ browser, request }, testInfo) => {
  const incident = await declare(request, { title: marker("Flaky network"), severity: "SEV3" });
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    const watcher = await open(browser, "responder2", `/incidents/${incident.reference}`, viewport);
    const page = watcher.page;
    await page.screenshot({ path: testInfo.outputPath(`live-${viewport.width}.png`), fullPage: false });
    await watcher.context.setOffline(true);
    await page.evaluate(() => (window as unknown as { dropLiveStream: () => void }).dropLiveStream());
    await expect(indicator(page, "Reconnecting…")).toBeVisible();
    await page.getByRole("status").filter({ hasText: "Reconnecting…" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`reconnecting-${viewport.width}.png`), fullPage: false });

    const note = `Missed while offline at ${viewport.width}px`;
    const res = await request.post(`/api/v1/incidents/${incident.reference}/timeline`, { headers: bearer("responder"), data: { body: note } });
    expect(res.status()).toBe(201);
    await watcher.context.setOffline(false);
    await expect(indicator(page, /^Live/)).toBeVisible({ timeout: 15_000 });
    await expect(new IncidentPage(page).timelineEntries(note)).toHaveCount(1);
    expect(await markerKept(page)).toBe("kept");
    await watcher.context.close();
  }
});

test("someone who loses access to a private incident is told so", async ({ browser, request }) => {
  const incident = await declare(request, { title: marker("Going private"), severity: "SEV3" });
  const viewer = await open(browser, "viewer", `/incidents/${incident.reference}`);
  const current = await getIncident(request, incident.reference);
  const res = await request.patch(`/api/v1/incidents/${incident.reference}`, {
    headers: bearer("responder"),
    data: { version: current.version, private: true },
  });
  expect(res.status()).toBe(200);
  await expect(viewer.page.getByRole("alert").filter({ hasText: "You no longer have access to this incident" })).toBeVisible({ timeout: 20_000 });
  await viewer.context.close();
});

test("the incident list changes a row's status in place and announces new incidents", async ({ browser, request }) => {
  const word = marker("listlive");
  const incident = await declare(request, { title: `${word} payments slow`, severity: "SEV3" });
  const watcher = await open(browser, "responder2", `/incidents?q=${word}`);
  const page = watcher.page;
  const row = page.getByRole("list", { name: "Incidents" }).getByRole("listitem").filter({ hasText: incident.reference });
  await expect(row).toContainText("Investigating");

  const current = await getIncident(request, incident.reference);
  const res = await request.patch(`/api/v1/incidents/${incident.reference}`, {
    headers: bearer("responder"),
    data: { version: current.version, status: "identified", severity: "SEV2", title: `${word} payments slow in EU` },
  });
  expect(res.status()).toBe(200);
  await expect(row).toContainText("Identified");
  await expect(row).toContainText("SEV2");
  await expect(row).toContainText("payments slow in EU");

  const second = await declare(request, { title: `${word} refunds failing`, severity: "SEV3" });
  const notice = page.getByRole("status").filter({ hasText: "1 new incident declared" });
  await expect(notice).toBeVisible();
  // Announced, not inserted: the list keeps its rows until asked.
  await expect(page.getByRole("list", { name: "Incidents" }).getByRole("listitem")).toHaveCount(1);
  expect(await markerKept(page)).toBe("kept");
  await notice.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("list", { name: "Incidents" }).getByRole("listitem").filter({ hasText: second.reference })).toBeVisible();
  await expect(notice).toBeHidden();
  await watcher.context.close();
});
