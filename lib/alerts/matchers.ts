import { z } from "zod";

export const MATCHER_OPS = ["=", "!=", "=~", "!~"] as const;
export type MatcherOp = (typeof MATCHER_OPS)[number];
export type Matcher = { label: string; op: MatcherOp; value: string };
export type Labels = Record<string, string>;

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** A regex as Alertmanager anchors it: the whole label value must match. */
export function anchoredRegex(value: string): RegExp {
  return new RegExp(`^(?:${value})$`, "u");
}

/** The reason `value` is not a usable regex, or null when it compiles. */
export function regexProblem(value: string): string | null {
  try {
    anchoredRegex(value);
    return null;
  } catch (error) {
    return `Invalid regular expression: ${error instanceof Error ? error.message.replace(/^Invalid regular expression: /, "") : String(error)}`;
  }
}

export const matcherSchema = z
  .strictObject({
    label: z.string({ error: "Must be a label name" }).regex(LABEL_NAME, "Must be a label name (letters, digits and _; not starting with a digit)").max(100),
    op: z.enum(MATCHER_OPS, { error: `Must be one of ${MATCHER_OPS.join(" ")}` }),
    value: z.string({ error: "Must be a string" }).max(1000, "At most 1,000 characters"),
  })
  .superRefine((matcher, ctx) => {
    if (matcher.op !== "=~" && matcher.op !== "!~") return;
    const problem = regexProblem(matcher.value);
    if (problem) ctx.addIssue({ code: "custom", path: ["value"], message: problem });
  });

/**
 * Whether one matcher holds, as Alertmanager decides: a missing label is the empty string, so
 * `team=""` matches alerts without `team` and `team!=""` only alerts with one.
 */
export function matches(matcher: Matcher, labels: Labels): boolean {
  const value = Object.hasOwn(labels, matcher.label) ? labels[matcher.label]! : "";
  switch (matcher.op) {
    case "=":
      return value === matcher.value;
    case "!=":
      return value !== matcher.value;
    case "=~":
      return anchoredRegex(matcher.value).test(value);
    case "!~":
      return !anchoredRegex(matcher.value).test(value);
  }
}

/** Every matcher holds (an empty list matches every alert). */
export function matchesAll(matchers: readonly Matcher[], labels: Labels): boolean {
  return matchers.every((m) => matches(m, labels));
}

/** `alertname="Disk full", severity=~"warn|crit"`: how the admin screen and deliveries show a rule. */
export function formatMatchers(matchers: readonly Matcher[]): string {
  return matchers.length ? matchers.map((m) => `${m.label}${m.op}${JSON.stringify(m.value)}`).join(", ") : "every alert";
}
