import { z } from "zod";
import { SEVERITIES, type Severity } from "../severity";
import { matcherSchema, matchesAll, type Labels, type Matcher } from "./matchers";

export type { Matcher, Labels };
export const ROUTING_ACTIONS = ["declare", "attach", "record"] as const;
export type RoutingAction = (typeof ROUTING_ACTIONS)[number];

export type RoutingRule = {
  /** All must match; [] matches every alert. */
  matchers: Matcher[];
  service: { from: "label"; label: string } | { slug: string } | null;
  severity: { from: "label"; label: string; map: Record<string, Severity>; fallback: Severity } | { fixed: Severity };
  action: RoutingAction;
  /** When every alert of the incident has resolved: set mitigatedAt (source "alert"). */
  resolveIncident: boolean;
};

/** DESIGN.md: a new integration declares, takes severity from `severity` and the service from `service`. */
export const DEFAULT_RULE: RoutingRule = Object.freeze({
  matchers: [],
  service: { from: "label", label: "service" },
  severity: { from: "label", label: "severity", map: { critical: "SEV2", error: "SEV3", warning: "SEV3", info: "SEV4" }, fallback: "SEV3" },
  action: "declare",
  resolveIncident: false,
}) as RoutingRule;

export const MAX_RULES = 50;

const severity = z.enum(SEVERITIES, { error: `Must be one of ${SEVERITIES.join(", ")}` });
const labelName = z
  .string({ error: "Must be a label name" })
  .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, "Must be a label name")
  .max(100);

export const routingRuleSchema = z.strictObject({
  matchers: z.array(matcherSchema, { error: "Must be a list of matchers" }).max(20, "At most 20 matchers"),
  service: z
    .union(
      [
        z.strictObject({ from: z.literal("label"), label: labelName }),
        z.strictObject({
          slug: z.string().trim().toLowerCase().min(1, "Service is required").max(60),
        }),
      ],
      { error: 'Must be {from: "label", label} or {slug}, or null' },
    )
    .nullable(),
  severity: z.union(
    [
      z.strictObject({
        from: z.literal("label"),
        label: labelName,
        map: z.record(z.string().max(100), severity).refine((m) => Object.keys(m).length <= 50, "At most 50 values"),
        fallback: severity,
      }),
      z.strictObject({ fixed: severity }),
    ],
    { error: 'Must be {from: "label", label, map, fallback} or {fixed}' },
  ),
  action: z.enum(ROUTING_ACTIONS, { error: `Must be one of ${ROUTING_ACTIONS.join(", ")}` }),
  resolveIncident: z.boolean({ error: "Must be true or false" }),
}) satisfies z.ZodType<RoutingRule, unknown>;

export const routingRulesSchema = z.array(routingRuleSchema, { error: "Must be a list of rules" }).max(MAX_RULES, `At most ${MAX_RULES} rules`);

/** What a rule decides for one alert. `ruleIndex` is null when the default rule applied. */
export type Routing = { ruleIndex: number | null; action: RoutingAction; severity: Severity; serviceSlug: string | null; resolveIncident: boolean };

/** The first rule whose matchers all hold, else DEFAULT_RULE. */
export function routeAlert(rules: readonly RoutingRule[], labels: Labels): Routing {
  const index = rules.findIndex((rule) => matchesAll(rule.matchers, labels));
  const rule = index >= 0 ? rules[index]! : DEFAULT_RULE;
  return {
    ruleIndex: index >= 0 ? index : null,
    action: rule.action,
    severity: severityFor(rule, labels),
    serviceSlug: serviceFor(rule, labels),
    resolveIncident: rule.resolveIncident,
  };
}

/** Label values compare case-insensitively (`Critical` and `critical` are the same severity). */
export function severityFor(rule: Pick<RoutingRule, "severity">, labels: Labels): Severity {
  const s = rule.severity;
  if ("fixed" in s) return s.fixed;
  const value = labels[s.label]?.trim().toLowerCase();
  if (!value) return s.fallback;
  const found = Object.entries(s.map).find(([key]) => key.trim().toLowerCase() === value);
  return found ? found[1] : s.fallback;
}

export function serviceFor(rule: Pick<RoutingRule, "service">, labels: Labels): string | null {
  const s = rule.service;
  if (!s) return null;
  if ("slug" in s) return s.slug;
  const value = labels[s.label]?.trim().toLowerCase();
  return value ? value : null;
}
