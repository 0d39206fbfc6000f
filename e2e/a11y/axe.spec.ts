import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { bearer, declareViaApi, fixtures, storageStateFor } from "../support/fixtures";
import { demoBaseURL, signInToDemo } from "../support/demo";
import { expectAccessible, useTheme, type Theme } from "../support/a11y";

// axe-core WCAG 2.1 A/AA audit of every main screen, signed in, in light and dark mode:
// zero serious or critical violations. Each screen is a soft assertion, so one run lists them all.

const h1 = (page: Page) => page.getByRole("heading", { level: 1 });
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

type Seed = { sev1: string; resolved: string; service: string; playbookId: number };
let seeded: Promise<Seed> | undefined;

/** One set of incidents (every severity), a service with an SLO, action items and a postmortem, shared by both themes. */
function seed(request: APIRequestContext): Promise<Seed> {
  seeded ??= (async () => {
    const slug = `axe-${Date.now().toString(36)}`;
    const svc = await request.post("/api/v1/services", {
      headers: bearer("admin"),
      data: { slug, name: "Axe payments API", tier: 1, runbookUrl: "https://runbooks.example.com/payments" },
    });
    expect(svc.status(), await svc.text()).toBe(201);
    const slo = await request.post(`/api/v1/services/${slug}/slos`, {
      headers: bearer("admin"),
      data: { name: "Availability", objective: 99.9, windowDays: 28 },
    });
    expect(slo.status(), await slo.text()).toBe(201);

    const sev1 = await declareViaApi(request, {
      title: "Axe: card payments failing in eu-west-1",
      severity: "SEV1",
      summary: "About **30%** of card payments fail with 502. Rollback in progress.",
      startedAt: new Date(Date.now() - 40 * 60_000).toISOString(),
      services: [{ service: slug, impact: "partial_outage" }],
    });
    for (const body of ["Error rate climbing since deploy `v42`.", "Rolled back to `v41`; watching the 5xx ratio."]) {
      const note = await request.post(`/api/v1/incidents/${sev1.reference}/timeline`, { headers: bearer("responder"), data: { body, highlighted: true } });
      expect(note.status(), await note.text()).toBe(201);
    }
    await declareViaApi(request, { title: "Axe: checkout slow for some users", severity: "SEV2", services: [{ service: slug, impact: "degraded" }] });
    await declareViaApi(request, { title: "Axe: search results stale", severity: "SEV3" });
    await declareViaApi(request, { title: "Axe: staging certificate expires soon", severity: "SEV4" });

    const done = await declareViaApi(request, { title: "Axe: resolved queue backlog", severity: "SEV2", summary: "Queue consumers stalled." });
    const resolved = await request.patch(`/api/v1/incidents/${done.reference}`, {
      headers: bearer("responder"),
      data: { status: "resolved", version: done.version },
    });
    expect(resolved.status(), await resolved.text()).toBe(200);
    const pm = await request.post(`/api/v1/incidents/${done.reference}/postmortem`, { headers: bearer("responder") });
    expect(pm.status(), await pm.text()).toBe(201);

    const owner = fixtures().users.responder;
    for (const [ref, title, priority, dueDate] of [
      [sev1.reference, "Alert when the 5xx ratio is over 2%", "P1", day(-3)],
      [done.reference, "Write the consumer restart runbook", "P2", day(5)],
    ] as const) {
      const item = await request.post(`/api/v1/incidents/${ref}/action-items`, {
        headers: bearer("responder"),
        data: { title, ownerEmail: owner, priority, kind: "detect", dueDate },
      });
      expect(item.status(), await item.text()).toBe(201);
    }

    const playbooks = (await (await request.get("/api/v1/playbooks", { headers: bearer("admin") })).json()) as { items: { id: number }[] };
    return { sev1: sev1.reference, resolved: done.reference, service: slug, playbookId: playbooks.items[0]!.id };
  })();
  return seeded;
}

async function visit(page: Page, url: string, heading?: string | RegExp) {
  await page.goto(url);
  if (heading) await expect(h1(page)).toContainText(heading);
  else await expect(h1(page)).toBeVisible();
}

