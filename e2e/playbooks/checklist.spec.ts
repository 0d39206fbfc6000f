import { expect, test, type Browser } from "@playwright/test";
import { bearer, storageStateFor } from "../support/fixtures";
import { marker } from "../support/api/helpers";
import { deletePlaybooksNamed } from "../support/api/playbooks";
import type { PlaybookJson } from "../support/api/types";

async function pageAs(browser: Browser, role: "admin" | "responder" | "viewer") {
  const context = await browser.newContext({ storageState: storageStateFor(role) });
  return { context, page: await context.newPage() };
}

test("admin creates a SEV3 playbook; a responder declares a SEV3, sees its checklist and checks an item", async ({ browser, request }) => {
  const name = marker("SEV3 triage");
  try {
    const admin = await pageAs(browser, "admin");
    const a = admin.page;
    await a.goto("/incidents");
    await a.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Playbooks" }).click();
    await expect(a.getByRole("heading", { level: 1, name: "Playbooks" })).toBeVisible();
    await expect(a.getByRole("row").filter({ hasText: "Major incident (SEV1/SEV2)" })).toContainText("10 items");
    await a.getByRole("link", { name: "New playbook" }).click();

    await a.getByLabel("Name").fill(name);
    await a.getByRole("checkbox", { name: /SEV3/ }).check();
    await a.getByLabel("Item 1 text").fill("Find the owning team");
    await a.getByRole("button", { name: "Add item" }).click();
    await expect(a.getByLabel("Item 2 text")).toBeFocused();
    await a.keyboard.type("Post in #ops with the incident link");
    await a.getByRole("button", { name: "Add item" }).click();
    await a.getByLabel("Item 3 text").fill("Open the runbook");
    await a.getByLabel("Item 3 link (optional)").fill("https://wiki.example.com/runbooks/sev3");
    // Move the runbook to second place.
    await a.getByRole("button", { name: "Move item 3 up" }).click();
    await expect(a.getByLabel("Item 2 text")).toHaveValue("Open the runbook");
    await expect(a.getByRole("button", { name: "Move item 2 up" })).toBeFocused();
    // An empty item is refused next to its field, and the typed items stay.
    await a.getByRole("button", { name: "Add item" }).click();
    await a.getByRole("button", { name: "Create playbook" }).click();
    await expect(a.getByLabel("Item 4 text")).toHaveAttribute("aria-invalid", "true");
    await expect(a.getByText("Text is required")).toBeVisible();
    await a.getByRole("button", { name: "Remove item 4" }).click();
    await a.getByRole("button", { name: "Create playbook" }).click();

    await expect(a).toHaveURL(/\/admin\/playbooks\?saved=\d+$/);
    await expect(a.getByRole("status")).toContainText(`Saved “${name}”`);
    const row = a.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText("3 items");
    await expect(row).toContainText("SEV3");
    await admin.context.close();

    const responder = await pageAs(browser, "responder");
    const r = responder.page;
    await r.goto("/incidents");
    await r.getByRole("button", { name: /Declare/ }).click();
    const dialog = r.getByRole("dialog", { name: "Declare an incident" });
    await dialog.getByLabel("Title").fill(marker("Search results stale"));
    await dialog.getByRole("radio", { name: /SEV3/ }).check();
    await dialog.getByRole("button", { name: "Declare incident" }).click();
    await expect(r).toHaveURL(/\/incidents\/INC-\d+$/);

    const panel = r.getByRole("region", { name: /Checklist/ });
    const group = panel.locator("div").filter({ has: r.getByRole("heading", { level: 3, name }) });
    await expect(group.getByRole("checkbox")).toHaveCount(3);
    const labels = await group.locator("label").allTextContents();
    expect(labels).toEqual(["Find the owning team", "Open the runbook", "Post in #ops with the incident link"]);
    const link = group.getByRole("link", { name: /Open link for “Open the runbook”/ });
    await expect(link).toHaveAttribute("href", "https://wiki.example.com/runbooks/sev3");
    await expect(link).toHaveAttribute("target", "_blank");

    const total = await panel.getByRole("checkbox").count();
    await expect(panel.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "0");
    await expect(panel.getByRole("heading", { level: 2 })).toHaveText(`Checklist 0/${total}`);

    // Keyboard: focus the checkbox and press space.
    const box = panel.getByRole("checkbox", { name: "Open the runbook" });
    await box.focus();
    await r.keyboard.press("Space");
    await expect(box).toBeChecked();
    await expect(panel.getByRole("heading", { level: 2 })).toHaveText(`Checklist 1/${total}`);
    await expect(panel.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "1");
    await expect(panel).toContainText("Riley Responder");
    const timeline = r.getByRole("list", { name: "Timeline entries" });
    await expect(timeline).toContainText("✓ Checked: Open the runbook");
    await expect(timeline).toContainText(`Playbook “${name}” added 3 checklist items`);

    // After a reload it is still checked.
    await r.reload();
    await expect(r.getByRole("region", { name: /Checklist/ }).getByRole("checkbox", { name: "Open the runbook" })).toBeChecked();
    await responder.context.close();
  } finally {
    await deletePlaybooksNamed(request, name);
  }
});

