import { TZDate } from "@date-fns/tz";

/** Whether a time zone name is one this runtime knows (an IANA name such as "Europe/Berlin", or "UTC"). */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone || typeof timeZone !== "string") return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

const isWeekend = (day: number) => day === 0 || day === 6;

/**
 * Adds business days (Monday–Friday) to a moment, in the given IANA time zone: Saturdays
 * and Sundays of that zone are skipped and the wall-clock time of day is kept (so a
 * daylight-saving change does not shift it). Starting on a weekend, the first business day
 * counted is the Monday. Negative days go back. Holidays are not known.
 */
export function addBusinessDays(ms: number, days: number, timeZone = "UTC"): number {
  if (!Number.isFinite(ms)) throw new RangeError("addBusinessDays: ms must be a finite number");
  if (!Number.isInteger(days)) throw new RangeError("addBusinessDays: days must be a whole number");
  const zone = isValidTimeZone(timeZone) ? timeZone : "UTC";
  const date = new TZDate(ms, zone);
  const step = days < 0 ? -1 : 1;
  let left = Math.abs(days);
  while (left > 0) {
    date.setDate(date.getDate() + step);
    if (!isWeekend(date.getDay())) left -= 1;
  }
  return date.getTime();
}
