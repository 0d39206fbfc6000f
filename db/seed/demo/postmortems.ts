// The demo's postmortems: which demo incidents have one, in which state, and their text.
// Published ones read like a real, blameless write-up; a few are in review or still drafts,
// and two required ones (SEV2) are left without any, so "due" and "overdue" show.
// The text is in content/postmortems.json. db/seed/demo/write-postmortems.ts writes them; db/seed/demo/seed-demo.test.ts checks the picture.
import { z } from "zod";
import { formatDuration } from "../../../lib/format-time";
import { IMPACT_LABEL, type ImpactLevel } from "../../../lib/error-budget";
import { generateTimelineSection, type TimelineSectionEntry } from "../../../lib/postmortem-timeline";
import {
  DEFAULT_FACTORS,
  POSTMORTEM_SECTIONS,
  REVIEW_CHECKLIST,
  SECTION_KEYS,
  type PostmortemSectionKey,
  type ReviewCheckKey,
} from "../../../lib/postmortem-template";
import postmortemsJson from "./content/postmortems.json";
import { oneOf, personKey } from "./one-of";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

const sectionKey = oneOf<PostmortemSectionKey>(SECTION_KEYS);
const THEME_NAMES = ["deploy", "config", "capacity", "dependency", "certificate", "dns", "database", "queue", "security"] as const;

/** The incident-specific part of a write-up; the theme adds the lessons such incidents share. */
const facts = z.object({
  impact: z.string(),
  causes: z.array(z.string()),
  trigger: z.string(),
  detection: z.string(),
  response: z.string(),
  wentWell: z.array(z.string()),
  wentWrong: z.array(z.string()),
  lucky: z.string(),
  surprised: z.string(),
  lessons: z.array(z.string()),
});

const common = z.object({
  theme: z.enum(THEME_NAMES),
  owner: personKey,
  reviewers: z.array(personKey),
  /** Names from the default taxonomy (lib/postmortem-template.ts DEFAULT_FACTORS). */
  factors: z.array(oneOf(DEFAULT_FACTORS.map((f) => f.name))),
  tags: z.array(z.string()),
  facts,
  /** Hours after resolution the owner started the postmortem. */
  startAfterHours: z.number(),
  /** `after`: days after the postmortem was started. */
  comments: z.array(z.object({ section: z.union([sectionKey, z.literal("review")]), by: personKey, body: z.string(), after: z.number() })).optional(),
});

const demoPostmortemSpec = z.discriminatedUnion("state", [
  common.extend({
    state: z.literal("published"),
    /** Days after resolution it was published (and the incident closed). Over 7 is late. */
    publishAfterDays: z.number(),
    publishedBy: personKey,
  }),
  common.extend({
    state: z.literal("in_review"),
    /** Days after resolution it was sent to review. */
    submitAfterDays: z.number(),
    checks: z.array(oneOf<ReviewCheckKey>(REVIEW_CHECKLIST.map((c) => c.key))),
  }),
  common.extend({
    state: z.literal("draft"),
    /** Sections written so far; the rest are still empty. */
    written: z.array(sectionKey),
    /** Days after resolution of the last save. */
    lastEditAfterDays: z.number(),
    /** Sent to review and returned to draft with a comment (days after resolution). */
    returned: z.object({ submitAfterDays: z.number(), returnAfterDays: z.number(), by: personKey, comment: z.string() }).optional(),
    /** Replaces the generated text of a section (the draft's own wording). */
    override: z.partialRecord(sectionKey, z.string()).optional(),
  }),
]);
export type DemoPostmortemSpec = z.infer<typeof demoPostmortemSpec>;
export type DemoPostmortemState = DemoPostmortemSpec["state"];

