/** The generated timeline section of a postmortem (from the incident's highlighted entries). */
export type TimelineSectionEntry = { occurredAt: number; body: string; authorLabel: string; kind: string };

const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const pad = (n: number) => String(n).padStart(2, "0");
const dayKey = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const timeOf = (ms: number) => {
  const d = new Date(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
};

/** "Wednesday 25 November 2026" (UTC). */
export function dayHeading(ms: number): string {
  const d = new Date(ms);
  return `${DAY_NAMES[d.getUTCDay()]} ${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** One line of a list item: line breaks become spaces, so a multi-line note stays one item. */
function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, " ").trim();
}

/**
 * Markdown list of the entries passed (callers pass the highlighted ones), oldest first:
 * "- **14:02 UTC** — body (author)". When the entries span more than one UTC day, each day
 * gets a "### Wednesday 25 November 2026" heading. No entries → "".
 */
export function generateTimelineSection(entries: TimelineSectionEntry[]): string {
  if (!entries.length) return "";
  const sorted = [...entries].sort((a, b) => a.occurredAt - b.occurredAt);
  const spansDays = new Set(sorted.map((e) => dayKey(e.occurredAt))).size > 1;
  const lines: string[] = [];
  let currentDay: string | null = null;
  for (const entry of sorted) {
    const key = dayKey(entry.occurredAt);
    if (spansDays && key !== currentDay) {
      if (lines.length) lines.push("");
      lines.push(`### ${dayHeading(entry.occurredAt)}`, "");
      currentDay = key;
    }
    const author = entry.authorLabel.trim();
    lines.push(`- **${timeOf(entry.occurredAt)}** — ${oneLine(entry.body)}${author ? ` (${oneLine(author)})` : ""}`);
  }
  return lines.join("\n");
}