for (const theme of ["light", "dark"] as Theme[]) {
  test.describe(`${theme} mode`, () => {
    // Many screens per test, and axe takes seconds on a long page.
    test.describe.configure({ timeout: 300_000 });
    test.describe("as a responder", () => {
      test.use({ storageState: storageStateFor("responder"), colorScheme: theme });
      test.beforeEach(({ page }) => useTheme(page, theme));

      test("incident list, incident page and its dialogs", async ({ page, request }) => {
        const data = await seed(request);
        await visit(page, "/incidents", "Incidents");
        for (const s of ["SEV1", "SEV2", "SEV3", "SEV4"]) await expect(page.getByText(s, { exact: true }).filter({ visible: true }).first()).toBeVisible();
        await expectAccessible(page, "incident list", theme);
        await visit(page, "/incidents?status=all&mine=1", "Incidents");
        await expectAccessible(page, "incident list, all + mine", theme);

        await page
          .getByRole("button", { name: /Declare/ })
          .first()
          .click();
        const declare = page.getByRole("dialog", { name: "Declare an incident" });
        await expect(declare.getByLabel("Title")).toBeFocused();
        await expectAccessible(page, "declare dialog", theme);
        await page.keyboard.press("Escape");
        await expect(declare).toBeHidden();

        await visit(page, `/incidents/${data.sev1}`, "Axe: card payments failing");
        await expect(page.getByText("Rolled back to").first()).toBeVisible();
        await expectAccessible(page, "incident page (SEV1)", theme);

        await page.getByRole("button", { name: "Set status to Resolved" }).click();
        const statusDialog = page.getByRole("dialog", { name: /Change status/ });
        await expect(statusDialog.getByText(/still open/i).first()).toBeVisible();
        await expectAccessible(page, "status dialog with the resolve warning", theme);
        await page.keyboard.press("Escape");
        await expect(statusDialog).toBeHidden();

        await page.locator("body").press("?");
        await expect(page.getByRole("dialog", { name: /shortcuts/i })).toBeVisible();
        await expectAccessible(page, "keyboard shortcuts dialog", theme);
        await page.keyboard.press("Escape");

        await page.locator("body").press("Control+k");
        await expect(page.getByRole("dialog", { name: "Command palette" })).toBeVisible();
        await expectAccessible(page, "command palette", theme);
        await page.keyboard.press("Escape");

        await visit(page, `/incidents/${data.resolved}`, "Axe: resolved queue backlog");
        await expectAccessible(page, "incident page (resolved)", theme);

        await page.setViewportSize({ width: 390, height: 844 });
        await visit(page, `/incidents/${data.sev1}`, "Axe: card payments failing");
        await expectAccessible(page, "incident page at phone width", theme);
        await page.getByRole("button", { name: "Open menu" }).click();
        await expect(page.getByRole("navigation", { name: "Main" }).filter({ visible: true })).toBeVisible();
        await expectAccessible(page, "navigation menu at phone width", theme);
        await page.getByRole("button", { name: "Close menu" }).click();
        await page.locator('button[aria-haspopup="menu"]').click();
        await expect(page.getByRole("menu")).toBeVisible();
        await expectAccessible(page, "user menu at phone width", theme);
      });

      test("postmortems and action items", async ({ page, request }) => {
        const data = await seed(request);
        await visit(page, "/postmortems", "Postmortems");
        await expectAccessible(page, "postmortems list", theme);
        await visit(page, `/incidents/${data.resolved}/postmortem`, "Postmortem:");
        await expectAccessible(page, "postmortem editor", theme);
        await page.goto(`/print/incidents/${data.resolved}/postmortem`);
        await expect(h1(page)).toBeVisible();
        // The print view is always light (it is made for paper), whatever the app's theme.
        await expectAccessible(page, "postmortem print view", "light");

        await visit(page, "/action-items", "Action items");
        await expect(page.getByText("Alert when the 5xx ratio is over 2%").first()).toBeVisible();
        await expectAccessible(page, "action items", theme);
        await visit(page, "/action-items?owner=me&overdue=1", "Action items");
        await expectAccessible(page, "action items, mine + overdue", theme);
      });

      test("services catalogue and a service page", async ({ page, request }) => {
        const data = await seed(request);
        await visit(page, "/services", "Services");
        await expectAccessible(page, "services catalogue", theme);
        await visit(page, `/services/${data.service}`, "Axe payments API");
        await expectAccessible(page, "service page", theme);
        await visit(page, "/account", "Account");
        await expectAccessible(page, "account", theme);
      });
    });

    test.describe("as an admin", () => {
      test.use({ storageState: storageStateFor("admin"), colorScheme: theme });
      test.beforeEach(({ page }) => useTheme(page, theme));

      test("admin pages and the add service form", async ({ page, request }) => {
        const data = await seed(request);
        for (const [url, heading] of [
          ["/admin/users", "Users"],
          ["/admin/teams", "Teams"],
          ["/admin/playbooks", "Playbooks"],
          ["/admin/playbooks/new", "New playbook"],
          [`/admin/playbooks/${data.playbookId}`, "Edit playbook"],
          ["/admin/factors", "Contributing factors"],
          ["/admin/settings", "Settings"],
          ["/admin/tokens", "API tokens"],
          ["/admin/audit", "Audit log"],
          ["/admin/integrations", "Integrations"],
          ["/admin/webhooks", "Webhooks"],
        ]) {
          await visit(page, url!, heading);
          await expectAccessible(page, url!, theme);
        }
        await visit(page, "/services", "Services");
        await page.getByRole("button", { name: "Add service" }).click();
        const form = page.getByRole("form", { name: "Add a service" });
        await form.getByRole("button", { name: "Add service" }).click();
        await expect(form.getByText(/required|must/i).first()).toBeVisible();
        await expectAccessible(page, "add service form with errors", theme);
        // The postmortem in review, as a publisher: Publish is gated, with the reasons beside it.
        const pm = (await (await request.get(`/api/v1/incidents/${data.resolved}/postmortem`, { headers: bearer("admin") })).json()) as {
          status: string;
          version: number;
        };
        if (pm.status === "draft") {
          const sent = await request.post(`/api/v1/incidents/${data.resolved}/postmortem/transitions`, {
            headers: bearer("admin"),
            data: { to: "in_review", version: pm.version, reviewerEmails: [fixtures().users.admin] },
          });
          expect(sent.status(), await sent.text()).toBe(200);
        }
        await visit(page, `/incidents/${data.resolved}/postmortem`, "Postmortem:");
        await expect(page.getByRole("region", { name: "Review" }).getByRole("button", { name: "Publish" })).toBeDisabled();
        await expectAccessible(page, "postmortem in review with the publish gate", theme);

        await visit(page, `/services/${data.service}`, "Axe payments API");
        await page.getByRole("button", { name: "Add SLO" }).click();
        await expectAccessible(page, "service page, add SLO form", theme);
      });
    });

    test.describe("demo data", () => {
      test.use({ colorScheme: theme });
      test.beforeEach(({ page }) => useTheme(page, theme));

      test("insights, incident list and postmortems with six months of data", async ({ page }) => {
        await signInToDemo(page, "responder");
        await visit(page, `${demoBaseURL}/insights`, "Insights");
        await expect(page.locator(".recharts-surface").first()).toBeVisible();
        await expectAccessible(page, "insights", theme);
        await visit(page, `${demoBaseURL}/incidents?status=all`, "Incidents");
        await expectAccessible(page, "demo incident list", theme);
        await visit(page, `${demoBaseURL}/postmortems`, "Postmortems");
        await expectAccessible(page, "demo postmortems", theme);
        await visit(page, `${demoBaseURL}/services`, "Services");
        await expectAccessible(page, "demo services", theme);
      });
    });

    test.describe("signed out", () => {
      test.use({ storageState: { cookies: [], origins: [] }, colorScheme: theme });
      test.beforeEach(({ page }) => useTheme(page, theme));

      test("sign-in page", async ({ page }) => {
        await visit(page, "/signin");
        await expectAccessible(page, "sign-in page", theme);
        await page.getByRole("button", { name: "Sign in" }).click();
        await expectAccessible(page, "sign-in page after an empty submit", theme);
      });
    });
  });
}
