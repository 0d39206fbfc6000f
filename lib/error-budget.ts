import type { Severity } from "./severity";

export const IMPACT_LEVELS = ["degraded", "partial_outage", "full_outage"] as const;
export type ImpactLevel = (typeof IMPACT_LEVELS)[number];

/** DESIGN.md: the share of each impact minute that counts against the budget. */
export const IMPACT_WEIGHT: Record<ImpactLevel, number> = { full_outage: 1, partial_outage: 0.5, degraded: 0.25 };

export const IMPACT_LABEL: Record<ImpactLevel, string> = {
  degraded: "Degraded",
  partial_outage: "Partial outage",
  full_outage: "Full outage",
};

export type BudgetStatus = "healthy" | "at_risk" | "exhausted";
/** Below this share of the budget left, an SLO is at risk. */
export const AT_RISK_BELOW_PERCENT = 25;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** One incident's impact on a service, as the budget math sees it. */
export type ImpactWindow = {
  incidentId: number;
  startedAt: number;
  /** mitigatedAt, else resolvedAt, else null (still open: counts until now). */
  endedAt: number | null;
  impact: ImpactLevel;
  drill?: boolean;
  /** A responder's correction: these minutes count instead of the computed ones. */
  overrideMinutes?: number | null;
};

export type BudgetInput = { objective: number; windowDays: number; impacts: ImpactWindow[]; now: number };

export type BudgetResult = {
  budgetMinutes: number;
  spentMinutes: number;
  remainingMinutes: number;
  /** Remaining as a percent of the budget; negative when overspent. */
  remainingPercent: number;
  status: BudgetStatus;
  windowStart: number;
  windowEnd: number;
  /** Minutes each incident spent inside the window (overlaps counted once, for the heaviest). */
  byIncident: { incidentId: number; minutes: number; overridden: boolean }[];
};

/** Error budget in minutes = window minutes × (1 − objective). */
export function budgetMinutes(objective: number, windowDays: number): number {
  // Rounded to a micro-minute so 99 % of 30 days is exactly 432, not 432.0000000000004.
  return Math.round(windowDays * 24 * 60 * (1 - objective / 100) * 1e6) / 1e6;
}

export function impactEnd(incident: { mitigatedAt: number | null; resolvedAt: number | null }): number | null {
  return incident.mitigatedAt ?? incident.resolvedAt ?? null;
}

export function budgetStatus(remainingMinutes: number, budget: number): BudgetStatus {
  if (remainingMinutes <= 0) return "exhausted";
  return budget > 0 && (remainingMinutes / budget) * 100 < AT_RISK_BELOW_PERCENT ? "at_risk" : "healthy";
}

type Segment = { start: number; end: number; incidentId: number; weight: number; startedAt: number };

/**
 * Splits the window into pieces between impact boundaries; each piece counts once, at the
 * highest weight among the incidents active then, and is credited to that incident.
 */
