import { expect, test, type Page } from "@playwright/test";
import { bearer, declareViaApi, ensureSignedInStates, storageStateFor } from "../support/fixtures";

// The contributing-factor taxonomy (/admin/factors) and the organisation settings
// (/admin/settings): admins edit them, everything is audited, and nobody else gets in.
// Settings changed here are put back, since other specs share the server; the file runs in the
// "serial" project (playwright.config.ts), after the parallel specs, and signs in itself when run alone.
test.beforeAll(({ browser }, testInfo) => ensureSignedInStates(browser, testInfo.project.use.baseURL, ["admin", "responder"]));

const unique = (base: string) => `${base} ${Date.now().toString(36).slice(-5)}`;
const sizes = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
];

async function screenshots(page: Page, name: string) {
  for (const size of sizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    // From the top, so the sticky header sits where it belongs in the full-page image.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `screenshots/${name}-${size.name}.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${size.name}`).toBeLessThanOrEqual(size.width);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.describe("as an admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("creates, renames and archives a contributing factor, with errors next to the fields", async ({ page, request }) => {
    await page.goto("/admin/factors");
    await expect(page.getByRole("heading", { name: "Contributing factors", level: 1 })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contributing factors" })).toBeVisible();
    // The default taxonomy is there.
    for (const name of ["Change / deploy", "Configuration", "Capacity", "Dependency", "Monitoring gap", "Process"]) {
      await expect(page.getByRole("row").filter({ hasText: name }).first()).toBeVisible();
    }

    // Errors show next to the field: empty, then a name that exists.
    const name = page.getByLabel("Name", { exact: true });
    await page.getByRole("button", { name: "Add factor" }).click();
    await expect(page.locator("#new-factor-name-error")).toHaveText("Name is required");
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await name.fill("configuration");
    await page.getByRole("button", { name: "Add factor" }).click();
    await expect(page.locator("#new-factor-name-error")).toHaveText("Already exists");

    const factor = unique("Flaky test suite");
    await name.fill(factor);
    await page.getByLabel("Description (optional)").fill("A flaky check hid a real failure");
    await page.getByRole("button", { name: "Add factor" }).click();
    await expect(page.getByText(`Added “${factor}”`)).toBeVisible();
    // The factor's own row (not the notice row under it).
    const rowOf = (text: string) => page.getByRole("row").filter({ has: page.getByText(text, { exact: true }) });
    const row = rowOf(factor);
    await expect(row).toContainText("A flaky check hid a real failure");
    await expect(row).toContainText("Active");
    await expect(row).toContainText("0 postmortems");

    // A postmortem that uses it shows in the count.
    const listed = (await (await request.get("/api/v1/factors", { headers: bearer("responder") })).json()) as { items: { id: number; name: string }[] };
    const factorId = listed.items.find((f) => f.name === factor)!.id;
    const incident = await declareViaApi(request, { title: unique("Checkout tests flaked past a real bug"), severity: "SEV3" });
    const started = await request.post(`/api/v1/incidents/${incident.reference}/postmortem`, { headers: bearer("responder") });
    expect(started.status()).toBe(201);
    const { version } = (await started.json()) as { version: number };
    const saved = await request.put(`/api/v1/incidents/${incident.reference}/postmortem`, {
      headers: bearer("responder"),
      data: { version, factorIds: [factorId] },
    });
    expect(saved.status()).toBe(200);
    await page.reload();
    await expect(row).toContainText("1 postmortem");

    // Rename: a clash is shown next to the name; then a new name.
    const renamed = unique("Unreliable test signal");
    await row.getByRole("button", { name: `Rename ${factor}` }).click();
    const rename = page.getByRole("form", { name: `Rename ${factor}` });
    await rename.getByLabel("Name").fill("Capacity");
    await rename.getByRole("button", { name: "Save" }).click();
    await expect(rename.getByText("Already exists")).toBeVisible();
    await rename.getByLabel("Name").fill(renamed);
    await rename.getByLabel("Description").fill("Tests or checks that fail at random, so real failures get ignored");
    await rename.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText(`Renamed to “${renamed}”`)).toBeVisible();
    const renamedRow = rowOf(renamed);
    await expect(renamedRow).toContainText("Tests or checks that fail at random");

    // Archive, then restore.
    await renamedRow.getByRole("button", { name: `Archive ${renamed}` }).click();
    await expect(page.getByText(`Archived “${renamed}”`)).toBeVisible();
    await expect(renamedRow).toContainText("Archived");
    await expect(renamedRow.getByRole("button", { name: `Restore ${renamed}` })).toBeVisible();
    const active = (await (await request.get("/api/v1/factors", { headers: bearer("responder") })).json()) as { items: { name: string }[] };
    expect(active.items.map((f) => f.name)).not.toContain(renamed);
    await screenshots(page, "factors");

    await renamedRow.getByRole("button", { name: `Restore ${renamed}` }).click();
    await expect(page.getByText(`Restored “${renamed}”`)).toBeVisible();
    await expect(renamedRow).toContainText("Active");

    // Every change is in the audit log.
    for (const action of ["factor.create", "factor.update", "factor.archive", "factor.restore"]) {
      await page.goto(`/admin/audit?action=${action}`);
      await expect(page.getByRole("region", { name: "Audit entries" })).toContainText(action);
    }
  });

  test("changes which severities require a postmortem and validates the time zone", async ({ page }) => {
    try {
      await changeSettings(page);
    } finally {
      await restoreDefaultSettings(page);
    }
    await page.goto("/admin/audit?action=settings.update");
    await expect(page.getByRole("region", { name: "Audit entries" })).toContainText("settings.update");
  });
});

