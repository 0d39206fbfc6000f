import type { IncidentStatus } from "../incident-status";
import type { Severity } from "../severity";
import type { DemoPersonKey } from "./people";

/**
 * Minutes after the commander took the incident (negative: before): when they declared it,
 * or, for one the alerting integration declared, when they took command of it.
 */
type Minutes = number;

export type LeadRole = "commander" | "communications" | "scribe";

export type DemoStep =
  | { at: Minutes; kind: "note"; by: DemoPersonKey; body: string; highlighted?: boolean; writtenAt?: Minutes }
  | { at: Minutes; kind: "status"; to: IncidentStatus; by?: DemoPersonKey }
  | { at: Minutes; kind: "severity"; to: Severity; by?: DemoPersonKey }
  | { at: Minutes; kind: "role"; role: LeadRole; person: DemoPersonKey; by?: DemoPersonKey }
  | { at: Minutes; kind: "correct"; field: "startedAt" | "detectedAt"; value: Minutes; by?: DemoPersonKey };

export type DemoScenario = {
  title: string;
  summary: string;
  /** Severity at declaration; severity steps change it later. */
  severity: Severity;
  /** Declares the incident and is its first commander; for an alert-declared one, the on-call person who takes it. */
  commander: DemoPersonKey;
  /** Impact began this many minutes before the commander took it (a backdated start); default: when detected. */
  impactBefore?: Minutes;
  /** Detected this many minutes before the commander took it (≤ impactBefore); default: at declaration. */
  detectedBefore?: Minutes;
  /** Where detectedAt came from when it is before declaration. */
  detectedBy?: "alert" | "manual";
  private?: boolean;
  drill?: boolean;
  /** Still open: its minute 0 (declared, or taken from the alert) was this many hours ago. Others are spread over the last six months. */
  openHoursAgo?: number;
  /** Hour of day (UTC) the incident was declared; otherwise picked. */
  hour?: number;
  steps: DemoStep[];
} & (
  | { declaredBy?: "person"; acknowledgedAfter?: undefined }
  | {
      /**
       * The alerting integration (lib/demo/people.ts DEMO_ALERT_TOKEN) declared it, with no
       * commander: it stays unacknowledged until `commander` takes command, acknowledgedAfter
       * minutes later. Every other time here counts from that moment, so compared with the
       * same incident declared by a person only the declaration moves earlier.
       */
      declaredBy: "alert";
      /** Minutes from the alert's declaration to the on-call person taking command (≤ detectedBefore, if set). */
      acknowledgedAfter: Minutes;
    }
);

/** Short step constructors so the scenarios read like a timeline. */
export const note = (at: Minutes, by: DemoPersonKey, body: string, highlighted = false): DemoStep => ({ at, kind: "note", by, body, highlighted });
/** A note about an earlier moment, written later (backdated on the timeline). */
export const lateNote = (at: Minutes, writtenAt: Minutes, by: DemoPersonKey, body: string, highlighted = false): DemoStep => ({
  at,
  kind: "note",
  by,
  body,
  highlighted,
  writtenAt,
});
export const move = (at: Minutes, to: IncidentStatus, by?: DemoPersonKey): DemoStep => ({ at, kind: "status", to, by });
export const severity = (at: Minutes, to: Severity, by?: DemoPersonKey): DemoStep => ({ at, kind: "severity", to, by });
export const assign = (at: Minutes, role: LeadRole, person: DemoPersonKey, by?: DemoPersonKey): DemoStep => ({ at, kind: "role", role, person, by });
/** Communications lead and scribe, a few minutes apart. */
export const leads = (at: Minutes, communications: DemoPersonKey, scribe: DemoPersonKey): DemoStep[] => [
  assign(at, "communications", communications),
  assign(at + 2, "scribe", scribe),
];
export const correct = (at: Minutes, field: "startedAt" | "detectedAt", value: Minutes, by?: DemoPersonKey): DemoStep => ({
  at,
  kind: "correct",
  field,
  value,
  by,
});
