/**
 * Action item rules (DESIGN.md "Postmortems and action items"): priorities and their
 * default due dates, kinds, statuses, and what "overdue" and "done on time" mean.
 * Dates are calendar days "YYYY-MM-DD"; an item is due at the end of its due day.
 */

export const PRIORITIES = ["P1", "P2", "P3"] as const;
export type ActionPriority = (typeof PRIORITIES)[number];

export const PRIORITY_INFO: Record<ActionPriority, { label: string; dueInDays: number; hint: string }> = {
  P1: { label: "P1 · high", dueInDays: 28, hint: "Do first; due in 4 weeks by default" },
  P2: { label: "P2 · medium", dueInDays: 56, hint: "Due in 8 weeks by default" },
  P3: { label: "P3 · low", dueInDays: 84, hint: "Due in 12 weeks by default" },
};

export const KINDS = ["prevent", "mitigate", "detect", "repair", "process"] as const;
export type ActionKind = (typeof KINDS)[number];

export const KIND_INFO: Record<ActionKind, { label: string; hint: string }> = {
  prevent: { label: "Prevent", hint: "Stops this from happening again" },
  mitigate: { label: "Mitigate", hint: "Makes the next one smaller or shorter" },
  detect: { label: "Detect", hint: "Finds it sooner: alerts, monitoring, dashboards" },
  repair: { label: "Repair", hint: "Fixes what the incident broke or left behind" },
  process: { label: "Process", hint: "Changes how people work: runbooks, reviews, training" },
};

export const ACTION_STATUSES = ["open", "in_progress", "done", "wont_do"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_INFO: Record<ActionStatus, { label: string }> = {
  open: { label: "Open" },
  in_progress: { label: "In progress" },
  done: { label: "Done" },
  wont_do: { label: "Won't do" },
};

/** Statuses in which an item is still to be done (and so can be overdue). */
export const UNFINISHED_STATUSES = ["open", "in_progress"] as const satisfies readonly ActionStatus[];

export const isFinished = (status: ActionStatus): boolean => status === "done" || status === "wont_do";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Whether `value` is a real calendar date written "YYYY-MM-DD" ("2026-02-30" is not). */
export function isIsoDate(value: string): boolean {
  const parts = ISO_DATE.exec(value);
  if (!parts) return false;
  const [year, month, day] = parts.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function dayNumber(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** "2026-01-31" + 1 → "2026-02-01"; negative days go back. */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The due date a new item gets when none is chosen: P1 in 4 weeks, P2 in 8, P3 in 12. */
export function defaultDueDate(priority: ActionPriority, today: string): string {
  return addDays(today, PRIORITY_INFO[priority].dueInDays);
}

/** Overdue = not done or won't do, and its due day has passed (the due day itself is not overdue). */
export function isOverdue(item: { status: ActionStatus; dueDate: string }, today: string): boolean {
  return !isFinished(item.status) && item.dueDate < today;
}

/** How many days past due an unfinished item is; 0 when it is not overdue. */
export function daysOverdue(item: { status: ActionStatus; dueDate: string }, today: string): number {
  return isOverdue(item, today) ? daysBetween(item.dueDate, today) : 0;
}

/** The calendar day it is at `now` in a time zone, "YYYY-MM-DD". */
export function todayIn(timeZone: string, now: number | Date = Date.now()): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/**
 * Whether a done item was finished by the end of its due day (in `timeZone`). Null when the
 * question does not apply: the item is not done (open, in progress, won't do) or has no
 * completion time. Used by the "action items done on time" figure.
 */
export function completedOnTime(item: { status: ActionStatus; dueDate: string; completedAt: number | null }, timeZone: string): boolean | null {
  if (item.status !== "done" || item.completedAt === null) return null;
  return todayIn(timeZone, item.completedAt) <= item.dueDate;
}

/**
 * The zone whose calendar decides when a due day ends. One zone for the whole
 * organisation, so an item is overdue for everyone at the same moment.
 */
export const ORGANISATION_TIME_ZONE = "UTC";

/** "12 Mar 2026" for a "2026-03-12" due date; the same for every viewer. */
export function formatDueDate(date: string): string {
  if (!isIsoDate(date)) return date;
  return new Date(`${date}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

/** "Overdue by 3 days", "Due today", "Due tomorrow", "Due in 12 days"; null for finished items. */
export function dueLabel(item: { status: ActionStatus; dueDate: string }, today: string): string | null {
  if (isFinished(item.status)) return null;
  const days = daysBetween(today, item.dueDate);
  if (days < 0) return `Overdue by ${-days} day${days === -1 ? "" : "s"}`;
  if (days === 0) return "Due today";
  if (days === 1) return "Due tomorrow";
  return `Due in ${days} days`;
}

/** Progress on an incident's items: won't-do items drop out of the count. */
export function actionItemProgress(items: { status: ActionStatus }[]): { done: number; total: number; wontDo: number } {
  const wontDo = items.filter((i) => i.status === "wont_do").length;
  return { done: items.filter((i) => i.status === "done").length, total: items.length - wontDo, wontDo };
}
