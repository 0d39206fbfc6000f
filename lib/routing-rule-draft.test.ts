import { describe, expect, it } from "vitest";
import { DEFAULT_RULE, routingRuleSchema, type RoutingRule } from "./alerts/routing-rules";
import { draftToRule, freshKeys, newRuleDraft, ruleDraftErrors, ruleErrorTarget, ruleToDraft } from "./routing-rule-draft";

const custom: RoutingRule = {
  matchers: [
    { label: "team", op: "=", value: "payments" },
    { label: "alertname", op: "=~", value: "Disk.*|Latency" },
  ],
  service: { slug: "checkout" },
  severity: { fixed: "SEV1" },
  action: "attach",
  resolveIncident: true,
};

describe("routing rule drafts", () => {
  it("round-trips every shape of rule the API stores", () => {
    expect(draftToRule(ruleToDraft(DEFAULT_RULE))).toEqual(DEFAULT_RULE);
    expect(draftToRule(ruleToDraft(custom))).toEqual(custom);
    expect(draftToRule(ruleToDraft({ ...custom, service: null }))).toEqual({ ...custom, service: null });
  });

  it("gives every rule, matcher and map row its own key", () => {
    const a = ruleToDraft(DEFAULT_RULE);
    const b = ruleToDraft(DEFAULT_RULE);
    expect(a.key).not.toBe(b.key);
    expect(new Set(a.severityMap.map((r) => r.key)).size).toBe(4);
  });

  it("keys a list the same way on every render, so the server's ids are the ones the browser hydrates", () => {
    const list = [DEFAULT_RULE, custom];
    const first = freshKeys();
    const second = freshKeys();
    expect(list.map((rule) => ruleToDraft(rule, first))).toEqual(list.map((rule) => ruleToDraft(rule, second)));
    expect(newRuleDraft(DEFAULT_RULE).key).toBeGreaterThanOrEqual(1_000_000);
  });

  it("starts a new rule with one empty matcher, which must be filled in", () => {
    const draft = newRuleDraft(DEFAULT_RULE);
    expect(draft.matchers).toHaveLength(1);
    expect(ruleDraftErrors(draft)).toEqual({ [`matchers.${draft.matchers[0]!.key}.label`]: "Label is required" });
  });

  it("names an invalid regex next to its matcher, but not a literal value with the same characters", () => {
    const draft = ruleToDraft({ ...custom, matchers: [{ label: "alertname", op: "=~", value: "Disk(" }] });
    const key = draft.matchers[0]!.key;
    expect(ruleDraftErrors(draft)[`matchers.${key}.value`]).toBe("Invalid regular expression: Unterminated group");
    expect(ruleDraftErrors(ruleToDraft({ ...custom, matchers: [{ label: "alertname", op: "=", value: "Disk(" }] }))).toEqual({});
  });

  it("refuses what the server would refuse: bad label names, a missing service, a value mapped twice", () => {
    const draft = ruleToDraft(DEFAULT_RULE);
    draft.serviceLabel = "1service";
    draft.severityMap[1]!.value = "critical";
    draft.matchers = [{ key: 9_999, label: "team-name", op: "=", value: "x" }];
    const errors = ruleDraftErrors(draft);
    expect(errors.serviceLabel).toMatch(/label name/);
    expect(errors[`severityMap.${draft.severityMap[1]!.key}.value`]).toBe("“critical” is mapped twice");
    expect(errors["matchers.9999.label"]).toMatch(/label name/);
    const fixed = { ...ruleToDraft(custom), serviceSlug: "" };
    expect(ruleDraftErrors(fixed)).toEqual({ serviceSlug: "Pick a service" });
  });

  it("sends only rules the API's schema accepts once the editor finds no error", () => {
    for (const rule of [DEFAULT_RULE, custom]) {
      const draft = ruleToDraft(rule);
      expect(ruleDraftErrors(draft)).toEqual({});
      expect(routingRuleSchema.safeParse(draftToRule(draft)).success).toBe(true);
    }
  });

  it("puts a server field error on the rule and control it names", () => {
    const drafts = [ruleToDraft(DEFAULT_RULE), ruleToDraft(custom)];
    const second = drafts[1]!;
    expect(ruleErrorTarget("rules.1.matchers.1.value", drafts)).toEqual({ ruleKey: second.key, field: `matchers.${second.matchers[1]!.key}.value` });
    expect(ruleErrorTarget("rules.1.service.slug", drafts)).toEqual({ ruleKey: second.key, field: "serviceSlug" });
    expect(ruleErrorTarget("rules.0.service.label", drafts)).toEqual({ ruleKey: drafts[0]!.key, field: "serviceLabel" });
    expect(ruleErrorTarget("rules.0.severity.map.critical", drafts)).toEqual({
      ruleKey: drafts[0]!.key,
      field: `severityMap.${drafts[0]!.severityMap[0]!.key}.value`,
    });
    expect(ruleErrorTarget("rules.7.action", drafts)).toBeNull();
    expect(ruleErrorTarget("name", drafts)).toBeNull();
  });
});
