import type { Incident, TimelineEntry } from "@/db/schema";
import type { TimestampSource } from "../../../lib/incident-status";
import { incidentReference } from "../../../lib/validation/incident";

/** The public API shape of incidents and timeline entries (`/api/v1`): references, ISO times, people by name and email. */

type Person = { name: string; email: string };
type RolePerson = Person & { role: "commander" | "communications" | "scribe" | "responder" };

const SOURCED_FIELDS = ["startedAt", "detectedAt", "acknowledgedAt", "mitigatedAt", "resolvedAt", "closedAt"] as const;
type SourcedField = (typeof SOURCED_FIELDS)[number];

export type IncidentJson = Awaited<ReturnType<typeof incidentCore>> & {
  commander: Person | null;
  communications: Person | null;
  scribe: Person | null;
  responders: Person[];
  /** Affected services with their impact level. */
  services: AffectedServiceJson[];
};

export type AffectedServiceJson = { slug: string; name: string; impact: "degraded" | "partial_outage" | "full_outage" };

export type IncidentListItemJson = Awaited<ReturnType<typeof incidentCore>> & { commander: Person | null };

export type TimelineEntryJson = {
  id: number;
  occurredAt: string;
  kind: TimelineEntry["kind"];
  body: string;
  author: string;
  highlighted: boolean;
  meta: unknown;
  createdAt: string;
};

/** Epoch ms → ISO-8601 UTC, null stays null. */
export function isoOrNull(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : new Date(ms).toISOString();
}

function incidentCore(incident: Incident) {
  const timestampSources = Object.fromEntries(SOURCED_FIELDS.map((field) => [field, incident[`${field}Source`] ?? null])) as Record<
    SourcedField,
    TimestampSource | null
  >;
  return {
    reference: incidentReference(incident.id),
    id: incident.id,
    title: incident.title,
    summary: incident.summary,
    severity: incident.severity,
    status: incident.status,
    private: incident.private,
    drill: incident.drill,
    version: incident.version,
    startedAt: new Date(incident.startedAt).toISOString(),
    detectedAt: isoOrNull(incident.detectedAt),
    declaredAt: new Date(incident.declaredAt).toISOString(),
    acknowledgedAt: isoOrNull(incident.acknowledgedAt),
    mitigatedAt: isoOrNull(incident.mitigatedAt),
    resolvedAt: isoOrNull(incident.resolvedAt),
    closedAt: isoOrNull(incident.closedAt),
    timestampSources,
    // Rows have no created_at: an incident is created when it is declared.
    createdAt: new Date(incident.declaredAt).toISOString(),
    updatedAt: new Date(incident.updatedAt).toISOString(),
  };
}

const person = (p: Person | undefined | null): Person | null => (p ? { name: p.name, email: p.email } : null);

/** A full incident (with the people holding roles on it). */
export function toIncidentJson(incident: Incident & { people: RolePerson[]; services?: AffectedServiceJson[] }): IncidentJson {
  const holder = (role: RolePerson["role"]) => person(incident.people.find((p) => p.role === role));
  return {
    ...incidentCore(incident),
    commander: holder("commander"),
    communications: holder("communications"),
    scribe: holder("scribe"),
    responders: incident.people.filter((p) => p.role === "responder").map((p) => ({ name: p.name, email: p.email })),
    services: (incident.services ?? []).map(({ slug, name, impact }) => ({ slug, name, impact })),
  };
}

/** An incident in a list: the same fields, with the commander only. */
export function toIncidentListItemJson(incident: Incident & { commander: Person | null }): IncidentListItemJson {
  return { ...incidentCore(incident), commander: person(incident.commander) };
}

/** Stored meta is JSON text; anything unparseable is returned as null rather than failing the request. */
function parseMeta(meta: string | null): unknown {
  if (meta === null) return null;
  try {
    return JSON.parse(meta) as unknown;
  } catch {
    return null;
  }
}

export function toTimelineEntryJson(entry: TimelineEntry): TimelineEntryJson {
  return {
    id: entry.id,
    occurredAt: new Date(entry.occurredAt).toISOString(),
    kind: entry.kind,
    body: entry.body,
    author: entry.authorLabel,
    highlighted: entry.highlighted,
    meta: parseMeta(entry.meta),
    createdAt: new Date(entry.createdAt).toISOString(),
  };
}
