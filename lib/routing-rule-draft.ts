// The routing-rules editor's form state and its translation to and from the rules the API stores
// (lib/alerts/routing-rules.ts). Each rule, matcher and map row has a key so errors and focus
// stay with it when rules move.
import type { Severity } from "./severity";
import { regexProblem, type MatcherOp } from "./alerts/matchers";
import type { RoutingAction, RoutingRule as Rule } from "./alerts/routing-rules";

export type MatcherDraft = { key: number; label: string; op: MatcherOp; value: string };
export type SeverityMapDraft = { key: number; value: string; severity: Severity };
export type RuleDraft = {
  key: number;
  matchers: MatcherDraft[];
  serviceMode: "label" | "fixed" | "none";
  serviceLabel: string;
  serviceSlug: string;
  severityMode: "label" | "fixed";
  severityLabel: string;
  severityMap: SeverityMapDraft[];
  severityFallback: Severity;
  severityFixed: Severity;
  action: RoutingAction;
  resolveIncident: boolean;
};

/** Field errors of one rule: "matchers.<key>.value", "serviceLabel", "severityMap.<key>.value", … */
export type RuleErrors = Record<string, string>;

export type KeySource = () => number;
/** Keys for the drafts of a whole list, counted from 1: the server render and hydration give the same ids. */
export const freshKeys = (): KeySource => {
  let n = 1;
  return () => n++;
};
// Rows added while editing: far above any list's own keys.
let later = 1_000_000;
const laterKey: KeySource = () => later++;

export const newMatcherDraft = (): MatcherDraft => ({ key: laterKey(), label: "", op: "=", value: "" });
export const newSeverityMapDraft = (severity: Severity = "SEV3"): SeverityMapDraft => ({ key: laterKey(), value: "", severity });

export function ruleToDraft(rule: Rule, key: KeySource = laterKey): RuleDraft {
  const service = rule.service;
  const severity = rule.severity;
  const fromLabel = "from" in severity ? severity : null;
  return {
    key: key(),
    matchers: rule.matchers.map((m) => ({ key: key(), ...m })),
    serviceMode: service === null ? "none" : "slug" in service ? "fixed" : "label",
    serviceLabel: service && "label" in service ? service.label : "service",
    serviceSlug: service && "slug" in service ? service.slug : "",
    severityMode: fromLabel ? "label" : "fixed",
    severityLabel: fromLabel?.label ?? "severity",
    severityMap: fromLabel ? Object.entries(fromLabel.map).map(([value, sev]) => ({ key: key(), value, severity: sev })) : [],
    severityFallback: fromLabel?.fallback ?? "SEV3",
    severityFixed: "fixed" in severity ? severity.fixed : "SEV3",
    action: rule.action,
    resolveIncident: rule.resolveIncident,
  };
}

/** A new rule for the editor: one empty matcher, the default rule's severity map, declare. */
export function newRuleDraft(template: Rule): RuleDraft {
  return { ...ruleToDraft(template), matchers: [newMatcherDraft()], resolveIncident: false };
}

export function draftToRule(draft: RuleDraft): Rule {
  return {
    matchers: draft.matchers.map(({ label, op, value }) => ({ label: label.trim(), op, value })),
    service:
      draft.serviceMode === "none" ? null : draft.serviceMode === "fixed" ? { slug: draft.serviceSlug } : { from: "label", label: draft.serviceLabel.trim() },
    severity:
      draft.severityMode === "fixed"
        ? { fixed: draft.severityFixed }
        : {
            from: "label",
            label: draft.severityLabel.trim(),
            map: Object.fromEntries(draft.severityMap.map((row) => [row.value.trim(), row.severity])),
            fallback: draft.severityFallback,
          },
    action: draft.action,
    resolveIncident: draft.resolveIncident,
  };
}

// Prometheus label names; values are free text. Alertmanager anchors regexes: the whole value must match.
const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** "Invalid regular expression: /^(?:Disk()$/u: Unterminated group" without the anchoring added around what the admin typed. */
export const tidyRegexMessage = (message: string) => message.replace(/^(Invalid regular expression): \/.*\/[a-z]*: /s, "$1: ");

const labelProblem = (label: string, what: string) =>
  !label.trim()
    ? `${what} is required`
    : LABEL_NAME.test(label.trim())
      ? null
      : `${what} must be a label name: letters, digits and _, not starting with a digit`;

/** What is wrong with a rule before it is sent (the server checks again): errors by field, empty when none. */
export function ruleDraftErrors(draft: RuleDraft): RuleErrors {
  const errors: RuleErrors = {};
  for (const m of draft.matchers) {
    const label = labelProblem(m.label, "Label");
    if (label) errors[`matchers.${m.key}.label`] = label;
    if (m.op === "=~" || m.op === "!~") {
      const regex = regexProblem(m.value);
      if (regex) errors[`matchers.${m.key}.value`] = tidyRegexMessage(regex);
    }
  }
  if (draft.serviceMode === "label") {
    const label = labelProblem(draft.serviceLabel, "Service label");
    if (label) errors.serviceLabel = label;
  }
  if (draft.serviceMode === "fixed" && !draft.serviceSlug) errors.serviceSlug = "Pick a service";
  if (draft.severityMode === "label") {
    const label = labelProblem(draft.severityLabel, "Severity label");
    if (label) errors.severityLabel = label;
    const seen = new Set<string>();
    for (const row of draft.severityMap) {
      const value = row.value.trim();
      if (!value) errors[`severityMap.${row.key}.value`] = "Label value is required";
      else if (seen.has(value)) errors[`severityMap.${row.key}.value`] = `“${value}” is mapped twice`;
      seen.add(value);
    }
  }
  return errors;
}

/**
 * A server field error ("rules.2.matchers.0.value", "rules.1.severity.map.critical") as the editor's
 * rule index and field key, or null when it does not name a rule's field.
 */
export function ruleErrorTarget(path: string, drafts: RuleDraft[]): { ruleKey: number; field: string } | null {
  const match = /^rules\.(\d+)(?:\.(.+))?$/.exec(path);
  const draft = match ? drafts[Number(match[1])] : undefined;
  if (!match || !draft) return null;
  const rest = match[2] ?? "";
  const matcher = /^matchers\.(\d+)(?:\.(label|op|value))?/.exec(rest);
  if (matcher) {
    const m = draft.matchers[Number(matcher[1])];
    return m ? { ruleKey: draft.key, field: `matchers.${m.key}.${matcher[2] ?? "value"}` } : { ruleKey: draft.key, field: "matchers" };
  }
  if (rest.startsWith("service.slug") || (rest.startsWith("service") && draft.serviceMode === "fixed")) return { ruleKey: draft.key, field: "serviceSlug" };
  if (rest.startsWith("service")) return { ruleKey: draft.key, field: "serviceLabel" };
  const mapped = /^severity\.map\.(.+)$/.exec(rest);
  if (mapped) {
    const row = draft.severityMap.find((r) => r.value.trim() === mapped[1]) ?? draft.severityMap[0];
    return row ? { ruleKey: draft.key, field: `severityMap.${row.key}.value` } : { ruleKey: draft.key, field: "severityLabel" };
  }
  if (rest.startsWith("severity")) return { ruleKey: draft.key, field: draft.severityMode === "fixed" ? "severityFixed" : "severityLabel" };
  return { ruleKey: draft.key, field: rest || "rule" };
}