test.describe("as a responder", () => {
  test.use({ storageState: storageStateFor("responder") });

  test("the factor and settings pages say the admin role is needed", async ({ page }) => {
    for (const path of ["/admin/factors", "/admin/settings"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "You need the admin role" })).toBeVisible();
      await expect(page.getByText("403 · Forbidden")).toBeVisible();
      await expect(page.getByRole("table")).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Add factor" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Save severities" })).toHaveCount(0);
    }
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contributing factors" })).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
  });
});

async function changeSettings(page: Page) {
  await page.goto("/admin/settings");
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  const box = (severity: string) => page.getByRole("checkbox", { name: new RegExp(`^${severity} ·`) });
  await expect(box("SEV1")).toBeChecked();
  await expect(box("SEV2")).toBeChecked();
  await expect(box("SEV3")).not.toBeChecked();
  await expect(box("SEV4")).not.toBeChecked();
  const save = page.getByRole("button", { name: "Save severities" });
  await expect(save).toBeDisabled();

  await box("SEV3").check();
  await save.click();
  await expect(page.getByText("Saved. Postmortems are now required for SEV1, SEV2, SEV3.")).toBeVisible();
  await page.reload();
  await expect(box("SEV3")).toBeChecked();

  // Time zone: an unknown name is refused next to the field, a listed one is offered with its offset.
  const select = page.getByLabel("Time zone", { exact: true });
  await expect(select).toHaveValue("UTC");
  await select.selectOption("Europe/Berlin");
  await expect(page.getByText(/Europe\/Berlin: UTC\+0[12]:00 today/)).toBeVisible();
  await select.selectOption({ label: "Other (type an IANA name)…" });
  const other = page.getByLabel("IANA time zone name");
  await other.fill("Mars/Olympus_Mons");
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.locator("#timezone-other-error")).toContainText("not a time zone");
  await expect(other).toHaveAttribute("aria-invalid", "true");
  // Typed in any case; saved as the zone's canonical name.
  await other.fill("america/halifax");
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByText("Saved. Postmortem deadlines now count business days in America/Halifax.")).toBeVisible();
  await expect(other).toHaveValue("America/Halifax");
  await screenshots(page, "settings");
}

/** Puts the defaults back (SEV1 and SEV2, UTC) for the other specs, which share the server. */
async function restoreDefaultSettings(page: Page) {
  await page.goto("/admin/settings");
  const box = (severity: string) => page.getByRole("checkbox", { name: new RegExp(`^${severity} ·`) });
  for (const severity of ["SEV1", "SEV2", "SEV3", "SEV4"]) await box(severity).setChecked(severity === "SEV1" || severity === "SEV2");
  const save = page.getByRole("button", { name: "Save severities" });
  if (await save.isEnabled()) {
    await save.click();
    await expect(page.getByText("Saved. Postmortems are now required for SEV1, SEV2.")).toBeVisible();
  }
  await page.getByLabel("Time zone", { exact: true }).selectOption("UTC");
  const saveZone = page.getByRole("button", { name: "Save time zone" });
  if (await saveZone.isEnabled()) {
    await saveZone.click();
    await expect(page.getByText("Saved. Postmortem deadlines now count business days in UTC.")).toBeVisible();
  }
  await page.reload();
  await expect(box("SEV3")).not.toBeChecked();
  await expect(page.getByLabel("Time zone", { exact: true })).toHaveValue("UTC");
}
