import { expect, test } from "@playwright/test";
import { bearer, declareViaApi, fixtures, ensureSignedInStates, storageStateFor } from "../support/fixtures";
import { IncidentPage } from "../support/pages/incident-page";

// In the "serial" project (playwright.config.ts): signs in itself when run alone, without the setup project.
test.beforeAll(({ browser }, testInfo) => ensureSignedInStates(browser, testInfo.project.use.baseURL, ["admin", "responder", "responder2"]));

// The header says who is on the incident and when the next update is due, on desktop and phone.
test.describe("as a second responder", () => {
  test.use({ storageState: storageStateFor("responder2") });

  test("Join and Take command from the header, each one click and on the timeline", async ({ page, request }) => {
    const incidentPage = new IncidentPage(page);
    const incident = await declareViaApi(request, { title: "Queue backlog growing", severity: "SEV2" });
    await incidentPage.goto(incident.reference);
    await expect(incidentPage.people).toContainText("Commander");
    await expect(incidentPage.people).toContainText("Unassigned");

    await incidentPage.people.getByRole("button", { name: "Join" }).click();
    await expect(incidentPage.timeline).toContainText("Sam Second joined as a responder");
    await expect(incidentPage.people.getByRole("button", { name: "Join" })).toHaveCount(0);

    // Nobody commands yet: no confirmation needed.
    await incidentPage.people.getByRole("button", { name: "Take command" }).click();
    await expect(incidentPage.timeline).toContainText("Incident commander: Sam Second");
    await expect(incidentPage.people).toContainText("Sam Second");
    await expect(incidentPage.people.getByText("SS", { exact: true })).toBeVisible();
    await expect(incidentPage.people.getByRole("button", { name: "Take command" })).toHaveCount(0);
  });

  test("taking command from someone else asks first", async ({ page, request }) => {
    const incidentPage = new IncidentPage(page);
    const incident = await declareViaApi(request, { title: "Search index lagging", severity: "SEV3" });
    const f = fixtures();
    const res = await request.patch(`/api/v1/incidents/${incident.reference}`, {
      headers: bearer("responder"),
      data: { version: incident.version, commanderEmail: f.users.responder, communicationsEmail: f.users.viewer },
    });
    expect(res.status()).toBe(200);
    await incidentPage.goto(incident.reference);
    await expect(incidentPage.people).toContainText("Riley Responder");
    await expect(incidentPage.people).toContainText("Comms lead");
    await expect(incidentPage.people).toContainText("Vic Viewer");

    await incidentPage.people.getByRole("button", { name: "Take command" }).click();
    const confirm = page.getByRole("dialog", { name: "Take command?" });
    await expect(confirm).toContainText("Riley Responder is the incident commander");
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(confirm).toBeHidden();
    await expect(incidentPage.people).toContainText("Riley Responder");

    await incidentPage.people.getByRole("button", { name: "Take command" }).click();
    await confirm.getByRole("button", { name: "Take command from Riley Responder" }).click();
    await expect(incidentPage.timeline).toContainText("Incident commander: Sam Second (was Riley Responder)");
    await expect(incidentPage.people).not.toContainText("Riley Responder");
  });
});

test.describe("update cadence", () => {
  test.use({ storageState: storageStateFor("responder") });

  test("a SEV1 counts down to its next update, then shows it overdue and stale", async ({ page, request }) => {
    const incidentPage = new IncidentPage(page);
    const incident = await declareViaApi(request, { title: "API gateway dropping requests", severity: "SEV1" });
    await incidentPage.goto(incident.reference);
    await expect(page.getByText(/Next update due in 1[45] min/)).toBeVisible();

    // 40 minutes later in the browser: overdue by 25 min, and stale as on the list.
    await page.clock.install({ time: Date.now() + 40 * 60_000 });
    await page.reload();
    await expect(page.getByText(/Update overdue by 2[45] min/)).toBeVisible();
    await expect(page.locator("header").getByText(/Stale: no update for/)).toBeVisible();

    const sev3 = await declareViaApi(request, { title: "Minor CSS glitch on settings page", severity: "SEV3" });
    await incidentPage.goto(sev3.reference);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Minor CSS glitch on settings page");
    await expect(page.getByText(/Next update due|Update overdue/)).toHaveCount(0);
  });
});

