import { POSTMORTEM_SECTIONS, POSTMORTEM_STATUS_LABEL, type PostmortemSectionKey, type PostmortemStatus } from "./postmortem-template";
import { formatDuration, formatUtc } from "./format-time";
import { SEVERITY_INFO, isSeverity } from "./severity";
import { STATUS_INFO, isStatus } from "./incident-status";
import { actionItemsSectionContent } from "./postmortem-action-items";

/** What the Markdown export needs; PostmortemDetail and the incident row fit these shapes. */
export type MarkdownIncident = {
  reference: string;
  title: string;
  severity: string;
  status: string;
  drill?: boolean;
  startedAt: number;
  detectedAt?: number | null;
  declaredAt?: number | null;
  mitigatedAt?: number | null;
  resolvedAt?: number | null;
  closedAt?: number | null;
};

export type MarkdownPostmortem = {
  status: PostmortemStatus;
  owner: { name: string } | null;
  reviewers: { name: string }[];
  sections: Partial<Record<PostmortemSectionKey, string>>;
  factors: { name: string }[];
  tags: string[];
  publishedAt: number | null;
  noActionItemsReason?: string | null;
};

export type MarkdownActionItem = {
  title: string;
  ownerName: string | null;
  status: string;
  priority: string;
  dueDate: string;
  trackerUrl: string | null;
};

export const NOT_WRITTEN = "_Not written yet._";

const ACTION_STATUS_LABEL: Record<string, string> = { open: "Open", in_progress: "In progress", done: "Done", wont_do: "Won't do" };

/** Text safe inside one Markdown table cell: no line breaks, pipes escaped. */
export function tableCell(text: string | null | undefined): string {
  if (text === null || text === undefined || text === "") return "—";
  return (
    text
      .replace(/\s*\r?\n\s*/g, " ")
      .replace(/\\/g, "\\\\")
      .replace(/\|/g, "\\|")
      .trim() || "—"
  );
}

/** Text for a heading line: one line, no leading "#" that would change the level. */
function headingText(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, " ").trim();
}

function trackerLink(url: string | null): string {
  if (!url) return "—";
  if (/^https?:\/\/[^\s<>]+$/i.test(url)) return `<${url}>`;
  return tableCell(url);
}

function duration(from: number | null | undefined, to: number | null | undefined): string | null {
  if (from === null || from === undefined || to === null || to === undefined || to < from) return null;
  return formatDuration(to - from);
}

/**
 * The postmortem as one Markdown document: title, a metadata table, every template section
 * in order (empty ones say "_Not written yet._"), contributing factors and tags under root
 * causes, and the tracked action items (owner, priority, status, due date, tracker link)
 * under the action items section.
 */
