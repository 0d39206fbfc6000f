import { z } from "zod";
import { SEVERITIES } from "../../../lib/severity";
import { STATUSES } from "../../../lib/incident-status";
import { personKey } from "./one-of";

/**
 * Minutes after the commander took the incident (negative: before): when they declared it,
 * or, for one the alerting integration declared, when they took command of it.
 */
const minutes = z.number();

export const LEAD_ROLES = ["commander", "communications", "scribe"] as const;
export type LeadRole = (typeof LEAD_ROLES)[number];

const step = z.discriminatedUnion("kind", [
  z.object({ at: minutes, kind: z.literal("note"), by: personKey, body: z.string(), highlighted: z.boolean().default(false), writtenAt: minutes.optional() }),
  z.object({ at: minutes, kind: z.literal("status"), to: z.enum(STATUSES), by: personKey.optional() }),
  z.object({ at: minutes, kind: z.literal("severity"), to: z.enum(SEVERITIES), by: personKey.optional() }),
  z.object({ at: minutes, kind: z.literal("role"), role: z.enum(LEAD_ROLES), person: personKey, by: personKey.optional() }),
  z.object({ at: minutes, kind: z.literal("correct"), field: z.enum(["startedAt", "detectedAt"]), value: minutes, by: personKey.optional() }),
]);
// Input type: a note's `highlighted` may be left out (false).
export type DemoStep = z.input<typeof step>;

const common = z.object({
  title: z.string(),
  summary: z.string(),
  /** Severity at declaration; severity steps change it later. */
  severity: z.enum(SEVERITIES),
  /** Declares the incident and is its first commander; for an alert-declared one, the on-call person who takes it. */
  commander: personKey,
  /** Impact began this many minutes before the commander took it (a backdated start); default: when detected. */
  impactBefore: minutes.optional(),
  /** Detected this many minutes before the commander took it (≤ impactBefore); default: at declaration. */
  detectedBefore: minutes.optional(),
  /** Where detectedAt came from when it is before declaration. */
  detectedBy: z.enum(["alert", "manual"]).optional(),
  private: z.boolean().optional(),
  drill: z.boolean().optional(),
  /** Still open: its minute 0 (declared, or taken from the alert) was this many hours ago. Others are spread over the last six months. */
  openHoursAgo: z.number().optional(),
  /** Hour of day (UTC) the incident was declared; otherwise picked. */
  hour: z.number().optional(),
  steps: z.array(step),
});

/** One demo incident, as written in content/scenarios.json. */
export const demoScenario = z.union([
  common.extend({ declaredBy: z.literal("person").optional(), acknowledgedAfter: z.undefined().optional() }),
  /**
   * The alerting integration (db/seed/demo/people.ts DEMO_ALERT_TOKEN) declared it, with no
   * commander: it stays unacknowledged until `commander` takes command, acknowledgedAfter
   * minutes later. Every other time here counts from that moment, so compared with the
   * same incident declared by a person only the declaration moves earlier.
   */
  common.extend({
    declaredBy: z.literal("alert"),
    /** Minutes from the alert's declaration to the on-call person taking command (≤ detectedBefore, if set). */
    acknowledgedAfter: minutes,
  }),
]);
export type DemoScenario = z.infer<typeof demoScenario>;
