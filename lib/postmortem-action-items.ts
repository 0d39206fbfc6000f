/**
 * What a postmortem's "Action items" section contains, decided once for every view (the
 * editor and web view, the Markdown export, the print view): the section's own text, the
 * incident's tracked action items, and — only when none are tracked — the explicit "no
 * action items needed" note with its reason.
 */
export type SectionActionItem = { title: string; status: string; priority: string; dueDate: string };

export type ActionItemsSectionContent<T extends SectionActionItem> = {
  /** The section's markdown, trimmed; "" when not written. */
  text: string;
  /** Tracked items: unfinished first, then by priority and due date. */
  items: T[];
  /** How many of the items are done or won't be done. */
  closed: number;
  /** The "no action items needed" reason, when no item is tracked and a reason was given. */
  noActionItemsReason: string | null;
  /** Anything to show at all: text, tracked items or the note. */
  written: boolean;
};

const finished = (status: string) => status === "done" || status === "wont_do";

export function actionItemsSectionContent<T extends SectionActionItem>({
  text,
  items,
  noActionItemsReason,
}: {
  text: string | null | undefined;
  items: T[];
  noActionItemsReason: string | null | undefined;
}): ActionItemsSectionContent<T> {
  const sorted = items
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        Number(finished(a.item.status)) - Number(finished(b.item.status)) ||
        a.item.priority.localeCompare(b.item.priority) ||
        a.item.dueDate.localeCompare(b.item.dueDate) ||
        a.index - b.index,
    )
    .map((x) => x.item);
  const reason = !sorted.length && noActionItemsReason?.trim() ? noActionItemsReason.trim() : null;
  const body = text?.trim() ?? "";
  return {
    text: body,
    items: sorted,
    closed: sorted.filter((i) => finished(i.status)).length,
    noActionItemsReason: reason,
    written: !!(body || sorted.length || reason),
  };
}

// The "no action items needed" note is stored in the postmortem's sections JSON, under a key
// no section can have (no migration for one short field).
const NO_ACTIONS_KEY = "_noActionItemsReason";

/** The note's reason from the stored sections JSON, or null. */
export function parseNoActionItemsReason(sectionsJson: string): string | null {
  try {
    const value: unknown = JSON.parse(sectionsJson);
    const reason = value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>)[NO_ACTIONS_KEY] : undefined;
    return typeof reason === "string" && reason.trim() ? reason : null;
  } catch {
    return null;
  }
}

/** The sections JSON as stored: the section texts plus the note when there is one. */
export function storedSections(sections: Record<string, string>, noActionItemsReason: string | null): string {
  return JSON.stringify(noActionItemsReason ? { ...sections, [NO_ACTIONS_KEY]: noActionItemsReason } : sections);
}
