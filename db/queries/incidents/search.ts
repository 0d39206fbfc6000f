import "server-only";
import { and, asc, desc, eq, or, sql } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { parseInput } from "@/lib/validation/parse";
import { referenceNumber, searchSchema, type SearchResults } from "@/lib/validation/search";
import { incidentReference } from "@/lib/validation/incident";
import { getDb } from "../../client";
import { incidents, services, users } from "../../schema";
import { visibleTo } from "../../access/incidents";
import { likeInsensitive } from "../../dialect-sql";

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * What the command palette finds as you type: incidents by reference (exact) or title, services
 * by slug or name, active people by name or email. Incidents follow the list's visibility rule, so
 * a private incident never shows to someone who could not open it.
 */
export async function search({ actor, query }: { actor: Actor; query: unknown }): Promise<SearchResults> {
  const { q, limit } = parseInput(searchSchema, query);
  const db = getDb();
  const pattern = likePattern(q);
  const ref = referenceNumber(q);
  const visible = visibleTo(actor);
  const matches = or(likeInsensitive(incidents.title, pattern), ...(ref ? [eq(incidents.id, ref)] : []))!;
  const incidentRows = await db
    .select({ id: incidents.id, title: incidents.title, severity: incidents.severity, status: incidents.status })
    .from(incidents)
    .where(visible ? and(matches, visible) : matches)
    // The exact reference first, then open incidents, newest first.
    .orderBy(
      ...(ref ? [desc(sql`${incidents.id} = ${ref}`)] : []),
      desc(sql`${incidents.status} IN ('investigating','identified','monitoring')`),
      desc(incidents.declaredAt),
      desc(incidents.id),
    )
    .limit(limit);
  const serviceRows = await db
    .select({ slug: services.slug, name: services.name })
    .from(services)
    .where(or(likeInsensitive(services.name, pattern), likeInsensitive(services.slug, pattern)))
    .orderBy(asc(services.tier), asc(services.name))
    .limit(limit);
  const people = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.disabled, false), or(likeInsensitive(users.name, pattern), likeInsensitive(users.email, pattern))))
    .orderBy(asc(users.name))
    .limit(limit);
  return {
    incidents: incidentRows.map(({ id, ...rest }) => ({ reference: incidentReference(id), ...rest })),
    services: serviceRows,
    people,
  };
}
