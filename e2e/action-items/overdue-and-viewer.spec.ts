import { expect, test } from "@playwright/test";
import { declareViaApi, storageStateFor } from "../support/fixtures";
import { marker } from "../support/api/helpers";
import { addActionItem, dayFromToday } from "../support/api/action-items";

test.describe("as a responder", () => {
  test.use({ storageState: storageStateFor("responder") });

  test("an item past its due date shows as overdue, in the list, with the overdue filter and on the incident", async ({ page, request }) => {
    const incident = await declareViaApi(request, { title: marker("Login errors"), severity: "SEV2" });
    const ref = incident.reference;
    const late = await addActionItem(request, ref, { title: marker("Add login canary"), dueDate: dayFromToday(-3), priority: "P1" });
    const onTime = await addActionItem(request, ref, { title: marker("Document the rollback"), dueDate: dayFromToday(0), kind: "process" });

    await page.goto(`/action-items?incident=${ref}`);
    const lateRow = page.getByRole("row").filter({ hasText: late.title });
    await expect(lateRow).toContainText("Overdue by 3 days");
    await expect(lateRow).toHaveAttribute("data-overdue", "true");
    const todayRow = page.getByRole("row").filter({ hasText: onTime.title });
    await expect(todayRow).toContainText("Due today");
    await expect(todayRow).not.toContainText("Overdue");

    await page.getByRole("link", { name: "Overdue", exact: true }).click();
    await expect(page).toHaveURL(/overdue=1/);
    await expect(page.getByRole("link", { name: "Overdue", exact: true })).toHaveAttribute("aria-current", "true");
    await expect(page.getByRole("row").filter({ hasText: late.title })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: onTime.title })).toHaveCount(0);

    await page.goto(`/incidents/${ref}`);
    const panel = page.getByRole("region", { name: /^Action items/ });
    await expect(panel.getByRole("listitem").filter({ hasText: late.title })).toContainText("Overdue by 3 days");
    await expect(panel.getByRole("listitem").filter({ hasText: onTime.title })).not.toContainText("Overdue");
  });

  test("filters live in the URL: Mine, owner, priority and the due-date sort", async ({ page, request }) => {
    const incident = await declareViaApi(request, { title: marker("Filters"), severity: "SEV4" });
    const ref = incident.reference;
    const mine = await addActionItem(request, ref, { title: marker("Mine P1"), priority: "P1", dueDate: dayFromToday(5) });
    const sams = await addActionItem(request, ref, {
      title: marker("Sam P3"),
      priority: "P3",
      dueDate: dayFromToday(9),
      ownerEmail: "responder2@example.test",
    });

    await page.goto(`/action-items?incident=${ref}`);
    const titles = () =>
      page
        .getByRole("row")
        .filter({ has: page.getByRole("cell") })
        .locator("td:first-child > span:first-child")
        .allTextContents();
    expect(await titles()).toEqual([mine.title, sams.title]);
    await page.getByRole("link", { name: /Due date/ }).click();
    await expect(page).toHaveURL(/sort=-due/);
    await expect.poll(titles).toEqual([sams.title, mine.title]);

    await page.getByRole("link", { name: "Mine", exact: true }).click();
    await expect(page).toHaveURL(/owner=me/);
    await expect.poll(titles).toEqual([mine.title]);

    await page.goto(`/action-items?incident=${ref}`);
    await page.getByLabel("Priority", { exact: true }).selectOption("P3");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/priority=P3/);
    await expect.poll(titles).toEqual([sams.title]);
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("a viewer sees action items but no edit controls", async ({ page, request }) => {
    const incident = await declareViaApi(request, { title: marker("Viewer sees"), severity: "SEV3" });
    const item = await addActionItem(request, incident.reference, { title: marker("Tune the alert"), dueDate: dayFromToday(-1) });

    await page.goto(`/action-items?incident=${incident.reference}`);
    const row = page.getByRole("row").filter({ hasText: item.title });
    await expect(row).toContainText("Riley Responder");
    await expect(row).toContainText("Open");
    await expect(row).toContainText("Overdue by 1 day");
    await expect(page.getByRole("combobox", { name: /Status of/ })).toHaveCount(0);
    await expect(page.getByRole("combobox", { name: /Owner of/ })).toHaveCount(0);

    await page.goto(`/incidents/${incident.reference}`);
    const panel = page.getByRole("region", { name: /^Action items/ });
    await expect(panel).toContainText(item.title);
    await expect(panel.getByRole("button", { name: "Add action item" })).toHaveCount(0);
    await expect(panel.getByRole("combobox")).toHaveCount(0);
  });
});
