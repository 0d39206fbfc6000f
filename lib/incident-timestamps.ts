import type { TimestampSource } from "./incident-status";

export const TIMESTAMP_FIELDS = ["startedAt", "detectedAt", "acknowledgedAt", "mitigatedAt", "resolvedAt", "closedAt"] as const;
export type TimestampField = (typeof TIMESTAMP_FIELDS)[number];

export const TIMESTAMP_LABELS: Record<TimestampField | "declaredAt", string> = {
  startedAt: "Impact started",
  detectedAt: "Detected",
  declaredAt: "Declared",
  acknowledgedAt: "Acknowledged",
  mitigatedAt: "Mitigated",
  resolvedAt: "Resolved",
  closedAt: "Closed",
};

export const SOURCE_LABELS: Record<TimestampSource, string> = {
  status_change: "set automatically",
  manual: "corrected by hand",
  alert: "from alert",
  backdated: "backdated at declaration",
};

/** Clock skew allowed between a client and this server before a time counts as "in the future". */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export type TimestampSet = { [K in TimestampField]: number | null } & { declaredAt: number };

/**
 * Checks the order DESIGN.md requires: started ≤ detected; mitigated and resolved never
 * before started; mitigated ≤ resolved ≤ closed; nothing in the future.
 * Returns field → message for every problem, empty when all is well.
 */
export function timestampOrderErrors(t: TimestampSet, now: number): Partial<Record<TimestampField, string>> {
  const errors: Partial<Record<TimestampField, string>> = {};
  for (const field of TIMESTAMP_FIELDS) {
    const value = t[field];
    if (value !== null && value > now + FUTURE_TOLERANCE_MS) errors[field] = `${TIMESTAMP_LABELS[field]} cannot be in the future`;
  }
  const before = (a: TimestampField, b: TimestampField) => {
    const va = t[a];
    const vb = t[b];
    if (va !== null && vb !== null && va > vb && !errors[b]) {
      errors[b] = `${TIMESTAMP_LABELS[b]} cannot be before ${TIMESTAMP_LABELS[a].toLowerCase()}`;
    }
  };
  before("startedAt", "detectedAt");
  before("startedAt", "mitigatedAt");
  before("startedAt", "resolvedAt");
  before("mitigatedAt", "resolvedAt");
  before("resolvedAt", "closedAt");
  return errors;
}
