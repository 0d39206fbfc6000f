import { findBlameHints, type BlameHint } from "./blameless-hints";
import { POSTMORTEM_SECTIONS, type PostmortemSectionKey } from "./postmortem-template";

/**
 * What must be in a postmortem before it is published (issue 9). Contributing factors count
 * as written when the "Root causes and contributing factors" text is written AND at least
 * one factor is tagged: the text is the analysis, the tags feed Insights ("Unknown" is a
 * valid, honest tag). Action items count when at least one is tracked or the postmortem
 * carries an explicit "no action items needed" note with a reason. Blameless hints never
 * block: the publisher acknowledges the ones still in the text.
 */
export const REQUIRED_SECTIONS = ["summary", "impact", "timeline", "root_causes"] as const satisfies readonly PostmortemSectionKey[];

export type PublishBlocker = {
  /** The field named in the API error, e.g. "sections.summary", "factorIds", "actionItems". */
  field: string;
  /** Where the editor links to: a section key, or "factors". */
  anchor: PostmortemSectionKey | "factors";
  message: string;
};

export type PostmortemHint = BlameHint & { section: PostmortemSectionKey };

export type PublishGateInput = {
  sections: Partial<Record<PostmortemSectionKey, string>>;
  factorCount: number;
  actionItemCount: number;
  noActionItemsReason: string | null;
};

const titleOf = (key: PostmortemSectionKey) => POSTMORTEM_SECTIONS.find((s) => s.key === key)!.title;
const written = (text: string | null | undefined) => !!text?.trim();

/** What is still missing before publishing, in document order; empty when it may be published. */
export function publishBlockers(input: PublishGateInput): PublishBlocker[] {
  const blockers: PublishBlocker[] = [];
  for (const key of REQUIRED_SECTIONS) {
    if (!written(input.sections[key])) blockers.push({ field: `sections.${key}`, anchor: key, message: `Write the “${titleOf(key)}” section` });
  }
  if (input.factorCount < 1) {
    blockers.push({ field: "factorIds", anchor: "factors", message: "Tag at least one contributing factor (“Unknown” if it is not understood yet)" });
  }
  if (input.actionItemCount < 1 && !written(input.noActionItemsReason)) {
    blockers.push({ field: "actionItems", anchor: "action_items", message: "Track at least one action item, or tick “No action items needed” and say why" });
  }
  return blockers;
}

/** Every blameless hint in the postmortem, section by section in document order. */
export function postmortemHints(sections: Partial<Record<PostmortemSectionKey, string>>, people: string[] = []): PostmortemHint[] {
  return POSTMORTEM_SECTIONS.flatMap((s) => findBlameHints(sections[s.key] ?? "", people).map((hint) => ({ ...hint, section: s.key })));
}

export type PublishCheck = { blockers: PublishBlocker[]; hints: PostmortemHint[]; needsHintAcknowledgement: boolean };

/**
 * The full publish check: blockers, the hints, and whether the publisher still has to
 * acknowledge them. `acknowledgeHints` covers the hints as they are now.
 */
export function publishCheck(input: PublishGateInput & { people?: string[]; acknowledgeHints?: boolean }): PublishCheck {
  const hints = postmortemHints(input.sections, input.people);
  return { blockers: publishBlockers(input), hints, needsHintAcknowledgement: hints.length > 0 && input.acknowledgeHints !== true };
}

/** The API error fields for a refused publish: one per missing part, plus acknowledgeHints. */
export function publishErrorFields(check: PublishCheck): Record<string, string> {
  const fields: Record<string, string> = Object.fromEntries(check.blockers.map((b) => [b.field, b.message]));
  if (check.needsHintAcknowledgement) {
    const n = check.hints.length;
    fields.acknowledgeHints = `Review the ${n} blameless hint${n === 1 ? "" : "s"} still in the text and send acknowledgeHints: true`;
  }
  return fields;
}
