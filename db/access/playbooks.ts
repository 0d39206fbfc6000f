import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { isSeverity, type Severity } from "@/lib/severity";
import type { AutoCheck } from "@/lib/checklist-auto";
import { playbookItems, playbooks, playbookServices, services, type Playbook } from "../schema";
import type { Reader } from "../types";

export type PlaybookItemView = { id: number; position: number; text: string; link: string | null; autoCheck: AutoCheck | null };
export type PlaybookServiceView = { id: number; slug: string; name: string };
export type PlaybookDetail = Omit<Playbook, "severities"> & {
  severities: Severity[];
  serviceIds: number[];
  services: PlaybookServiceView[];
  items: PlaybookItemView[];
};

/** Stored JSON → severities; anything unreadable counts as none rather than failing the page. */
export function parseSeverities(text: string): Severity[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter(isSeverity) : [];
  } catch {
    return [];
  }
}

/** Service ids per playbook, for matching (no names needed). */
export async function serviceIdsByPlaybook(db: Reader, playbookIds: number[]): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>();
  if (playbookIds.length === 0) return map;
  const rows = await db
    .select({ playbookId: playbookServices.playbookId, serviceId: playbookServices.serviceId })
    .from(playbookServices)
    .where(inArray(playbookServices.playbookId, playbookIds))
    .orderBy(asc(playbookServices.serviceId));
  for (const row of rows) map.set(row.playbookId, [...(map.get(row.playbookId) ?? []), row.serviceId]);
  return map;
}

export async function playbookDetails(db: Reader, rows: Playbook[]): Promise<PlaybookDetail[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const serviceRows = await db
    .select({ playbookId: playbookServices.playbookId, id: services.id, slug: services.slug, name: services.name })
    .from(playbookServices)
    .innerJoin(services, eq(services.id, playbookServices.serviceId))
    .where(inArray(playbookServices.playbookId, ids))
    .orderBy(asc(services.name));
  const itemRows = await db
    .select()
    .from(playbookItems)
    .where(inArray(playbookItems.playbookId, ids))
    .orderBy(asc(playbookItems.position), asc(playbookItems.id));
  return rows.map((row) => {
    const linked = serviceRows.filter((s) => s.playbookId === row.id).map(({ id, slug, name }) => ({ id, slug, name }));
    return {
      ...row,
      severities: parseSeverities(row.severities),
      serviceIds: linked.map((s) => s.id).sort((a, b) => a - b),
      services: linked,
      items: itemRows.filter((i) => i.playbookId === row.id).map(({ id, position, text, link, autoCheck }) => ({ id, position, text, link, autoCheck })),
    };
  });
}

export async function findPlaybook(db: Reader, playbookId: number): Promise<PlaybookDetail | undefined> {
  const row = (await db.select().from(playbooks).where(eq(playbooks.id, playbookId)))[0];
  return row ? (await playbookDetails(db, [row]))[0] : undefined;
}