export function postmortemMarkdown({
  incident,
  postmortem,
  actionItems,
}: {
  incident: MarkdownIncident;
  postmortem: MarkdownPostmortem;
  actionItems: MarkdownActionItem[];
}): string {
  const out: string[] = [];
  out.push(`# Postmortem: ${headingText(incident.reference)} — ${headingText(incident.title)}`, "");
  if (incident.drill) out.push("> This incident was a drill (game day or exercise).", "");

  const severity = isSeverity(incident.severity) ? `${incident.severity} (${SEVERITY_INFO[incident.severity].label})` : incident.severity;
  const incidentStatus = isStatus(incident.status) ? STATUS_INFO[incident.status].label : incident.status;
  const rows: [string, string][] = [
    ["Incident", incident.reference],
    ["Severity", severity],
    ["Incident status", incidentStatus],
    ["Postmortem status", POSTMORTEM_STATUS_LABEL[postmortem.status] ?? postmortem.status],
    ["Owner", postmortem.owner?.name ?? ""],
    ["Reviewers", postmortem.reviewers.map((r) => r.name).join(", ")],
    ["Impact started", formatUtc(incident.startedAt)],
  ];
  if (incident.detectedAt != null) rows.push(["Detected", formatUtc(incident.detectedAt)]);
  if (incident.mitigatedAt != null) rows.push(["Mitigated", formatUtc(incident.mitigatedAt)]);
  if (incident.resolvedAt != null) rows.push(["Resolved", formatUtc(incident.resolvedAt)]);
  if (incident.closedAt != null) rows.push(["Closed", formatUtc(incident.closedAt)]);
  const toDetect = duration(incident.startedAt, incident.detectedAt);
  const toMitigate = duration(incident.startedAt, incident.mitigatedAt);
  const toResolve = duration(incident.startedAt, incident.resolvedAt);
  if (toDetect) rows.push(["Time to detect", toDetect]);
  if (toMitigate) rows.push(["Time to mitigate", toMitigate]);
  if (toResolve) rows.push(["Time to resolve", toResolve]);
  if (postmortem.publishedAt != null) rows.push(["Published", formatUtc(postmortem.publishedAt)]);
  out.push("| | |", "|---|---|", ...rows.map(([k, v]) => `| ${k} | ${tableCell(v)} |`), "");

  const actions = actionItemsSectionContent({
    text: postmortem.sections.action_items,
    items: actionItems,
    noActionItemsReason: postmortem.noActionItemsReason,
  });
  for (const section of POSTMORTEM_SECTIONS) {
    out.push(`## ${section.title}`, "");
    const text = (postmortem.sections[section.key] ?? "").trim();
    if (text || section.key !== "action_items" || !actions.written) out.push(text || NOT_WRITTEN, "");
    if (section.key === "root_causes") {
      out.push("### Contributing factors", "");
      out.push(postmortem.factors.length ? postmortem.factors.map((f) => `- ${headingText(f.name)}`).join("\n") : "_None chosen._", "");
      if (postmortem.tags.length) out.push(`Tags: ${postmortem.tags.map((t) => `\`${t.replace(/`/g, "'")}\``).join(", ")}`, "");
    }
    if (section.key === "action_items") {
      out.push("### Tracked action items", "");
      if (actions.noActionItemsReason) {
        out.push(`**No action items needed:** ${actions.noActionItemsReason}`, "");
      } else if (!actions.items.length) {
        out.push("_No action items tracked yet._", "");
      } else {
        out.push(`${actions.closed} of ${actions.items.length} closed.`, "");
        out.push("| Action item | Owner | Priority | Status | Due | Tracker |", "|---|---|---|---|---|---|");
        for (const item of actions.items) {
          out.push(
            `| ${tableCell(item.title)} | ${tableCell(item.ownerName ?? "Unassigned")} | ${tableCell(item.priority)} | ${tableCell(ACTION_STATUS_LABEL[item.status] ?? item.status)} | ${tableCell(item.dueDate)} | ${trackerLink(item.trackerUrl)} |`,
          );
        }
        out.push("");
      }
    }
  }
  return out.join("\n").trimEnd() + "\n";
}

/** A file name for the download: "INC-42-postmortem.md". */
export function postmortemFileName(reference: string): string {
  return `${reference.replace(/[^A-Za-z0-9-]/g, "")}-postmortem.md`;
}

const IMPACT_NAMES: Record<string, string> = { degraded: "Degraded", partial_outage: "Partial outage", full_outage: "Full outage" };

function minutesText(minutes: number): string {
  const rounded = Math.round(minutes * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded : rounded.toFixed(1)} min`;
}

/**
 * The first draft of the impact section: affected services with their impact level, the
 * error budget each SLO spent, and the key durations. Authors edit it from there.
 */
export function impactSectionDraft({
  incident,
  services,
  sloSpend,
}: {
  incident: Pick<MarkdownIncident, "startedAt" | "detectedAt" | "mitigatedAt" | "resolvedAt" | "drill">;
  services: { name: string; impact: string }[];
  sloSpend: { serviceName: string; sloName: string; objective: number; spentMinutes: number; budgetMinutes: number; overridden?: unknown }[];
}): string {
  const out: string[] = ["**Affected services**", ""];
  if (services.length) for (const s of services) out.push(`- ${s.name}: ${IMPACT_NAMES[s.impact] ?? s.impact}`);
  else out.push("- No affected services recorded on the incident.");
  out.push("", "**Error budget spent**", "");
  if (incident.drill) out.push("- None: this incident is a drill, left out of every budget.");
  else if (sloSpend.length) {
    for (const s of sloSpend) {
      const share = s.budgetMinutes > 0 ? ` (${Math.round((s.spentMinutes / s.budgetMinutes) * 100)} % of its ${minutesText(s.budgetMinutes)} budget)` : "";
      out.push(`- ${s.serviceName}, SLO “${s.sloName}” (${s.objective} %): ${minutesText(s.spentMinutes)}${share}${s.overridden ? ", set by hand" : ""}`);
    }
  } else out.push("- No SLOs on the affected services.");
  out.push("", "**Durations**", "");
  const line = (label: string, to: number | null | undefined) => {
    const d = duration(incident.startedAt, to);
    out.push(`- ${label}: ${d ?? "not recorded"}`);
  };
  line("Time to detect", incident.detectedAt);
  line("Time to mitigate", incident.mitigatedAt);
  line("Time to resolve", incident.resolvedAt);
  return out.join("\n");
}
