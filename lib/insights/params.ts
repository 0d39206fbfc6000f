import { z } from "zod";
import { TZDate } from "@date-fns/tz";
import { SEVERITIES, type Severity } from "../severity";
import { AppError } from "../errors";
import { parseInput } from "../validation/parse";
import { boundedDay } from "../validation/day-bounds";
import type { InsightsFilters, Period } from "./types";

export const INSIGHTS_RANGE_PRESETS = [30, 90, 180, 365] as const;
export const DEFAULT_RANGE_DAYS = 90;
/** Longest custom range: three years (and the previous period as long again). */
export const MAX_RANGE_DAYS = 1096;

// Real days from 2000-01-01 to 2099-12-31 (lib/validation/day-bounds.ts).
const day = boundedDay;

/** Query of GET /api/v1/insights and of the /insights page (all strings, as in a URL). */
export const insightsQuerySchema = z.object({
  range: z
    .enum(INSIGHTS_RANGE_PRESETS.map(String) as [string, ...string[]], { error: `Must be one of ${INSIGHTS_RANGE_PRESETS.join(", ")} (days)` })
    .optional(),
  from: day.optional(),
  to: day.optional(),
  // One or more severities, comma-separated ("SEV1,SEV2"); empty means all.
  severity: z
    .string()
    .trim()
    .max(40, "Too long")
    .optional()
    .transform((v, ctx) => {
      const list = (v ?? "")
        .split(",")
        .map((s) => s.trim().toUpperCase())
        .filter(Boolean);
      const bad = list.find((s) => !(SEVERITIES as readonly string[]).includes(s));
      if (bad) {
        ctx.addIssue({ code: "custom", message: `Unknown severity "${bad}"; use ${SEVERITIES.join(", ")}` });
        return z.NEVER;
      }
      return [...new Set(list)] as Severity[];
    }),
  service: z.string().trim().toLowerCase().max(60, "Service slug must be at most 60 characters").optional(),
  team: z.coerce.number({ error: "Must be a team id" }).int("Must be a team id").positive("Must be a team id").optional(),
});
export type InsightsQuery = z.input<typeof insightsQuerySchema>;

/** "YYYY-MM-DD" plus n calendar days. */
export function addDays(dayString: string, n: number): string {
  const [y, m, d] = dayString.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + n)).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The calendar day of an instant in a time zone. */
export function dayIn(timeZone: string, ms: number): string {
  const t = new TZDate(ms, timeZone);
  return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, "0")}-${String(t.getDate()).padStart(2, "0")}`;
}

/** Midnight at the start of a calendar day in a time zone, as epoch ms. */
export function startOfDayIn(timeZone: string, dayString: string): number {
  const [y, m, d] = dayString.split("-").map(Number);
  return new TZDate(y!, m! - 1, d!, 0, 0, 0, 0, timeZone).getTime();
}

export function periodOf(timeZone: string, from: string, to: string): Period {
  return {
    from,
    to,
    days: daysBetween(from, to),
    startsAt: new Date(startOfDayIn(timeZone, from)).toISOString(),
    endsAt: new Date(startOfDayIn(timeZone, addDays(to, 1))).toISOString(),
  };
}

export type ResolvedInsightsQuery = { filters: InsightsFilters; period: Period; previousPeriod: Period };

/**
 * Validates the query and settles the dates: a custom from/to (both needed), else a preset
 * range ending today, else the last 90 days. The previous period is the same number of days
 * just before. Days are the organisation's.
 */
export function resolveInsightsQuery(query: unknown, { now, timeZone }: { now: number; timeZone: string }): ResolvedInsightsQuery {
  const input = parseInput(insightsQuerySchema, query ?? {});
  let from: string;
  let to: string;
  if (input.from || input.to) {
    if (!input.from) throw new AppError("validation_failed", "from: Required with to", { from: "Required with to" });
    if (!input.to) throw new AppError("validation_failed", "to: Required with from", { to: "Required with from" });
    if (input.from > input.to) throw new AppError("validation_failed", "to: Must be on or after from", { to: "Must be on or after from" });
    if (daysBetween(input.from, input.to) > MAX_RANGE_DAYS)
      throw new AppError("validation_failed", `to: The range can be at most ${MAX_RANGE_DAYS} days`, { to: `At most ${MAX_RANGE_DAYS} days after from` });
    ({ from, to } = { from: input.from, to: input.to });
  } else {
    const days = input.range ? Number(input.range) : DEFAULT_RANGE_DAYS;
    to = dayIn(timeZone, now);
    from = addDays(to, -(days - 1));
  }
  const days = daysBetween(from, to);
  return {
    filters: { from, to, severity: input.severity ?? [], service: input.service || null, team: input.team ?? null },
    period: periodOf(timeZone, from, to),
    previousPeriod: periodOf(timeZone, addDays(from, -days), addDays(from, -1)),
  };
}
