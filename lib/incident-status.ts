export const STATUSES = ["investigating", "identified", "monitoring", "resolved", "closed"] as const;
export type IncidentStatus = (typeof STATUSES)[number];

export const STATUS_INFO: Record<IncidentStatus, { label: string; hint: string }> = {
  investigating: { label: "Investigating", hint: "Impact confirmed, cause not yet known" },
  identified: { label: "Identified", hint: "Cause found, fix under way" },
  monitoring: { label: "Monitoring", hint: "Fix applied, customer impact stopped; watching" },
  resolved: { label: "Resolved", hint: "Service restored; follow-up may remain" },
  closed: { label: "Closed", hint: "Postmortem published or none required" },
};

export function isStatus(value: unknown): value is IncidentStatus {
  return typeof value === "string" && (STATUSES as readonly string[]).includes(value);
}

export function isActive(status: IncidentStatus): boolean {
  return status === "investigating" || status === "identified" || status === "monitoring";
}

export type TimestampSource = "status_change" | "manual" | "alert" | "backdated";

/** The timestamps a status move can fill or clear. */
export type StatusTimestamps = {
  acknowledgedAt: number | null;
  mitigatedAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
};

type Patch = Partial<{ [K in keyof StatusTimestamps]: number | null }> & Partial<{ [K in keyof StatusTimestamps as `${K}Source`]: TimestampSource | null }>;

const order = (s: IncidentStatus) => STATUSES.indexOf(s);

/**
 * What a status move does to the key timestamps. Any move is allowed, forwards or back.
 * Forwards fills what is still empty (monitoring = mitigated; resolved also implies
 * mitigated; closed implies resolved). Backwards clears what no longer holds: a reopened
 * incident is not resolved, and back to investigating/identified means impact resumed.
 * Every move counts as a responder acting, so it acknowledges an unacknowledged incident.
 */
export function statusMoveTimestamps(from: IncidentStatus, to: IncidentStatus, current: StatusTimestamps, now: number): Patch {
  const patch: Patch = {};
  if (from === to) return patch;
  const fill = (key: keyof StatusTimestamps) => {
    if (current[key] === null) {
      patch[key] = now;
      patch[`${key}Source`] = "status_change";
    }
  };
  const clear = (key: keyof StatusTimestamps) => {
    if (current[key] !== null) {
      patch[key] = null;
      patch[`${key}Source`] = null;
    }
  };
  fill("acknowledgedAt");
  if (order(to) >= order("monitoring")) fill("mitigatedAt");
  if (order(to) >= order("resolved")) fill("resolvedAt");
  if (to === "closed") fill("closedAt");
  if (order(to) < order("closed")) clear("closedAt");
  if (order(to) < order("resolved")) clear("resolvedAt");
  if (order(to) < order("monitoring")) clear("mitigatedAt");
  return patch;
}
