import { z } from "zod";
import { SEVERITIES, type Severity } from "./severity";
import { isActive, type IncidentStatus } from "./incident-status";

/** Minutes between stakeholder updates per severity; null = no cadence for that severity. */
export type UpdateCadence = Record<Severity, number | null>;

export const DEFAULT_UPDATE_CADENCE: UpdateCadence = { SEV1: 15, SEV2: 30, SEV3: null, SEV4: null };
export const CADENCE_MAX_MINUTES = 24 * 60;

const minutes = z
  .number({ error: "Must be a number of minutes, or null for no cadence" })
  .int("Must be a whole number of minutes")
  .min(1, "Must be at least 1 minute")
  .max(CADENCE_MAX_MINUTES, `Must be at most ${CADENCE_MAX_MINUTES} minutes (24 hours)`)
  .nullable();

/** Body of PUT /api/v1/settings/update-cadence and of the Settings form: every severity, minutes or null. */
export const updateCadenceSchema = z.strictObject(Object.fromEntries(SEVERITIES.map((s) => [s, minutes])) as Record<Severity, typeof minutes>, {
  error: `Must be an object with ${SEVERITIES.join(", ")} as keys`,
});

const MINUTE = 60_000;

export type UpdateDue = { state: "due"; minutes: number; dueAt: number } | { state: "overdue"; minutes: number; dueAt: number };

/**
 * When the next stakeholder update is due. The clock restarts at the last update: the latest
 * update message, status change or the declaration (status moves are announced too), so the
 * caller passes the latest of those. Only active incidents of a severity with a cadence have one.
 * "Due in" rounds up (1 s left still reads "1 min"), "overdue by" rounds down, so 0 min late reads as due.
 */
export function nextUpdateDue({
  severity,
  status,
  cadence,
  lastUpdateAt,
  now,
}: {
  severity: Severity;
  status: IncidentStatus;
  cadence: UpdateCadence;
  lastUpdateAt: number;
  now: number;
}): UpdateDue | null {
  const interval = cadence[severity];
  if (!interval || !isActive(status)) return null;
  const dueAt = lastUpdateAt + interval * MINUTE;
  const late = Math.floor((now - dueAt) / MINUTE);
  if (late >= 1) return { state: "overdue", minutes: late, dueAt };
  return { state: "due", minutes: Math.max(0, Math.ceil((dueAt - now) / MINUTE)), dueAt };
}

export function updateDueText(due: UpdateDue): string {
  return due.state === "overdue"
    ? `Update overdue by ${formatMinutes(due.minutes)}`
    : due.minutes === 0
      ? "Next update due now"
      : `Next update due in ${formatMinutes(due.minutes)}`;
}

function formatMinutes(total: number): string {
  if (total < 60) return `${total} min`;
  const h = Math.floor(total / 60);
  const m = total % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** An active incident with no timeline activity for this long is "stale" (incident list and page). */
export const STALE_AFTER_MS = 30 * MINUTE;

export function isStale({ status, lastActivityAt, now }: { status: IncidentStatus; lastActivityAt: number; now: number }): boolean {
  return isActive(status) && now - lastActivityAt > STALE_AFTER_MS;
}