test("a viewer sees the checklist but cannot tick it", async ({ browser, request }) => {
  const res = await request.post("/api/v1/incidents", { headers: bearer("responder"), data: { title: marker("Viewer checklist"), severity: "SEV1" } });
  const { reference } = (await res.json()) as { reference: string };
  const viewer = await pageAs(browser, "viewer");
  await viewer.page.goto(`/incidents/${reference}`);
  const panel = viewer.page.getByRole("region", { name: /Checklist/ });
  await expect(panel.getByRole("checkbox", { name: "Assign an incident commander" })).toBeDisabled();
  await viewer.context.close();
});

test("a stale save of a playbook keeps the admin's edits and lets them choose", async ({ browser, request }) => {
  const name = marker("Conflict playbook");
  try {
    const created = await request.post("/api/v1/playbooks", {
      headers: bearer("admin"),
      data: { name, severities: ["SEV4"], enabled: false, items: [{ text: "One" }] },
    });
    const playbook = (await created.json()) as PlaybookJson;
    const admin = await pageAs(browser, "admin");
    const a = admin.page;
    await a.goto(`/admin/playbooks/${playbook.id}`);
    await a.getByLabel("Item 1 text").fill("One, edited in the browser");

    // Someone else saves first.
    const other = await request.patch(`/api/v1/playbooks/${playbook.id}`, { headers: bearer("admin"), data: { version: 1, description: "Changed elsewhere" } });
    expect(other.status()).toBe(200);

    await a.getByRole("button", { name: "Save changes" }).click();
    await expect(a.getByRole("alert").filter({ hasText: "Someone else saved this playbook" })).toBeVisible();
    await expect(a.getByLabel("Item 1 text")).toHaveValue("One, edited in the browser");
    await a.getByRole("button", { name: "Save mine over theirs" }).click();
    await expect(a).toHaveURL(/saved=/);
    const after = (await (await request.get(`/api/v1/playbooks/${playbook.id}`, { headers: bearer("admin") })).json()) as PlaybookJson;
    expect(after).toMatchObject({ version: 3, items: [{ position: 1, text: "One, edited in the browser", link: null }] });
    await admin.context.close();
  } finally {
    await deletePlaybooksNamed(request, name);
  }
});

test("non-admins cannot open the playbook admin", async ({ browser }) => {
  const responder = await pageAs(browser, "responder");
  await responder.page.goto("/admin/playbooks");
  await expect(responder.page.getByRole("heading", { name: "You need the admin role" })).toBeVisible();
  await expect(responder.page.getByRole("link", { name: "New playbook" })).toHaveCount(0);
  await responder.context.close();
});
