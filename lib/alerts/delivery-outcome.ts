/** What a request's counts add up to, as the deliveries log shows it. */
export type DeliveryCounts = { declared: string[]; attached: string[]; deduplicated: number; resolved: number; recorded: number; acknowledged?: number };
export const DELIVERY_OUTCOMES = ["declared", "attached", "deduplicated", "resolved", "recorded", "acknowledged", "mixed", "rejected", "empty"] as const;
export type Outcome = (typeof DELIVERY_OUTCOMES)[number];

/** The one thing a delivery did, "mixed" when it did several, "empty" when nothing (no alerts, or an unknown acknowledgement). */
export function deliveryOutcome(httpStatus: number, counts: DeliveryCounts | null): Outcome {
  if (httpStatus >= 400 || counts === null) return "rejected";
  const done: Outcome[] = [];
  if (counts.declared.length) done.push("declared");
  if (counts.attached.length) done.push("attached");
  if (counts.resolved) done.push("resolved");
  if (counts.recorded) done.push("recorded");
  if (counts.acknowledged) done.push("acknowledged");
  if (done.length === 0) return counts.deduplicated ? "deduplicated" : "empty";
  // Repeats alongside new alerts are normal (Alertmanager re-sends the whole group), so they do not make a delivery "mixed".
  return done.length === 1 ? done[0]! : "mixed";
}
