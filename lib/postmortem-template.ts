/** The blameless postmortem template (DESIGN.md), each section with a prompt saying what good content looks like. */
export const POSTMORTEM_SECTIONS = [
  { key: "summary", title: "Summary", prompt: "Two or three sentences a newcomer can read: what happened, who was affected, how it ended." },
  {
    key: "impact",
    title: "Impact",
    prompt: "Who and what was affected, for how long, how badly: customers, requests, revenue, SLO budget spent. Numbers beat adjectives.",
  },
  {
    key: "timeline",
    title: "Timeline",
    prompt: "Key moments in order, with times (UTC). Generated from the key times, status and severity changes and highlighted entries; edit freely.",
  },
  {
    key: "root_causes",
    title: "Root causes and contributing factors",
    prompt: "The conditions that made this possible. Ask why until you reach systems and processes, not people.",
  },
  { key: "trigger", title: "Trigger", prompt: "The change or event that set it off (a deploy, a config push, a traffic spike, a dependency failure)." },
  {
    key: "detection",
    title: "Detection",
    prompt: "How we found out: alert, customer report, by chance? How long after impact began? What would have caught it sooner?",
  },
  { key: "response", title: "Response and recovery", prompt: "What responders did, in what order, what helped and what slowed them down." },
  { key: "went_well", title: "What went well", prompt: "Tools, habits and decisions worth keeping." },
  { key: "went_wrong", title: "What went wrong", prompt: "Gaps in systems, tooling, documentation or process — not in people." },
  { key: "lucky", title: "Where we got lucky", prompt: "Things that limited the damage by chance and will not next time." },
  { key: "surprised", title: "Why we were surprised", prompt: "Which assumptions about the system turned out wrong?" },
  { key: "lessons", title: "Lessons learned", prompt: "What the organisation now knows that it did not before." },
  { key: "action_items", title: "Action items", prompt: "Summarise the follow-up work; track each item in the action items list with an owner and due date." },
] as const;
export type PostmortemSectionKey = (typeof POSTMORTEM_SECTIONS)[number]["key"];
export const SECTION_KEYS = POSTMORTEM_SECTIONS.map((s) => s.key) as PostmortemSectionKey[];
export const SECTION_MAX = 50_000;

/** Google's review questions (DESIGN.md), ticked by the reviewer. */
export const REVIEW_CHECKLIST = [
  { key: "data", label: "Was the key data for the incident collected for posterity?" },
  { key: "impact", label: "Are the impact assessments complete?" },
  { key: "causes", label: "Was the root cause analysis deep enough?" },
  { key: "actions", label: "Are the action items appropriate and at the right priority?" },
  { key: "stakeholders", label: "Were the outcomes shared with the relevant stakeholders?" },
] as const;
export type ReviewCheckKey = (typeof REVIEW_CHECKLIST)[number]["key"];

export const POSTMORTEM_STATUSES = ["draft", "in_review", "published"] as const;
export type PostmortemStatus = (typeof POSTMORTEM_STATUSES)[number];
export const POSTMORTEM_STATUS_LABEL: Record<PostmortemStatus, string> = { draft: "Draft", in_review: "In review", published: "Published" };

/** Default taxonomy of contributing factors (DESIGN.md); admins edit it. */
export const DEFAULT_FACTORS = [
  { name: "Change / deploy", description: "A code or infrastructure change introduced the fault" },
  { name: "Configuration", description: "A configuration value or feature flag was wrong" },
  { name: "Capacity", description: "Load exceeded what the system could handle" },
  { name: "Dependency", description: "An internal or third-party dependency failed" },
  { name: "Monitoring gap", description: "Detection was late or missing" },
  { name: "Process", description: "A runbook, review or handover did not work as intended" },
  { name: "Unknown", description: "Not yet understood" },
] as const;