function sweep(segments: Segment[], windowStart: number, windowEnd: number, until = windowEnd): Map<number, number> {
  const credited = new Map<number, number>();
  const clipped = segments.map((s) => ({ ...s, start: Math.max(s.start, windowStart), end: Math.min(s.end, windowEnd, until) })).filter((s) => s.end > s.start);
  const points = [...new Set(clipped.flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    let best: Segment | null = null;
    for (const s of clipped) {
      if (s.start <= from && s.end >= to) {
        if (
          !best ||
          s.weight > best.weight ||
          (s.weight === best.weight && (s.startedAt < best.startedAt || (s.startedAt === best.startedAt && s.incidentId < best.incidentId)))
        )
          best = s;
      }
    }
    if (best) credited.set(best.incidentId, (credited.get(best.incidentId) ?? 0) + ((to - from) / MINUTE) * best.weight);
  }
  return credited;
}

function split(impacts: ImpactWindow[], now: number) {
  const live = impacts.filter((i) => !i.drill);
  const computed: Segment[] = live
    .filter((i) => i.overrideMinutes === undefined || i.overrideMinutes === null)
    .map((i) => ({ start: i.startedAt, end: i.endedAt ?? now, incidentId: i.incidentId, weight: IMPACT_WEIGHT[i.impact], startedAt: i.startedAt }));
  const overridden = live.filter((i) => i.overrideMinutes !== undefined && i.overrideMinutes !== null);
  return { computed, overridden };
}

/** An overridden incident counts in the window when its impact overlaps it; its minutes land at its start. */
const overrideCounts = (i: ImpactWindow, windowStart: number, windowEnd: number, now: number) => i.startedAt < windowEnd && (i.endedAt ?? now) >= windowStart;

/** Budget, spend and remaining over the trailing window ending now (DESIGN.md). */
export function computeBudget({ objective, windowDays, impacts, now }: BudgetInput): BudgetResult {
  const windowEnd = now;
  const windowStart = now - windowDays * DAY;
  const { computed, overridden } = split(impacts, now);
  const credited = sweep(computed, windowStart, windowEnd);
  const byIncident = [...credited.entries()].map(([incidentId, minutes]) => ({ incidentId, minutes, overridden: false }));
  for (const i of overridden) {
    if (overrideCounts(i, windowStart, windowEnd, now)) byIncident.push({ incidentId: i.incidentId, minutes: i.overrideMinutes!, overridden: true });
  }
  return budgetFromSpend({ objective, windowDays, now, byIncident });
}

/** The budget figures from each incident's spend in the window (computed here, or read from stored segments). */
export function budgetFromSpend({ objective, windowDays, now, byIncident }: Omit<BudgetInput, "impacts"> & Pick<BudgetResult, "byIncident">): BudgetResult {
  const budget = budgetMinutes(objective, windowDays);
  byIncident.sort((a, b) => b.minutes - a.minutes);
  const spent = byIncident.reduce((sum, i) => sum + i.minutes, 0);
  const remaining = budget - spent;
  return {
    budgetMinutes: budget,
    spentMinutes: spent,
    remainingMinutes: remaining,
    remainingPercent: budget > 0 ? (remaining / budget) * 100 : remaining >= 0 ? 100 : -Infinity,
    status: budgetStatus(remaining, budget),
    windowStart: now - windowDays * DAY,
    windowEnd: now,
    byIncident,
  };
}

/** Remaining budget at evenly spaced points across the current window, for the burn-down chart. */
export function burnDown(input: BudgetInput, points = 29): { at: number; remainingMinutes: number }[] {
  const windowEnd = input.now;
  const windowStart = input.now - input.windowDays * DAY;
  const budget = budgetMinutes(input.objective, input.windowDays);
  const { computed, overridden } = split(input.impacts, input.now);
  const series: { at: number; remainingMinutes: number }[] = [];
  for (let k = 0; k < points; k++) {
    const at = windowStart + ((windowEnd - windowStart) * k) / (points - 1);
    let spent = 0;
    for (const minutes of sweep(computed, windowStart, windowEnd, at).values()) spent += minutes;
    for (const i of overridden) {
      if (overrideCounts(i, windowStart, windowEnd, input.now) && Math.max(i.startedAt, windowStart) <= at) spent += i.overrideMinutes!;
    }
    series.push({ at, remainingMinutes: budget - spent });
  }
  return series;
}

/** One incident's own spend on an SLO: its impact minutes × weight, or the override. */
export function incidentSpendMinutes(impact: ImpactWindow, now: number): number {
  if (impact.drill) return 0;
  if (impact.overrideMinutes !== undefined && impact.overrideMinutes !== null) return impact.overrideMinutes;
  return (Math.max(0, (impact.endedAt ?? now) - impact.startedAt) / MINUTE) * IMPACT_WEIGHT[impact.impact];
}

export const STATUS_RANK: Record<BudgetStatus, number> = { healthy: 0, at_risk: 1, exhausted: 2 };

/** What this incident did to an SLO: the status with it, and whether it made it worse. */
export function statusPushedBy(input: BudgetInput, incidentId: number): { with: BudgetStatus; without: BudgetStatus; pushed: boolean } {
  const withIt = computeBudget(input).status;
  const without = computeBudget({ ...input, impacts: input.impacts.filter((i) => i.incidentId !== incidentId) }).status;
  return { with: withIt, without, pushed: STATUS_RANK[withIt] > STATUS_RANK[without] };
}

/**
 * DESIGN.md: SEV1/SEV2 always need a postmortem; a SEV3/SEV4 does when its own spend
 * exhausted an SLO's budget.
 */
export function needsPostmortem(severity: Severity, pushedStatuses: BudgetStatus[], drill = false): boolean {
  if (drill) return false;
  if (severity === "SEV1" || severity === "SEV2") return true;
  return pushedStatuses.includes("exhausted");
}
