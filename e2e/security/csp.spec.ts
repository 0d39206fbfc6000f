import { expect, test, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { bearer, storageStateFor } from "../support/fixtures";
import { PostmortemEditor, resolvedIncident } from "../support/pages/postmortem-editor";

// Every main page loads under the nonce-based Content-Security-Policy with no violation, and
// Next.js's own scripts (hydration) and our inline theme script still run.

/** Records CSP violations (DOM events and console reports) and page errors for the page's lifetime. */
function watchViolations(page: Page) {
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

async function addViolationListener(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));
  });
}

async function expectCleanLoad(page: Page, path: string, problems: string[]) {
  const res = await page.goto(path);
  expect(res?.status(), path).toBeLessThan(400);
  const csp = res!.headers()["content-security-policy"];
  expect(csp, `${path} has a CSP`).toBeTruthy();
  const scriptSrc = csp!
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith("script-src "));
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  // window.next is set by Next.js's client bootstrap: its scripts ran.
  await page.waitForFunction(() => "next" in window, undefined, { timeout: 10_000 });
  await page.waitForLoadState("networkidle");
  const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  expect([...violations, ...problems], `CSP violations on ${path}`).toEqual([]);
}

test.describe("signed out", () => {
  test("the sign-in page loads under the CSP and signing in works", async ({ page }) => {
    const problems = watchViolations(page);
    await addViolationListener(page);
    await expectCleanLoad(page, "/signin", problems);
  });
});

test.describe("signed in", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("every main page loads without a CSP violation", async ({ page, request }) => {
    const editor = new PostmortemEditor(page);
    test.setTimeout(180_000);
    const problems = watchViolations(page);
    await addViolationListener(page);
    const reference = await resolvedIncident(request, `CSP check ${randomUUID().slice(0, 6)}`);
    await request.post(`/api/v1/incidents/${reference}/timeline`, {
      headers: bearer("responder"),
      data: { body: "See [the runbook](https://example.com/runbook) and [the service](/services).", highlighted: true },
    });
    const slug = `csp-${randomUUID().slice(0, 6)}`;
    const service = await request.post("/api/v1/services", {
      headers: bearer("admin"),
      data: { slug, name: `CSP ${slug}`, tier: 2, description: "Has **markdown**." },
    });
    expect(service.status(), await service.text()).toBe(201);

    for (const path of [
      "/incidents",
      `/incidents/${reference}`,
      "/services",
      `/services/${slug}`,
      "/insights",
      "/postmortems",
      "/action-items",
      "/account",
      "/admin/users",
      "/admin/teams",
      "/admin/tokens",
      "/admin/audit",
      "/admin/settings",
      "/admin/factors",
      "/admin/playbooks",
      "/admin/playbooks/new",
    ]) {
      await expectCleanLoad(page, path, problems);
    }

    // A server action (Start postmortem) and the printable document with its own inline script.
    await editor.startFromIncidentPage(reference);
    await expectCleanLoad(page, `/incidents/${reference}/postmortem`, problems);
    await expectCleanLoad(page, `/print/incidents/${reference}/postmortem`, problems);
  });

  test("the inline theme script runs under the CSP", async ({ page }) => {
    const problems = watchViolations(page);
    await addViolationListener(page);
    await page.addInitScript(() => localStorage.setItem("hindsight-theme", "dark"));
    await expectCleanLoad(page, "/incidents", problems);
    await expect(page.locator("html")).toHaveClass(/dark/);
  });

  test("each response gets its own nonce", async ({ request }) => {
    const nonce = async () => /'nonce-([^']+)'/.exec((await request.get("/incidents")).headers()["content-security-policy"] ?? "")?.[1];
    const [a, b] = [await nonce(), await nonce()];
    expect(a).toBeTruthy();
    expect(a).not.toBe(b);
  });
});
