import type { Severity } from "./severity";

/** What a playbook says about when it applies. */
export type PlaybookConditions = {
  /** Empty: any severity (then its services decide). */
  severities: readonly string[];
  /** Empty: any service (then its severities decide). */
  serviceIds: readonly number[];
  enabled: boolean;
};

/** What an incident offers to match against: its severity and the services linked to it. */
export type IncidentFacts = { severity: Severity; serviceIds: readonly number[] };

/** A playbook that names neither a severity nor a service would fire on every incident: it matches nothing instead. */
export function hasCondition(playbook: Pick<PlaybookConditions, "severities" | "serviceIds">): boolean {
  return playbook.severities.length > 0 || playbook.serviceIds.length > 0;
}

/**
 * Whether a playbook's checklist belongs on an incident: enabled, and the incident's
 * severity is one it names (or it names none), and one of the incident's services is one
 * it names (or it names none). With both set, both must match.
 */
export function playbookMatches(playbook: PlaybookConditions, incident: IncidentFacts): boolean {
  if (!playbook.enabled || !hasCondition(playbook)) return false;
  const severityOk = playbook.severities.length === 0 || playbook.severities.includes(incident.severity);
  const serviceOk = playbook.serviceIds.length === 0 || playbook.serviceIds.some((id) => incident.serviceIds.includes(id));
  return severityOk && serviceOk;
}
