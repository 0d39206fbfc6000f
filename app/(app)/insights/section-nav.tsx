"use client";
import { useEffect, useState } from "react";
import { INSIGHTS_SECTIONS, type InsightsSectionId } from "./sections";

/**
 * Anchor links to the dashboard's sections: sticky under the header from tablet width up, a
 * row that scrolls sideways on a phone. The section in view is marked (aria-current), so
 * the bar also says where on the long page one is.
 */
export function SectionNav() {
  const [current, setCurrent] = useState<InsightsSectionId | null>(null);
  useEffect(() => {
    const targets = INSIGHTS_SECTIONS.map((s) => document.getElementById(s.id)).filter((el): el is HTMLElement => el !== null);
    // The section whose top last passed a line just below the sticky bars is the one being read.
    // At the very bottom the last section is being read even when its top never reaches that line.
    const update = () => {
      const line = 140;
      const atBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
      let found: InsightsSectionId | null = null;
      for (const el of targets) if (el.getBoundingClientRect().top <= line) found = el.id as InsightsSectionId;
      if (atBottom && targets.length) found = targets[targets.length - 1]!.id as InsightsSectionId;
      setCurrent(found ?? INSIGHTS_SECTIONS[0].id);
    };
    update();
    window.addEventListener("scroll", update, { passive: true });
    return () => window.removeEventListener("scroll", update);
  }, []);
  return (
    <nav
      aria-label="Insights sections"
      className="z-20 -mx-3 border-y border-zinc-200 bg-zinc-50/95 px-3 backdrop-blur sm:-mx-6 sm:px-6 md:sticky md:top-14 dark:border-zinc-800 dark:bg-zinc-950/95"
    >
      <ul className="flex gap-1 overflow-x-auto py-1.5 [scrollbar-width:thin]">
        {INSIGHTS_SECTIONS.map((s) => (
          <li key={s.id} className="shrink-0">
            <a
              href={`#${s.id}`}
              aria-current={current === s.id ? "location" : undefined}
              className="block rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap text-zinc-600 hover:bg-zinc-200/70 hover:text-zinc-900 aria-[current=location]:bg-white aria-[current=location]:text-zinc-900 aria-[current=location]:shadow-sm dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-white dark:aria-[current=location]:bg-zinc-800 dark:aria-[current=location]:text-white"
            >
              {s.nav}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
