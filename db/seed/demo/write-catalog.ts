// The demo's teams, services with SLOs, and the services each demo incident affected
// (db/seed/demo/catalog.ts). Runs inside seedDemo's transaction.
import { eq, sql } from "drizzle-orm";
import { IMPACT_LABEL } from "@/lib/error-budget";
import { DEMO_INCIDENT_SERVICES, DEMO_SERVICES, DEMO_TEAMS, dashboardUrl, runbookUrl } from "@/db/seed/demo/catalog";
import type { DemoPersonKey } from "@/db/seed/demo/people";
import type { PlannedIncident } from "@/db/seed/demo/plan";
import type { Writer } from "../../types";
import { auditLog, incidentServices, services, sloSpendOverrides, slos, teamMembers, teams, timelineEntries } from "../../schema";

type Person = { id: number; name: string };
/** Who wrote a row: a person, or an API token (the alerting integration), with the label the app shows. */
export type DemoWriter = { userId: number | null; tokenId: number | null; label: string };
const MIN = 60_000;

export type DemoCatalog = {
  teams: number;
  services: number;
  slos: number;
  serviceBySlug: Map<string, { id: number; name: string; slos: Map<string, number> }>;
};

/** Teams (reused by name), services (reused by slug, with their SLOs left as they are) and SLOs. */
export async function seedCatalog(tx: Writer, who: (key: DemoPersonKey) => Person, at: number): Promise<DemoCatalog> {
  const system = async (action: string, entityType: string, entityId: string, after: unknown) =>
    await tx.insert(auditLog).values({ at, actorLabel: "system", action, entityType, entityId, after: JSON.stringify(after) });
  const teamIds = new Map<string, number>();
  let teamCount = 0;
  for (const team of DEMO_TEAMS) {
    const found = (
      await tx
        .select({ id: teams.id })
        .from(teams)
        .where(sql`lower(${teams.name}) = lower(${team.name})`)
    )[0];
    if (found) {
      teamIds.set(team.name, found.id);
      continue;
    }
    const row = (await tx.insert(teams).values({ name: team.name, createdAt: at, updatedAt: at }).returning({ id: teams.id }))[0]!;
    teamIds.set(team.name, row.id);
    teamCount += 1;
    for (const member of team.members) await tx.insert(teamMembers).values({ teamId: row.id, userId: who(member).id, addedAt: at });
    await system("team.create", "team", String(row.id), { name: team.name, members: team.members.length, demo: true });
  }

  const serviceBySlug: DemoCatalog["serviceBySlug"] = new Map();
  let serviceCount = 0;
  let sloCount = 0;
  for (const service of DEMO_SERVICES) {
    const found = (await tx.select({ id: services.id, name: services.name }).from(services).where(eq(services.slug, service.slug)))[0];
    if (found) {
      const existing = await tx.select({ id: slos.id, name: slos.name }).from(slos).where(eq(slos.serviceId, found.id));
      serviceBySlug.set(service.slug, { ...found, slos: new Map(existing.map((s) => [s.name, s.id])) });
      continue;
    }
    const row = (
      await tx
        .insert(services)
        .values({
          slug: service.slug,
          name: service.name,
          description: service.description,
          teamId: teamIds.get(service.team) ?? null,
          tier: service.tier,
          runbookUrl: runbookUrl(service.slug),
          links: JSON.stringify([{ label: "Dashboard", url: dashboardUrl(service.slug) }]),
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: services.id })
    )[0]!;
    serviceCount += 1;
    await system("service.create", "service", service.slug, { slug: service.slug, name: service.name, tier: service.tier, demo: true });
    const sloIds = new Map<string, number>();
    for (const slo of service.slos) {
      const created = (
        await tx
          .insert(slos)
          .values({
            serviceId: row.id,
            name: slo.name,
            sliDescription: slo.sliDescription,
            objective: slo.objective,
            windowDays: slo.windowDays,
            createdAt: at,
            updatedAt: at,
          })
          .returning({ id: slos.id })
      )[0]!;
      sloIds.set(slo.name, created.id);
      sloCount += 1;
    }
    serviceBySlug.set(service.slug, { id: row.id, name: service.name, slos: sloIds });
  }
  return { teams: teamCount, services: serviceCount, slos: sloCount, serviceBySlug };
}

/** Titles in db/seed/demo/catalog.ts that match no planned incident: a typo would silently drop links. */
export function unknownLinkedTitles(plan: PlannedIncident[]): string[] {
  const titles = new Set(plan.map((p) => p.title));
  return Object.keys(DEMO_INCIDENT_SERVICES).filter((t) => !titles.has(t));
}

/**
 * Links one demo incident to its services at declaration, by whoever declared it (as declaring
 * with services does, the alerting integration included), and writes any hand-set spend by
 * `responder`, each with its timeline entry. Returns the entries written.
 */
export async function linkDemoIncident(
  tx: Writer,
  catalog: DemoCatalog,
  planned: PlannedIncident,
  incidentId: number,
  declarer: DemoWriter,
  responder: Person,
): Promise<number> {
  const spec = DEMO_INCIDENT_SERVICES[planned.title];
  if (!spec) return 0;
  let entries = 0;
  const person: DemoWriter = { userId: responder.id, tokenId: null, label: responder.name };
  const entry = async (by: DemoWriter, occurredAt: number, body: string, meta: Record<string, unknown>) => {
    await tx.insert(timelineEntries).values({
      incidentId,
      occurredAt,
      kind: "service",
      body,
      authorUserId: by.userId,
      authorTokenId: by.tokenId,
      authorLabel: by.label,
      meta: JSON.stringify(meta),
      createdAt: occurredAt,
    });
    entries += 1;
  };
  const audit = async (by: DemoWriter, at: number, action: string, after: unknown) =>
    await tx.insert(auditLog).values({
      at,
      actorUserId: by.userId,
      actorTokenId: by.tokenId,
      actorLabel: by.label,
      action,
      entityType: "incident",
      entityId: String(incidentId),
      after: JSON.stringify(after),
    });
  for (const link of spec.links) {
    const service = catalog.serviceBySlug.get(link.service);
    if (!service) throw new Error(`Demo incident "${planned.title}" names unknown service ${link.service}`);
    await tx.insert(incidentServices).values({ incidentId, serviceId: service.id, impact: link.impact, linkedAt: planned.declaredAt });
    await entry(declarer, planned.declaredAt, `Affected service added: ${service.name} (${IMPACT_LABEL[link.impact]})`, {
      field: "service",
      service: link.service,
      from: null,
      to: link.impact,
    });
    await audit(declarer, planned.declaredAt, "incident.service_link", { service: link.service, impact: link.impact });
  }
  for (const override of spec.overrides ?? []) {
    const sloId = catalog.serviceBySlug.get(override.service)?.slos.get(override.slo);
    // A service that existed before the demo may not have this SLO: then there is nothing to override.
    if (!sloId) continue;
    const at = planned.declaredAt + override.at * MIN;
    await tx.insert(sloSpendOverrides).values({ incidentId, sloId, minutes: override.minutes, reason: override.reason, byUserId: responder.id, at });
    await entry(person, at, `Budget spend on SLO “${override.slo}” set by hand to ${override.minutes} min: ${override.reason}`, {
      field: "slo_override",
      sloId,
      from: null,
      to: override.minutes,
    });
    await audit(person, at, "incident.slo_override", { sloId, minutes: override.minutes, reason: override.reason });
  }
  return entries;
}
