import { z } from "zod";

/**
 * Calendar days a query may ask about. Outside them a report would only walk empty years
 * (and past 9999 the date arithmetic throws), so they are refused with the field named.
 */
export const EARLIEST_DAY = "2000-01-01";
export const LATEST_DAY = "2099-12-31";
/** Short, so it fits under a date field (the bounds are whole years). */
export const BOUNDS_MESSAGE = "Must be in 2000–2099";

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `value` is written YYYY-MM-DD and names a day that exists (no 30 February). */
export function isCalendarDay(value: string): boolean {
  if (!DAY_PATTERN.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear keeps the year as written.
  date.setUTCFullYear(y!);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

/** Why a day may not be queried, or null when it may (a real day from 2000-01-01 to 2099-12-31). */
export function dayBoundsProblem(value: string): string | null {
  if (!DAY_PATTERN.test(value)) return "Must be a date as YYYY-MM-DD";
  if (!isCalendarDay(value)) return "Not a real calendar date";
  // Same-length YYYY-MM-DD strings order like the days they name.
  if (value < EARLIEST_DAY || value > LATEST_DAY) return BOUNDS_MESSAGE;
  return null;
}

/** A query-string day: trimmed, real, and within the bounds. */
export const boundedDay = z
  .string({ error: "Must be a date as YYYY-MM-DD" })
  .trim()
  .superRefine((value, ctx) => {
    const problem = dayBoundsProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