const demoPostmortems = z.object({
  /** The lessons incidents of one kind share, added to each write-up of that theme. */
  themes: z.record(z.enum(THEME_NAMES), z.object({ wentWell: z.string(), wentWrong: z.string(), lesson: z.string() })),
  /**
   * Required (SEV2) but not started: left resolved, so the postmortem shows as overdue (the
   * renewals incident, three weeks ago) and as due (the confirmations backlog, two days ago).
   */
  missing: z.array(z.string()),
  /** By incident title (db/seed/demo/scenarios.ts). Incidents not listed have no postmortem. */
  postmortems: z.record(z.string(), demoPostmortemSpec),
});

const data = demoPostmortems.parse(postmortemsJson);
const THEMES = data.themes;
export const DEMO_POSTMORTEMS = data.postmortems;
export const DEMO_POSTMORTEMS_MISSING = data.missing;

/**
 * When a demo incident that the plan would close (resolved over ten days ago) is closed:
 * when its postmortem was published, never while the postmortem is in draft or review,
 * and at the usual time for incidents without one. Clamped to before `now`.
 */
export function demoCloseAt(incident: { title: string; resolvedAt: number | null }, usualCloseAt: number, now: number): number | null {
  const spec = DEMO_POSTMORTEMS[incident.title];
  if (DEMO_POSTMORTEMS_MISSING.includes(incident.title)) return null;
  if (!spec) return usualCloseAt;
  if (spec.state !== "published" || incident.resolvedAt === null) return null;
  return Math.min(incident.resolvedAt + Math.round(spec.publishAfterDays * DAY), now - HOUR);
}

/** The moments of a postmortem's life, from its incident's times. */
export type DemoPostmortemTimes = {
  createdAt: number;
  submittedAt: number | null;
  returnedAt: number | null;
  publishedAt: number | null;
  updatedAt: number;
};

export function demoPostmortemTimes(spec: DemoPostmortemSpec, incident: { resolvedAt: number; closedAt: number | null }, now: number): DemoPostmortemTimes {
  const clamp = (t: number) => Math.min(t, now - HOUR);
  const createdAt = clamp(incident.resolvedAt + Math.round(spec.startAfterHours * HOUR));
  const after = (days: number) => clamp(incident.resolvedAt + Math.round(days * DAY));
  switch (spec.state) {
    case "published": {
      if (incident.closedAt === null) throw new Error("A published demo postmortem needs a closed incident");
      // Published a few minutes before the incident was closed (the plan's closing note follows).
      const publishedAt = incident.closedAt - 5 * 60_000;
      const submittedAt = createdAt + Math.round((publishedAt - createdAt) * 0.7);
      return { createdAt, submittedAt, returnedAt: null, publishedAt, updatedAt: publishedAt };
    }
    case "in_review": {
      const submittedAt = Math.max(createdAt + HOUR, after(spec.submitAfterDays));
      return { createdAt, submittedAt, returnedAt: null, publishedAt: null, updatedAt: submittedAt };
    }
    case "draft": {
      const submittedAt = spec.returned ? after(spec.returned.submitAfterDays) : null;
      const returnedAt = spec.returned ? after(spec.returned.returnAfterDays) : null;
      return { createdAt, submittedAt, returnedAt, publishedAt: null, updatedAt: Math.max(createdAt, after(spec.lastEditAfterDays)) };
    }
  }
}

export type DemoPostmortemContext = {
  incident: {
    summary: string;
    severity: string;
    startedAt: number;
    detectedAt: number | null;
    detectedAtSource: string | null;
    declaredAt: number;
    /** Later than declaredAt when the alerting integration declared it and a person took it afterwards. */
    acknowledgedAt: number | null;
    mitigatedAt: number | null;
    resolvedAt: number;
  };
  services: { name: string; impact: ImpactLevel }[];
  /** The incident's highlighted timeline entries (and its status and severity moves). */
  highlighted: TimelineSectionEntry[];
  actionItems: { title: string; priority: string; kind: string; ownerName: string; dueDate: string }[];
};

