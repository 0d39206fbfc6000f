import type { Service, Slo } from "@/db/schema";
import type { IncidentSloSpend } from "@/db/queries/incidents/slo-spend";
import type { BudgetResult, BudgetStatus, ImpactLevel } from "../../../lib/error-budget";
import { incidentReference } from "../../../lib/validation/incident";

/** The public API shape of services, SLOs with their budgets, and incident ↔ service links (`/api/v1`). */

type Link = { label: string; url: string };

/** A service as the catalogue queries return it: links parsed, with its team's name and live figures. */
export type ServiceLike = Omit<Service, "links"> & {
  links: Link[];
  teamName: string | null;
  openIncidents: number;
  worstStatus: BudgetStatus | null;
  sloCount?: number;
};

export type BudgetJson = {
  budgetMinutes: number;
  spentMinutes: number;
  remainingMinutes: number;
  remainingPercent: number;
  status: BudgetStatus;
  windowStart: string;
  windowEnd: string;
  /** The incidents that spent it; one the reader may not see has no reference or title. */
  incidents: { reference: string | null; title: string | null; minutes: number; overridden: boolean }[];
};

export type SloJson = {
  id: number;
  name: string;
  sliDescription: string;
  objective: number;
  windowDays: number;
  version: number;
  budget: BudgetJson;
  createdAt: string;
  updatedAt: string;
};

export type ServiceJson = {
  slug: string;
  name: string;
  description: string;
  team: { id: number; name: string } | null;
  tier: number;
  runbookUrl: string | null;
  links: Link[];
  version: number;
  openIncidents: number;
  worstStatus: BudgetStatus | null;
  sloCount: number | null;
  createdAt: string;
  updatedAt: string;
};

/** Minutes and percents in JSON: two decimals, and never a non-finite number (JSON has none). */
export function round2(value: number): number {
  if (Number.isNaN(value)) return 0;
  if (!Number.isFinite(value)) return value > 0 ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? 0 : rounded;
}

export function toServiceJson(service: ServiceLike): ServiceJson {
  return {
    slug: service.slug,
    name: service.name,
    description: service.description,
    team: service.teamId !== null && service.teamName !== null ? { id: service.teamId, name: service.teamName } : null,
    tier: service.tier,
    runbookUrl: service.runbookUrl,
    links: service.links.map((l) => ({ label: l.label, url: l.url })),
    version: service.version,
    openIncidents: service.openIncidents,
    worstStatus: service.worstStatus,
    sloCount: service.sloCount ?? null,
    createdAt: new Date(service.createdAt).toISOString(),
    updatedAt: new Date(service.updatedAt).toISOString(),
  };
}

/**
 * `visible`: the incidents the reader may see (id → title). Without it every incident is
 * shown by reference; with it, the others appear without reference or title.
 */
export function toBudgetJson(budget: BudgetResult, visible?: Map<number, { title: string }>): BudgetJson {
  return {
    budgetMinutes: round2(budget.budgetMinutes),
    spentMinutes: round2(budget.spentMinutes),
    remainingMinutes: round2(budget.remainingMinutes),
    remainingPercent: round2(budget.remainingPercent),
    status: budget.status,
    windowStart: new Date(budget.windowStart).toISOString(),
    windowEnd: new Date(budget.windowEnd).toISOString(),
    incidents: budget.byIncident.map((i) => {
      const shown = !visible || visible.has(i.incidentId);
      return {
        reference: shown ? incidentReference(i.incidentId) : null,
        title: visible?.get(i.incidentId)?.title ?? null,
        minutes: round2(i.minutes),
        overridden: i.overridden,
      };
    }),
  };
}

export function toSloJson(slo: Slo & { budget: BudgetResult }, visible?: Map<number, { title: string }>): SloJson {
  return {
    id: slo.id,
    name: slo.name,
    sliDescription: slo.sliDescription,
    objective: slo.objective,
    windowDays: slo.windowDays,
    version: slo.version,
    budget: toBudgetJson(slo.budget, visible),
    createdAt: new Date(slo.createdAt).toISOString(),
    updatedAt: new Date(slo.updatedAt).toISOString(),
  };
}

export function toServiceDetailJson(
  service: ServiceLike & { slos: (Slo & { budget: BudgetResult })[] },
  visible?: Map<number, { title: string }>,
): ServiceJson & { slos: SloJson[] } {
  return { ...toServiceJson(service), slos: service.slos.map((s) => toSloJson(s, visible)) };
}

export type LinkedServiceLike = { slug: string; name: string; tier: number; teamName: string | null; impact: ImpactLevel; linkedAt: number };
export type LinkedServiceJson = { slug: string; name: string; tier: number; teamName: string | null; impact: ImpactLevel; linkedAt: string };

/** A service an incident affects, with the impact level. */
export function toLinkedServiceJson(link: LinkedServiceLike): LinkedServiceJson {
  return { slug: link.slug, name: link.name, tier: link.tier, teamName: link.teamName, impact: link.impact, linkedAt: new Date(link.linkedAt).toISOString() };
}

export type SloSpendJson = {
  slo: { id: number; name: string; objective: number; windowDays: number };
  service: { slug: string; name: string };
  budgetMinutes: number;
  spentMinutes: number;
  overridden: { minutes: number; reason: string } | null;
  status: BudgetStatus;
  /** This incident's spend moved the SLO to at risk or exhausted. */
  pushed: boolean;
};

/** One SLO's spend from one incident. */
export function toSloSpendJson(spend: IncidentSloSpend): SloSpendJson {
  return {
    slo: { id: spend.sloId, name: spend.sloName, objective: spend.objective, windowDays: spend.windowDays },
    service: { slug: spend.serviceSlug, name: spend.serviceName },
    budgetMinutes: round2(spend.budgetMinutes),
    spentMinutes: round2(spend.spentMinutes),
    overridden: spend.overridden ? { minutes: round2(spend.overridden.minutes), reason: spend.overridden.reason } : null,
    status: spend.status,
    pushed: spend.pushed,
  };
}
