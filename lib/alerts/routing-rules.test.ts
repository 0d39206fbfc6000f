import { describe, expect, it } from "vitest";
import { DEFAULT_RULE, routeAlert, routingRuleSchema, routingRulesSchema, severityFor, type RoutingRule } from "./routing-rules";

const rule = (over: Partial<RoutingRule>): RoutingRule => ({ ...DEFAULT_RULE, ...over });

describe("routing rules", () => {
  it("the default rule declares, maps severity and takes the service label", () => {
    expect(routeAlert([], { alertname: "x", severity: "critical", service: "Payments-API" })).toEqual({
      ruleIndex: null,
      action: "declare",
      severity: "SEV2",
      serviceSlug: "payments-api",
      resolveIncident: false,
    });
    expect(severityFor(DEFAULT_RULE, { severity: "warning" })).toBe("SEV3");
    expect(severityFor(DEFAULT_RULE, { severity: "error" })).toBe("SEV3");
    expect(severityFor(DEFAULT_RULE, { severity: "info" })).toBe("SEV4");
    expect(severityFor(DEFAULT_RULE, { severity: "Critical" })).toBe("SEV2");
    expect(severityFor(DEFAULT_RULE, {})).toBe("SEV3");
    expect(severityFor(DEFAULT_RULE, { severity: "page" })).toBe("SEV3");
    expect(routeAlert([], { alertname: "x" }).serviceSlug).toBeNull();
  });

  it("the first matching rule wins; none matching falls to the default", () => {
    const rules = [
      rule({ matchers: [{ label: "env", op: "=", value: "staging" }], action: "record" }),
      rule({ matchers: [{ label: "alertname", op: "=~", value: "Disk.*" }], action: "attach", severity: { fixed: "SEV1" }, service: { slug: "db" } }),
      rule({ matchers: [], action: "declare", severity: { fixed: "SEV4" } }),
    ];
    expect(routeAlert(rules, { env: "staging", alertname: "DiskFull" })).toMatchObject({ ruleIndex: 0, action: "record" });
    expect(routeAlert(rules, { alertname: "DiskFull" })).toMatchObject({ ruleIndex: 1, action: "attach", severity: "SEV1", serviceSlug: "db" });
    expect(routeAlert(rules, { alertname: "Other" })).toMatchObject({ ruleIndex: 2, severity: "SEV4" });
    expect(routeAlert(rules.slice(0, 2), { alertname: "Other" })).toMatchObject({ ruleIndex: null, action: "declare" });
  });

  it("validates rules, naming the field", () => {
    expect(routingRuleSchema.safeParse(DEFAULT_RULE).success).toBe(true);
    const bad = routingRulesSchema.safeParse([DEFAULT_RULE, { ...DEFAULT_RULE, action: "page", severity: { fixed: "SEV9" } }]);
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["1.action", "1.severity"]));
    expect(routingRuleSchema.safeParse({ ...DEFAULT_RULE, extra: 1 }).success).toBe(false);
  });
});
