import type { IncidentStatus } from "../incident-status";
import type { Severity } from "../severity";
import type { DemoPersonKey } from "./people";

/** Minutes after the incident was declared (negative: before). */
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
  /** Declares the incident and is its first commander. */
  commander: DemoPersonKey;
  /** Impact began this many minutes before declaration (a backdated start). */
  impactBefore?: Minutes;
  /** Detected this many minutes before declaration (≤ impactBefore). */
  detectedBefore?: Minutes;
  /** Where detectedAt came from when it is before declaration. */
  detectedBy?: "alert" | "manual";
  private?: boolean;
  drill?: boolean;
  /** Still open: declared this many hours ago. Others are spread over the last six months. */
  openHoursAgo?: number;
  /** Hour of day (UTC) the incident was declared; otherwise picked. */
  hour?: number;
  steps: DemoStep[];
};

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
