import { describe, expect, it } from "vitest";
import {
  NOT_WRITTEN,
  impactSectionDraft,
  postmortemFileName,
  postmortemMarkdown,
  tableCell,
  type MarkdownActionItem,
  type MarkdownIncident,
  type MarkdownPostmortem,
} from "./postmortem-markdown";
import { POSTMORTEM_SECTIONS } from "./postmortem-template";

const at = (iso: string) => Date.parse(iso);

const incident: MarkdownIncident = {
  reference: "INC-42",
  title: "Checkout 5xx in eu-west",
  severity: "SEV2",
  status: "closed",
  startedAt: at("2026-11-25T14:00:00Z"),
  detectedAt: at("2026-11-25T14:05:00Z"),
  declaredAt: at("2026-11-25T14:06:00Z"),
  mitigatedAt: at("2026-11-25T14:45:00Z"),
  resolvedAt: at("2026-11-25T15:30:00Z"),
  closedAt: at("2026-11-27T10:00:00Z"),
};

const postmortem: MarkdownPostmortem = {
  status: "published",
  owner: { name: "Riley Responder" },
  reviewers: [{ name: "Sam Second" }, { name: "Ada Admin" }],
  sections: {
    summary: "Checkout returned 5xx for 45 minutes after a bad deploy.",
    timeline: "- **14:02 UTC** — Declared (Riley Responder)",
    root_causes: "A config default changed in the payments client.",
    action_items: "Add a canary stage.",
  },
  factors: [{ name: "Change / deploy" }, { name: "Monitoring gap" }],
  tags: ["payments", "canary"],
  publishedAt: at("2026-11-27T10:00:00Z"),
};

const actionItems: MarkdownActionItem[] = [
  {
    title: "Add canary stage to deploys",
    ownerName: "Sam Second",
    status: "in_progress",
    priority: "P1",
    dueDate: "2026-12-23",
    trackerUrl: "https://tracker.example/PAY-1",
  },
  { title: "Alert on 5xx | ratio", ownerName: null, status: "done", priority: "P2", dueDate: "2027-01-20", trackerUrl: null },
];