const bullets = (lines: string[]) => lines.map((line) => `- ${line}`).join("\n");
const clock = (ms: number) => new Date(ms).toISOString().slice(11, 16) + " UTC";
const formatDue = (date: string) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** Every section's markdown (empty where a draft has not got to yet). */
export function demoPostmortemSections(spec: DemoPostmortemSpec, ctx: DemoPostmortemContext): Record<PostmortemSectionKey, string> {
  const { incident } = ctx;
  const theme = THEMES[spec.theme];
  const f = spec.facts;
  const impactEnd = incident.mitigatedAt ?? incident.resolvedAt;
  const lasted = formatDuration(impactEnd - incident.startedAt);
  const detected = incident.detectedAt ?? incident.declaredAt;

  // Declared by the alerting integration, then taken by the on-call person (acknowledged) some minutes later.
  const paged = incident.acknowledgedAt !== null && incident.acknowledgedAt > incident.declaredAt ? incident.acknowledgedAt : null;

  // The generated timeline, plus the moments responders add by hand: when impact began, the first signal
  // and, for a paged incident, when the page was picked up.
  const added: TimelineSectionEntry[] = [];
  if (incident.startedAt < incident.declaredAt)
    added.push({ occurredAt: incident.startedAt, body: "Impact begins (established afterwards from logs and metrics).", authorLabel: "", kind: "note" });
  if (detected < incident.declaredAt) {
    const signal = incident.detectedAtSource === "manual" ? "First report reaches us from customers or support." : "First alert fires.";
    added.push({ occurredAt: detected, body: signal, authorLabel: "", kind: "note" });
  }
  if (paged !== null) added.push({ occurredAt: paged, body: "The on-call engineer acknowledges the page and takes command.", authorLabel: "", kind: "note" });

  const sections: Record<PostmortemSectionKey, string> = {
    summary: `${incident.summary}\n\nCustomer impact lasted about ${lasted}; the incident was a ${incident.severity} and was resolved ${formatDuration(incident.resolvedAt - incident.declaredAt)} after it was declared.`,
    impact: [
      f.impact,
      "",
      `- **Duration:** ${clock(incident.startedAt)} to ${clock(impactEnd)} (${lasted})`,
      `- **Time to detect:** ${formatDuration(detected - incident.startedAt)}; **time to mitigate:** ${lasted}`,
      ctx.services.length ? `- **Services:** ${ctx.services.map((s) => `${s.name} (${IMPACT_LABEL[s.impact].toLowerCase()})`).join(", ")}` : null,
    ]
      .filter((line) => line !== null)
      .join("\n"),
    timeline: generateTimelineSection([...added, ...ctx.highlighted]),
    root_causes: [bullets(f.causes), "", `**Contributing factors:** ${spec.factors.join(", ")}.`].join("\n"),
    trigger: f.trigger,
    detection: `${f.detection}\n\nTime from impact to first signal: ${formatDuration(detected - incident.startedAt)}; to declaring: ${formatDuration(incident.declaredAt - incident.startedAt)}.${
      paged === null
        ? ""
        : ` The alerting integration declared it; the on-call engineer acknowledged the page ${formatDuration(paged - incident.declaredAt)} later.`
    }`,
    response: f.response,
    went_well: bullets([...f.wentWell, theme.wentWell]),
    went_wrong: bullets([...f.wentWrong, theme.wentWrong]),
    lucky: f.lucky,
    surprised: f.surprised,
    lessons: bullets([...f.lessons, theme.lesson]),
    action_items: ctx.actionItems.length
      ? [
          "Tracked in the action items list, each with an owner and a due date:",
          "",
          bullets(ctx.actionItems.map((a) => `**${a.priority}** · ${a.kind} — ${a.title} (${a.ownerName}, due ${formatDue(a.dueDate)})`)),
        ].join("\n")
      : "No follow-up work beyond what was fixed during the incident.",
  };

  if (spec.state !== "draft") return sections;
  const draft = Object.fromEntries(POSTMORTEM_SECTIONS.map((s) => [s.key, ""])) as Record<PostmortemSectionKey, string>;
  for (const key of spec.written) draft[key] = spec.override?.[key] ?? sections[key];
  return draft;
}
