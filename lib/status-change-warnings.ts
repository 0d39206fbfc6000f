import type { IncidentStatus } from "./incident-status";

export type OpenItemsInput = {
  checklist: { title: string; done: boolean }[];
  summary: string | null;
  hasCommander: boolean;
  mitigatedAt: number | null;
};

/** Statuses where loose ends deserve a warning before the move (never a block). */
export const WARN_BEFORE: readonly IncidentStatus[] = ["resolved", "closed"];

/**
 * What is still open on an incident that is about to be resolved or closed: the dialog
 * lists these so the person can finish them or move on knowingly.
 */
export function openItemsBeforeResolve(input: OpenItemsInput): { uncheckedChecklist: string[]; other: string[] } {
  const other: string[] = [];
  if (!input.summary?.trim()) other.push("No summary written");
  if (!input.hasCommander) other.push("No incident commander assigned");
  if (input.mitigatedAt === null) other.push("No mitigated time: resolving records it as now; correct it under Key times if impact stopped earlier");
  return { uncheckedChecklist: input.checklist.filter((item) => !item.done).map((item) => item.title), other };
}