describe("postmortemMarkdown", () => {
  const md = postmortemMarkdown({ incident, postmortem, actionItems });

  it("starts with a title naming the incident", () => {
    expect(md.split("\n")[0]).toBe("# Postmortem: INC-42 — Checkout 5xx in eu-west");
  });

  it("has a metadata table with severity, statuses, owner, reviewers, key times and durations", () => {
    expect(md).toContain("| Severity | SEV2 (Major) |");
    expect(md).toContain("| Incident status | Closed |");
    expect(md).toContain("| Postmortem status | Published |");
    expect(md).toContain("| Owner | Riley Responder |");
    expect(md).toContain("| Reviewers | Sam Second, Ada Admin |");
    expect(md).toContain("| Impact started | 2026-11-25 14:00 UTC |");
    expect(md).toContain("| Resolved | 2026-11-25 15:30 UTC |");
    expect(md).toContain("| Time to detect | 5m |");
    expect(md).toContain("| Time to mitigate | 45m |");
    expect(md).toContain("| Time to resolve | 1h 30m |");
    expect(md).toContain("| Published | 2026-11-27 10:00 UTC |");
  });

  it("has every template section in order; empty ones say they are not written", () => {
    const positions = POSTMORTEM_SECTIONS.map((s) => md.indexOf(`\n## ${s.title}\n`));
    for (const p of positions) expect(p).toBeGreaterThan(0);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(md).toContain("## Summary\n\nCheckout returned 5xx for 45 minutes after a bad deploy.\n");
    expect(md).toContain(`## Trigger\n\n${NOT_WRITTEN}\n`);
    expect(md).toContain("## Timeline\n\n- **14:02 UTC** — Declared (Riley Responder)\n");
    expect(md.match(new RegExp(NOT_WRITTEN.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "g"))).toHaveLength(POSTMORTEM_SECTIONS.length - 4);
  });

  it("lists contributing factors and tags", () => {
    expect(md).toContain("### Contributing factors\n\n- Change / deploy\n- Monitoring gap\n");
    expect(md).toContain("Tags: `payments`, `canary`");
  });

  it("has an action items table with owners, priority and status", () => {
    expect(md).toContain("| Action item | Owner | Priority | Status | Due | Tracker |");
    expect(md).toContain("| Add canary stage to deploys | Sam Second | P1 | In progress | 2026-12-23 | <https://tracker.example/PAY-1> |");
    expect(md).toContain("| Alert on 5xx \\| ratio | Unassigned | P2 | Done | 2027-01-20 | — |");
    expect(md).toContain("1 of 2 closed.");
  });

  it("says when there are no action items, factors or owner", () => {
    const bare = postmortemMarkdown({
      incident: { ...incident, detectedAt: null, mitigatedAt: null, resolvedAt: null, closedAt: null, status: "investigating" },
      postmortem: { ...postmortem, status: "draft", owner: null, reviewers: [], factors: [], tags: [], sections: {}, publishedAt: null },
      actionItems: [],
    });
    expect(bare).toContain("_No action items tracked yet._");
    expect(bare).toContain("### Contributing factors\n\n_None chosen._");
    expect(bare).toContain("| Owner | — |");
    expect(bare).not.toContain("Time to resolve");
    expect(bare).not.toContain("Tags:");
    expect(bare.match(/_Not written yet\._/g)).toHaveLength(POSTMORTEM_SECTIONS.length);
  });

  it("does not call the action items section unwritten while an item is tracked; shows a no-actions note", () => {
    const tracked = postmortemMarkdown({ incident, postmortem: { ...postmortem, sections: { ...postmortem.sections, action_items: "" } }, actionItems });
    expect(tracked).toContain("## Action items\n\n### Tracked action items\n\n1 of 2 closed.");
    const none = postmortemMarkdown({
      incident,
      postmortem: { ...postmortem, sections: {}, noActionItemsReason: "Fixed during the incident." },
      actionItems: [],
    });
    expect(none).toContain("## Action items\n\n### Tracked action items\n\n**No action items needed:** Fixed during the incident.");
  });

  it("marks drills and does not link non-http tracker URLs", () => {
    const md2 = postmortemMarkdown({
      incident: { ...incident, drill: true },
      postmortem,
      actionItems: [{ ...actionItems[0]!, trackerUrl: "javascript:alert(1)" }],
    });
    expect(md2).toContain("> This incident was a drill");
    expect(md2).not.toContain("<javascript:");
  });

  it("keeps section text as written, blank lines included", () => {
    const text = "Line one\n\n\n```\ncode\n```";
    expect(postmortemMarkdown({ incident, postmortem: { ...postmortem, sections: { summary: text } }, actionItems: [] })).toContain(text);
  });
});

describe("helpers", () => {
  it("tableCell escapes pipes and joins lines", () => {
    expect(tableCell("a | b\nc")).toBe("a \\| b c");
    expect(tableCell("")).toBe("—");
    expect(tableCell(null)).toBe("—");
  });
  it("postmortemFileName", () => {
    expect(postmortemFileName("INC-42")).toBe("INC-42-postmortem.md");
  });
});

describe("impactSectionDraft", () => {
  it("lists services with impact, budget spent and durations", () => {
    const text = impactSectionDraft({
      incident,
      services: [
        { name: "Payments API", impact: "full_outage" },
        { name: "Search", impact: "degraded" },
      ],
      sloSpend: [{ serviceName: "Payments API", sloName: "Availability", objective: 99.9, spentMinutes: 45, budgetMinutes: 40.32 }],
    });
    expect(text).toContain("- Payments API: Full outage\n- Search: Degraded");
    expect(text).toContain("- Payments API, SLO “Availability” (99.9 %): 45 min (112 % of its 40.3 min budget)");
    expect(text).toContain("- Time to detect: 5m\n- Time to mitigate: 45m\n- Time to resolve: 1h 30m");
  });

  it("says what is missing", () => {
    const text = impactSectionDraft({ incident: { startedAt: incident.startedAt, resolvedAt: null }, services: [], sloSpend: [] });
    expect(text).toContain("No affected services recorded");
    expect(text).toContain("No SLOs on the affected services");
    expect(text).toContain("- Time to resolve: not recorded");
  });

  it("counts no budget for drills", () => {
    expect(impactSectionDraft({ incident: { ...incident, drill: true }, services: [], sloSpend: [] })).toContain("this incident is a drill");
  });
});
