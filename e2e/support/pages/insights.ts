import { expect, type Locator, type Page } from "@playwright/test";

/** A headline tile by its exact figure name (tiles are regions named by their heading, inside "At a glance"). */
export function tile(page: Page, name: string): Locator {
  return page.getByRole("region", { name: "At a glance" }).getByRole("region", { name, exact: true });
}

/** The number a tile link announces ("142 incidents: show them" → 142). */
export async function announcedCount(link: Locator): Promise<number> {
  const label = (await link.getAttribute("aria-label")) ?? "";
  const match = /^([\d,]+) /.exec(label);
  if (!match) throw new Error(`no count in "${label}"`);
  return Number(match[1]!.replaceAll(",", ""));
}

/** Presses Tab until `target` has focus; fails after `limit` presses. */
export async function tabTo(page: Page, target: Locator, limit = 60) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}
