/**
 * Checklist items the system can verify itself. A playbook item may name one of these
 * conditions; the copy on an incident ticks itself (done by "Hindsight", with the reason
 * on the timeline) when the condition becomes true. People can still tick and untick by
 * hand: an item is only ticked automatically at the moment its condition becomes true,
 * never re-ticked behind someone's back, and never unticked automatically.
 */
export const AUTO_CHECKS = ["commander_assigned", "comms_lead_assigned", "summary_written"] as const;
export type AutoCheck = (typeof AUTO_CHECKS)[number];

export const AUTO_CHECK_INFO: Record<AutoCheck, { label: string }> = {
  commander_assigned: { label: "An incident commander is assigned" },
  comms_lead_assigned: { label: "A communications lead is assigned" },
  summary_written: { label: "The summary is written" },
};

/** The label shown for items done by the system itself. */
export const AUTO_CHECK_ACTOR = "Hindsight";

/** What the system knows about an incident that auto-checks look at. */
export type AutoCheckFacts = { commander: string | null; commsLead: string | null; summary: string };

/** Why the condition holds, in words for the timeline; null while it does not hold. */
export function autoCheckReason(check: AutoCheck, facts: AutoCheckFacts): string | null {
  switch (check) {
    case "commander_assigned":
      return facts.commander ? `${facts.commander} is incident commander` : null;
    case "comms_lead_assigned":
      return facts.commsLead ? `${facts.commsLead} is communications lead` : null;
    case "summary_written":
      return facts.summary.trim() ? "the summary is written" : null;
  }
}

/** Conditions that just became true between two states of an incident (the triggers for ticking). */
export function autoChecksBecomingTrue(before: AutoCheckFacts, after: AutoCheckFacts): AutoCheck[] {
  const out: AutoCheck[] = [];
  if (after.commander && after.commander !== before.commander) out.push("commander_assigned");
  if (after.commsLead && after.commsLead !== before.commsLead) out.push("comms_lead_assigned");
  if (after.summary.trim() && !before.summary.trim()) out.push("summary_written");
  return out;
}

/** The timeline line of an automatic tick. */
export const autoCheckTimelineBody = (text: string, reason: string) => `✓ Checked “${text}”: ${reason}`;

/**
 * The default playbooks' items that the system can verify, by their text: the default
 * playbooks use it, and existing databases are backfilled with the same texts.
 */
export const DEFAULT_AUTO_CHECK_TEXTS: Record<string, AutoCheck> = {
  "Assign an incident commander": "commander_assigned",
  "Assign a communications lead": "comms_lead_assigned",
  "Write the current-state summary: what customers see, what is known": "summary_written",
};