test.describe("admin settings", () => {
  test.use({ storageState: storageStateFor("admin") });
  const DEFAULT = { SEV1: 15, SEV2: 30, SEV3: null, SEV4: null };
  test.afterEach(async ({ request }) => {
    await request.put("/api/v1/settings/update-cadence", { headers: bearer("admin"), data: DEFAULT });
  });

  test("an admin changes the cadence in Settings and the incident header follows", async ({ page, request }) => {
    const incidentPage = new IncidentPage(page);
    await page.goto("/admin/settings");
    const form = page.getByRole("form", { name: "Update cadence" });
    await expect(form.getByLabel(/SEV1/)).toHaveValue("15");
    await expect(form.getByLabel(/SEV3/)).toHaveValue("");
    await form.getByLabel(/SEV1/).fill("0");
    await form.getByRole("button", { name: "Save cadence" }).click();
    await expect(form.getByText("Must be at least 1 minute")).toBeVisible();
    await expect(form.getByLabel(/SEV1/)).toBeFocused();
    await form.getByLabel(/SEV1/).fill("5");
    await form.getByLabel(/SEV3/).fill("120");
    await form.getByRole("button", { name: "Save cadence" }).click();
    await expect(form.getByRole("status")).toContainText("Saved");

    const incident = await declareViaApi(request, { title: "Webhooks delayed", severity: "SEV1" });
    await incidentPage.goto(incident.reference);
    await expect(page.getByText(/Next update due in [45] min/)).toBeVisible();
    const sev3 = await declareViaApi(request, { title: "Docs site slow", severity: "SEV3" });
    await incidentPage.goto(sev3.reference);
    await expect(page.getByText(/Next update due in (1 h 59 min|2 h)/)).toBeVisible();
  });
});

test.describe("on a phone", () => {
  test.use({ storageState: storageStateFor("responder") });

  test.describe("before the page's scripts run", () => {
    test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    test("the server-rendered stepper already fits 360 px", async ({ page, request }) => {
      const incidentPage = new IncidentPage(page);
      const incident = await declareViaApi(request, { title: "Stepper before hydration", severity: "SEV1" });
      await incidentPage.goto(incident.reference);
      const steps = incidentPage.stepper.getByRole("listitem");
      await expect(steps).toHaveCount(5);
      expect(await steps.evaluateAll((items) => items.filter((li) => li.scrollWidth > li.clientWidth + 1).length)).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    });
  });

  for (const width of [360, 390]) {
    test(`the stepper fits ${width} px and who is on it shows without scrolling`, async ({ page, request }) => {
      const incidentPage = new IncidentPage(page);
      await page.setViewportSize({ width, height: width === 360 ? 740 : 844 });
      const incident = await declareViaApi(request, { title: "Mobile app cannot refresh tokens", severity: "SEV1" });
      await incidentPage.goto(incident.reference);
      const steps = incidentPage.stepper.getByRole("listitem");
      await expect(steps).toHaveCount(5);
      const boxes = await steps.evaluateAll((items) => items.map((li) => li.getBoundingClientRect().toJSON() as DOMRect));
      for (let i = 0; i < boxes.length; i++) {
        const box = boxes[i]!;
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(width);
        if (i > 0) expect(box.left).toBeGreaterThanOrEqual(boxes[i - 1]!.right - 0.5);
      }
      // Labels stay inside their own step: none runs into the next.
      const overflowing = await steps.evaluateAll((items) => items.filter((li) => li.scrollWidth > li.clientWidth + 1).length);
      expect(overflowing).toBe(0);
      await expect(incidentPage.stepButton("Closed")).toBeInViewport({ ratio: 1 });
      await expect(incidentPage.stepButton("Closed")).toContainText("Closed");
      await expect(page.getByRole("button", { name: "Investigating: current status" })).toContainText("Investigating");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

      await expect(incidentPage.people.getByText("Commander", { exact: true })).toBeInViewport();
      await expect(page.getByText(/Next update due in/)).toBeInViewport();

      // Every step is reachable from the keyboard with its name.
      await page.getByRole("button", { name: "Investigating: current status" }).focus();
      for (const name of ["Set status to Identified", "Set status to Monitoring", "Set status to Resolved", "Set status to Closed"]) {
        await page.keyboard.press("Tab");
        await expect(page.getByRole("button", { name })).toBeFocused();
      }
      await page.keyboard.press("Enter");
      await expect(page.getByRole("dialog", { name: "Change status" }).getByLabel("New status")).toHaveValue("closed");
      await page.screenshot({ path: `screenshots/status-dialog-phone-${width}.png` });
      await page.keyboard.press("Escape");
      await page.screenshot({ path: `screenshots/incident-header-phone-${width}.png` });
    });
  }
});
