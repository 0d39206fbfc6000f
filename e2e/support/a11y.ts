import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export type Theme = "light" | "dark";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Makes every page of this context open in `theme`: the system preference is emulated and the
 * stored choice (what the theme toggle writes) is set before any page script runs.
 */
export async function useTheme(page: Page, theme: Theme) {
  await page.emulateMedia({ colorScheme: theme });
  await page.addInitScript((t) => {
    try {
      window.localStorage.setItem("hindsight-theme", t);
    } catch {
      // about:blank and other opaque origins have no storage
    }
  }, theme);
}

/** Fails (softly, so every screen is reported) when axe finds a serious or critical WCAG 2.1 AA violation. */
export async function expectAccessible(page: Page, screen: string, theme: Theme) {
  // The theme must really be on <html>, or a dark run would audit the light page twice.
  if (theme === "dark") await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  else await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect.soft(serious.length, `${screen} (${theme}) has ${serious.length} serious/critical axe violations:\n${summary(serious)}`).toBe(0);
}

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

function summary(violations: Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.slice(0, 6).map((n) => {
        const detail = (n.failureSummary ?? "").split("\n").slice(1, 2).join("").trim();
        return `    - ${n.target.join(" ")}${detail ? ` — ${detail}` : ""}`;
      });
      const more = v.nodes.length > 6 ? [`    … and ${v.nodes.length - 6} more`] : [];
      return [`  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`, ...nodes, ...more].join("\n");
    })
    .join("\n");
}
