import { describe, expect, it } from "vitest";
import { formatMatchers, matcherSchema, matches, matchesAll } from "./matchers";

const labels = { alertname: "HighErrorRate", severity: "critical", service: "payments-api" };

describe("Alertmanager matchers", () => {
  it.each([
    [{ label: "severity", op: "=", value: "critical" }, true],
    [{ label: "severity", op: "=", value: "crit" }, false],
    [{ label: "severity", op: "!=", value: "warning" }, true],
    [{ label: "severity", op: "=~", value: "crit.*" }, true],
    // Anchored: a regex must match the whole value, as in Alertmanager.
    [{ label: "severity", op: "=~", value: "crit" }, false],
    [{ label: "severity", op: "=~", value: "warning|critical" }, true],
    [{ label: "service", op: "!~", value: "payments-.*" }, false],
    [{ label: "service", op: "!~", value: "search-.*" }, true],
    // A missing label is the empty string.
    [{ label: "team", op: "=", value: "" }, true],
    [{ label: "team", op: "!=", value: "" }, false],
    [{ label: "team", op: "=~", value: ".*" }, true],
  ] as const)("%o → %s", (matcher, expected) => {
    expect(matches(matcher, labels)).toBe(expected);
  });

  it("needs every matcher; none matches everything", () => {
    expect(matchesAll([], labels)).toBe(true);
    expect(
      matchesAll(
        [
          { label: "severity", op: "=", value: "critical" },
          { label: "service", op: "=", value: "search" },
        ],
        labels,
      ),
    ).toBe(false);
  });

  it("refuses an invalid regex or label name when saved", () => {
    const bad = matcherSchema.safeParse({ label: "alertname", op: "=~", value: "(unclosed" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(["value"]);
    expect(bad.error!.issues[0]!.message).toMatch(/^Invalid regular expression/);
    expect(matcherSchema.safeParse({ label: "1abc", op: "=", value: "x" }).success).toBe(false);
    expect(matcherSchema.safeParse({ label: "a", op: "==", value: "x" }).success).toBe(false);
    // An equality matcher's value is not a regex.
    expect(matcherSchema.safeParse({ label: "a", op: "=", value: "(" }).success).toBe(true);
  });

  it("formats as Alertmanager writes them", () => {
    expect(formatMatchers([{ label: "severity", op: "=~", value: "warn|crit" }])).toBe('severity=~"warn|crit"');
    expect(formatMatchers([])).toBe("every alert");
  });
});
