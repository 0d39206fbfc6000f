import { expect, test } from "@playwright/test";
import { bearer, declareViaApi, storageStateFor } from "../support/fixtures";
import { marker } from "../support/api/helpers";
import { dayFromToday } from "../support/api/action-items";

test.use({ storageState: storageStateFor("responder") });

test("a responder adds an action item on the incident page: panel, timeline and action items list; marking it done is on the timeline", async ({
  page,
  request,
}) => {
  const incident = await declareViaApi(request, { title: marker("Checkout 502s"), severity: "SEV2" });
  const ref = incident.reference;
  const title = marker("Alert on 5xx ratio");
  await page.goto(`/incidents/${ref}`);

  const panel = page.getByRole("region", { name: /^Action items/ });
  await expect(panel).toContainText("No action items yet.");
  await panel.getByRole("button", { name: "Add action item" }).click();
  const form = panel.getByRole("form", { name: "Add an action item" });

  // Submitting empty puts the errors next to their fields.
  await form.getByLabel("Owner").selectOption({ label: "Choose a person…" });
  await form.getByRole("button", { name: "Add action item" }).click();
  await expect(form.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Title is required")).toBeVisible();
  await expect(form.getByText("Pick an owner")).toBeVisible();
  await expect(form.getByText("Pick a kind")).toBeVisible();

  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Owner").selectOption({ label: "Sam Second" });
  // The due date follows the priority until the person edits it.
  await expect(form.getByLabel("Due date")).toHaveValue(dayFromToday(56));
  await form.getByLabel("Priority").selectOption("P1");
  await expect(form.getByLabel("Due date")).toHaveValue(dayFromToday(28));
  await form.getByLabel("Due date").fill(dayFromToday(10));
  await form.getByLabel("Priority").selectOption("P3");
  await expect(form.getByLabel("Due date")).toHaveValue(dayFromToday(10));
  await form.getByLabel("Kind").selectOption("detect");
  // A javascript: link is refused by the server, shown next to its field, and the text stays.
  await form.getByLabel("Tracker link (optional)").fill("javascript:alert(1)");
  await form.getByRole("button", { name: "Add action item" }).click();
  await expect(form.getByLabel("Tracker link (optional)")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText(/Must be a full http/)).toBeVisible();
  await expect(form.getByLabel("Title")).toHaveValue(title);
  await form.getByLabel("Tracker link (optional)").fill("https://tracker.example.com/OPS-341");
  await form.getByRole("button", { name: "Add action item" }).click();
  await expect(form.getByRole("status")).toContainText(`Added “${title}”`);

  const list = panel.getByRole("list", { name: "Action items of this incident" });
  await expect(list).toContainText(title);
  await expect(list).toContainText("Sam Second");
  await expect(panel.getByRole("heading", { name: /Action items/ })).toContainText("0/1");
  const timeline = page.getByRole("main");
  await expect(timeline.getByText(`Action item added: ${title} (P3, owner Sam Second, due`)).toBeVisible();

  await page.goto(`/action-items?incident=${ref}&status=all`);
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText(ref);
  await expect(row).toContainText(incident.title as string);
  await expect(row.getByRole("link", { name: /in the tracker: OPS-341/ })).toHaveAttribute("href", "https://tracker.example.com/OPS-341");
  await expect(row.getByLabel(`Owner of “${title}”`)).toHaveValue(/\d+/);

  await row.getByLabel(`Status of “${title}”`).selectOption("done");
  await expect(row.getByLabel(`Status of “${title}”`)).toHaveValue("done");
  await expect(row.getByLabel(`Status of “${title}”`)).toBeEnabled();
  // Done items leave the default (unfinished) list.
  await page.goto(`/action-items?incident=${ref}`);
  await expect(page.getByText("No action items match these filters.")).toBeVisible();

  await page.goto(`/incidents/${ref}`);
  await expect(page.getByText(`Action item “${title}”: Open → Done`)).toBeVisible();
  await expect(page.getByRole("region", { name: /^Action items/ }).getByRole("heading")).toContainText("1/1");
});

test("an inline owner change is saved and on the timeline; a stale change says so and shows the current state", async ({ page, request }) => {
  const incident = await declareViaApi(request, { title: marker("Queue backlog"), severity: "SEV3" });
  const ref = incident.reference;
  const title = marker("Autoscale workers");
  const res = await request.post(`/api/v1/incidents/${ref}/action-items`, {
    headers: bearer("responder"),
    data: { title, ownerEmail: "responder@example.test", priority: "P2", kind: "mitigate" },
  });
  expect(res.status()).toBe(201);
  const item = (await res.json()) as { id: number; version: number };

  await page.goto(`/action-items?incident=${ref}`);
  const row = page.getByRole("row").filter({ hasText: title });
  await row.getByLabel(`Owner of “${title}”`).selectOption({ label: "Sam Second" });
  await expect(row.getByLabel(`Owner of “${title}”`)).toBeEnabled();
  await page.reload();
  const owner = page.getByRole("row").filter({ hasText: title }).getByLabel(`Owner of “${title}”`);
  await expect(owner.locator("option:checked")).toHaveText("Sam Second");

  // Someone else changes it through the API; this page still holds the old version.
  const bump = await request.patch(`/api/v1/action-items/${item.id}`, {
    headers: bearer("admin"),
    data: { version: item.version + 1, status: "in_progress" },
  });
  expect(bump.status(), await bump.text()).toBe(200);
  const status = page.getByRole("row").filter({ hasText: title }).getByLabel(`Status of “${title}”`);
  await status.selectOption("done");
  await expect(page.getByRole("alert").filter({ hasText: "Someone else changed this item first" })).toBeVisible();
  await expect(status).toHaveValue("in_progress");

  await page.goto(`/incidents/${ref}`);
  await expect(page.getByText(`Action item “${title}”: owner Riley Responder → Sam Second`)).toBeVisible();
  await expect(page.getByText(`Action item “${title}”: Open → In progress`)).toBeVisible();
});
