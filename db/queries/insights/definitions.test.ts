import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DURATION_METRICS } from "@/lib/insights/types";
import { DURATION_DEFINITIONS, METRIC_DEFINITIONS, METRIC_KEYS, definitionOf } from "@/lib/insights/definitions";

// Here rather than beside lib/insights/definitions.ts: it reads the source of lib/insights/types.ts
// with node:fs, and lib/ stays free of file-system and database imports.
const typesSource = fs.readFileSync(path.join(__dirname, "../../../lib/insights/types.ts"), "utf8").replace(/\s*\n\s*\*\s*/g, " ");

describe("insights definitions", () => {
  it("gives every duration metric of the report a definition under its own name", () => {
    for (const metric of DURATION_METRICS) {
      expect(METRIC_DEFINITIONS).toHaveProperty(metric);
      expect(definitionOf(metric)).toBe(DURATION_DEFINITIONS[metric].definition);
    }
  });

  it("defines each figure in exactly one sentence with a distinct label", () => {
    const labels = new Set<string>();
    for (const key of METRIC_KEYS) {
      const { label, definition } = METRIC_DEFINITIONS[key];
      expect(label.trim(), key).not.toBe("");
      expect(labels.has(label), `label of ${key} is used twice`).toBe(false);
      labels.add(label);
      expect(definition, key).toMatch(/^[A-Z"].*\.$/);
      // A full stop followed by a capital would start a second sentence.
      expect(definition.slice(0, -1), key).not.toMatch(/\.\s+[A-Z]/);
    }
  });

  it("uses the formulas of DESIGN.md for the durations", () => {
    expect(definitionOf("detect")).toMatch(/^Detected at − started at/);
    expect(definitionOf("acknowledge")).toMatch(/^Acknowledged at − declared at/);
    expect(definitionOf("mitigate")).toMatch(/^Mitigated at − started at/);
    expect(definitionOf("resolve")).toMatch(/^Resolved at − started at/);
    for (const metric of DURATION_METRICS) expect(definitionOf(metric)).toContain("left out and counted");
  });

  it("says the same as the comments of the report type", () => {
    const shared: [keyof typeof METRIC_DEFINITIONS, string][] = [
      ["postmortemsOnTime", "Required postmortems of in-scope incidents: published by the deadline ÷ (on time + late + overdue)"],
      [
        "actionItemsOnTime",
        "Action items due in the period (incidents matching the filters, any start date): done by the end of the due day (UTC) ÷ (done + unfinished past due)",
      ],
      ["actionItemsOverdueNow", "Action items of incidents matching the filters (any date) open or in progress and past due now"],
      ["incidentsOverTime", "Incidents started per week (ranges up to 180 days) or month, by severity"],
      ["durationTrend", "per ISO week (ranges up to 90 days) or month, by the day each incident started"],
      ["services", "Services hit by in-scope incidents, most incidents first (at most 15)"],
      ["impactMinutes", "Minutes from start to mitigation (else resolution) summed over"],
      ["repeats", "ame service and same factor as an earlier incident that started within the 90 days before"],
      ["postmortemsOverdue", "Required, resolved, not published, deadline passed"],
      ["timeToPublish", "Resolution → publication, of published"],
      ["actionItemsFlow", "(created) and closed (done or won't do) per bucket, with the open backlog at the end of each bucket"],
      ["overdueByTeam", 'by the owner\'s team (an owner in several teams counts in each; "No team" otherwise)'],
      ["outOfHours", "eclared outside 09:00–18:00 Monday–Friday in the organisation's time zone"],
      ["reconstructed", "using a timestamp typed in or backdated rather than recorded as it happened"],
    ];
    for (const [key, words] of shared) {
      expect(typesSource, `types.ts no longer says: ${words}`).toContain(words);
      expect(definitionOf(key), key).toContain(words);
    }
  });
});
