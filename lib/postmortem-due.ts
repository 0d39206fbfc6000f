import type { Severity } from "./severity";
import type { PostmortemStatus } from "./postmortem-template";
import { addBusinessDays } from "./business-days";

/** DESIGN.md: a postmortem is overdue this many business days after the incident resolved. */
export const POSTMORTEM_DUE_BUSINESS_DAYS = 5;
export const DEFAULT_REQUIRED_SEVERITIES: Severity[] = ["SEV1", "SEV2"];

export type PostmortemDueState = "not_required" | "not_due" | "due" | "overdue" | "published";
export type PostmortemDue = { state: PostmortemDueState; dueAt: number | null };

export const DUE_STATE_LABEL: Record<PostmortemDueState, string> = {
  not_required: "Not required",
  not_due: "Not due yet",
  due: "Due",
  overdue: "Overdue",
  published: "Published",
};

/**
 * DESIGN.md: required for the configured severities (SEV1 and SEV2 by default), and for an
 * incident whose own spend exhausted an SLO's error budget; never for drills.
 */
export function postmortemRequired(
  severity: Severity,
  drill: boolean,
  requiredSeverities: Severity[] = DEFAULT_REQUIRED_SEVERITIES,
  flaggedByBudget = false,
): boolean {
  if (drill) return false;
  return requiredSeverities.includes(severity) || flaggedByBudget;
}

/**
 * Where a postmortem stands against its deadline. A published one is "published"; one
 * not required (and not published) is "not_required"; a required one is "not_due" until
 * the incident resolves, then "due", and "overdue" once 5 business days (in the
 * organisation's time zone) have passed since resolution. dueAt is that deadline, or null
 * when not required or not resolved. `status` is the postmortem's status, or null when
 * none was started.
 */
export function postmortemDueState({
  required,
  resolvedAt,
  status,
  now,
  timeZone = "UTC",
}: {
  required: boolean;
  resolvedAt: number | null;
  status: PostmortemStatus | null;
  now: number;
  timeZone?: string;
}): PostmortemDue {
  const dueAt = required && resolvedAt !== null ? addBusinessDays(resolvedAt, POSTMORTEM_DUE_BUSINESS_DAYS, timeZone) : null;
  if (status === "published") return { state: "published", dueAt };
  if (!required) return { state: "not_required", dueAt: null };
  if (dueAt === null) return { state: "not_due", dueAt: null };
  return { state: now > dueAt ? "overdue" : "due", dueAt };
}
