// The shapes of the API's JSON answers as the e2e specs read them, in one place. Kept on the
// e2e side on purpose (not imported from the app's serializers) so the tests pin the API contract.

export type IncidentJson = {
  reference: string;
  id: number;
  title: string;
  summary: string;
  severity: string;
  status: string;
  private: boolean;
  drill: boolean;
  version: number;
  startedAt: string;
  detectedAt: string | null;
  declaredAt: string;
  acknowledgedAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  timestampSources: Record<string, string | null>;
  commander: { name: string; email: string } | null;
  communications: { name: string; email: string } | null;
  scribe: { name: string; email: string } | null;
  responders: { name: string; email: string }[];
  createdAt: string;
  updatedAt: string;
};

export type TimelineEntryJson = {
  id: number;
  occurredAt: string;
  kind: string;
  body: string;
  author: string;
  highlighted: boolean;
  meta: { field?: string; from?: unknown; to?: unknown } | null;
};

export type ErrorJson = { error: { code: string; message: string; fields?: Record<string, string> } };

export type Person = { id: number; name: string; email: string };

export type PostmortemJson = {
  id: number;
  incident: string;
  status: "draft" | "in_review" | "published";
  version: number;
  owner: Person | null;
  sections: Record<string, string>;
  factors: { id: number; name: string }[];
  tags: string[];
  reviewers: Person[];
  reviewChecklist: Record<string, boolean>;
  comments: { id: number; section: string; body: string; author: string; createdAt: string }[];
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
  noActionItemsReason: string | null;
  due: { state: string; dueAt: string | null };
};

export type PostmortemListItemJson = {
  incident: { reference: string; title: string; severity: string; status: string; drill: boolean; resolvedAt: string | null };
  postmortemId: number | null;
  status: string;
  owner: string | null;
  due: { state: string; dueAt: string | null };
  updatedAt: string | null;
  publishedAt: string | null;
};

export type ActionItemJson = {
  id: number;
  incident: { reference: string; title: string };
  title: string;
  description: string;
  owner: { id: number; name: string; email: string } | null;
  dueDate: string;
  priority: string;
  kind: string;
  status: string;
  overdue: boolean;
  daysOverdue: number;
  trackerUrl: string | null;
  service: { id: number; slug: string; name: string } | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
};

export type BudgetJson = {
  budgetMinutes: number;
  spentMinutes: number;
  remainingMinutes: number;
  remainingPercent: number;
  status: "healthy" | "at_risk" | "exhausted";
  windowStart: string;
  windowEnd: string;
  incidents: { reference: string | null; title: string | null; minutes: number; overridden: boolean }[];
};

export type SloJson = { id: number; name: string; sliDescription: string; objective: number; windowDays: number; version: number; budget: BudgetJson };

export type ServiceJson = {
  slug: string;
  name: string;
  description: string;
  team: { id: number; name: string } | null;
  tier: number;
  runbookUrl: string | null;
  links: { label: string; url: string }[];
  version: number;
  openIncidents: number;
  worstStatus: string | null;
  createdAt: string;
  updatedAt: string;
  slos?: SloJson[];
};

export type LinkedServiceJson = { slug: string; name: string; tier: number; impact: string; linkedAt: string };

export type ChecklistItemJson = {
  id: number;
  text: string;
  link: string | null;
  playbook: string;
  position: number;
  done: boolean;
  doneAt: string | null;
  doneBy: string | null;
  autoCheck: string | null;
};

export type ChecklistJson = { items: ChecklistItemJson[]; progress: { done: number; total: number } };

export type PlaybookJson = {
  id: number;
  name: string;
  severities: string[];
  services: { slug: string; name: string }[];
  enabled: boolean;
  version: number;
  items: { position: number; text: string; link: string | null; autoCheck: string | null }[];
};

/** GET /api/v1/search. */
export type SearchJson = {
  incidents: { reference: string; title: string; severity: string; status: string }[];
  services: { slug: string; name: string }[];
  people: { id: number; name: string; email: string }[];
};

/** An item of GET /api/v1/incidents/{ref}/slo-spend: what the incident spent of one SLO's budget. */
export type SpendJson = {
  slo: { id: number; name: string; objective: number; windowDays: number };
  service: { slug: string; name: string };
  budgetMinutes: number;
  spentMinutes: number;
  overridden: { minutes: number; reason: string } | null;
  status: string;
  pushed: boolean;
};
