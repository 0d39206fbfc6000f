/** The generated timeline section of a postmortem: key times, status and severity changes, highlighted entries and, on request, every note. */
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

/** A timeline entry as stored, with its highlight (star). */
export type TimelineSourceEntry = TimelineSectionEntry & { highlighted: boolean };

export const KEY_TIMES = [
  { field: "startedAt", label: "Impact started" },
  { field: "detectedAt", label: "Detected" },
  { field: "declaredAt", label: "Declared" },
  { field: "acknowledgedAt", label: "Acknowledged" },
  { field: "mitigatedAt", label: "Mitigated" },
  { field: "resolvedAt", label: "Resolved" },
] as const;
export type KeyTimes = Partial<Record<(typeof KEY_TIMES)[number]["field"], number | null>>;

// Status and severity moves (and the update messages posted with them) tell the story of the response.
const ALWAYS_KINDS = new Set(["status", "severity", "update"]);
// A key time this close to a status change is the same moment: one line, labelled.
const SAME_MOMENT_MS = 60_000;

/**
 * The entries the timeline section is made of: every status/severity change, every
 * highlighted entry, and with `includeAllNotes` every note too (highlighted notes then
 * marked ★ so they still stand out). The incident's key times are labelled in bold on the
 * status change they coincide with, or get a line of their own.
 */
export function timelineSectionEntries({
  entries,
  keyTimes,
  includeAllNotes = false,
}: {
  entries: TimelineSourceEntry[];
  keyTimes: KeyTimes;
  includeAllNotes?: boolean;
}): TimelineSectionEntry[] {
  const picked = entries
    .filter((e) => ALWAYS_KINDS.has(e.kind) || e.highlighted || (includeAllNotes && e.kind === "note"))
    .map((e) => ({
      occurredAt: e.occurredAt,
      authorLabel: e.authorLabel,
      kind: e.kind,
      body: includeAllNotes && e.highlighted && e.kind === "note" ? `★ ${e.body}` : e.body,
      labels: [] as string[],
    }));
  const own: { occurredAt: number; labels: string[] }[] = [];
  for (const { field, label } of KEY_TIMES) {
    const at = keyTimes[field];
    if (at === null || at === undefined) continue;
    let nearest: (typeof picked)[number] | undefined;
    for (const e of picked) {
      const gap = Math.abs(e.occurredAt - at);
      if (e.kind === "status" && gap <= SAME_MOMENT_MS && (!nearest || gap < Math.abs(nearest.occurredAt - at))) nearest = e;
    }
    const target = nearest ?? own.find((o) => o.occurredAt === at);
    if (target) target.labels.push(label);
    else own.push({ occurredAt: at, labels: [label] });
  }
  const bold = (labels: string[]) => labels.map((l) => `**${l}**`).join(" · ");
  return [
    ...own.map((o) => ({ occurredAt: o.occurredAt, body: bold(o.labels), authorLabel: "", kind: "key_time" })),
    ...picked.map(({ labels, ...e }) => (labels.length ? { ...e, body: `${bold(labels)}: ${e.body}` } : e)),
  ];
}

/** The timeline section for an incident: see timelineSectionEntries. */
export function generateIncidentTimeline(input: { entries: TimelineSourceEntry[]; keyTimes: KeyTimes; includeAllNotes?: boolean }): string {
  return generateTimelineSection(timelineSectionEntries(input));
}
