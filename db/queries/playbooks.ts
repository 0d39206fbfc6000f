import "server-only";
import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError, forbidden, notFound, validationFailed } from "@/lib/errors";
import { hasRole } from "@/lib/roles";
import { isSeverity, type Severity } from "@/lib/severity";
import { hasCondition } from "@/lib/playbook-match";
import { parseInput } from "@/lib/validation/parse";
import { createPlaybookSchema, NO_CONDITION_MESSAGE, updatePlaybookSchema, type PlaybookItemInput } from "@/lib/validation/playbook";
import { getDb, type Db } from "../client";
import { playbookItems, playbooks, playbookServices, services, type Playbook } from "../schema";
import { recordAudit } from "../access/audit";
import type { AutoCheck } from "@/lib/checklist-auto";

type Reader = Pick<Db, "select">;
type Tx = Pick<Db, "insert" | "select" | "update" | "delete">;

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
export function serviceIdsByPlaybook(db: Reader, playbookIds: number[]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  if (playbookIds.length === 0) return map;
  const rows = db
    .select({ playbookId: playbookServices.playbookId, serviceId: playbookServices.serviceId })
    .from(playbookServices)
    .where(inArray(playbookServices.playbookId, playbookIds))
    .orderBy(asc(playbookServices.serviceId))
    .all();
  for (const row of rows) map.set(row.playbookId, [...(map.get(row.playbookId) ?? []), row.serviceId]);
  return map;
}

function details(db: Reader, rows: Playbook[]): PlaybookDetail[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const serviceRows = db
    .select({ playbookId: playbookServices.playbookId, id: services.id, slug: services.slug, name: services.name })
    .from(playbookServices)
    .innerJoin(services, eq(services.id, playbookServices.serviceId))
    .where(inArray(playbookServices.playbookId, ids))
    .orderBy(asc(services.name))
    .all();
  const itemRows = db
    .select()
    .from(playbookItems)
    .where(inArray(playbookItems.playbookId, ids))
    .orderBy(asc(playbookItems.position), asc(playbookItems.id))
    .all();
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

function findPlaybook(db: Reader, playbookId: number): PlaybookDetail | undefined {
  const row = db.select().from(playbooks).where(eq(playbooks.id, playbookId)).get();
  return row ? details(db, [row])[0] : undefined;
}

/** Every playbook, enabled first, then by name. Anyone signed in may read them. */
export function listPlaybooks({ actor }: { actor: Actor }): PlaybookDetail[] {
  void actor;
  const db = getDb();
  return details(db, db.select().from(playbooks).orderBy(sql`${playbooks.enabled} DESC`, asc(playbooks.name), asc(playbooks.id)).all());
}

export function getPlaybook({ actor, playbookId }: { actor: Actor; playbookId: number }): PlaybookDetail {
  void actor;
  const found = findPlaybook(getDb(), playbookId);
  if (!found) throw notFound("Playbook");
  return found;
}

/** The services a playbook can name, for the admin form. */
export function listServiceChoices(): PlaybookServiceView[] {
  return getDb().select({ id: services.id, slug: services.slug, name: services.name }).from(services).orderBy(asc(services.name)).all();
}

function requireAdmin(actor: Actor) {
  if (!hasRole(actor.role, "admin")) throw forbidden("Only admins can manage playbooks");
}
export { requireAdmin as requirePlaybookAdmin };

/**
 * The API names services by slug (`services: ["payments-api"]`, DESIGN.md: resources by
 * reference); the data layer takes ids. Unknown slugs are a 400 naming `services`.
 */
export function serviceSlugsToIds(input: unknown): unknown {
  if (!input || typeof input !== "object" || Array.isArray(input) || !("services" in input)) return input;
  const { services: slugs, ...rest } = input as Record<string, unknown>;
  if ("serviceIds" in rest) throw validationFailed({ services: "Send services (slugs) or serviceIds, not both" });
  if (!Array.isArray(slugs) || slugs.some((s) => typeof s !== "string")) throw validationFailed({ services: "Must be a list of service slugs" });
  // As many as serviceIds allows: each slug is an SQL variable, and SQLite caps those.
  if (slugs.length > 200) throw validationFailed({ services: "At most 200 services" });
  const wanted = [...new Set((slugs as string[]).map((s) => s.trim().toLowerCase()))];
  const rows = wanted.length ? getDb().select({ id: services.id, slug: services.slug }).from(services).where(inArray(services.slug, wanted)).all() : [];
  const unknown = wanted.filter((slug) => !rows.some((r) => r.slug === slug));
  if (unknown.length) throw validationFailed({ services: `Unknown service${unknown.length === 1 ? "" : "s"}: ${unknown.join(", ")}` });
  return { ...rest, serviceIds: rows.map((r) => r.id) };
}

function checkServices(tx: Reader, serviceIds: number[]) {
  if (serviceIds.length === 0) return;
  const found = new Set(tx.select({ id: services.id }).from(services).where(inArray(services.id, serviceIds)).all().map((s) => s.id));
  const unknown = serviceIds.filter((id) => !found.has(id));
  if (unknown.length) {
    throw validationFailed({ serviceIds: `Unknown service${unknown.length === 1 ? "" : "s"}: ${unknown.join(", ")}` }, `serviceIds: unknown service ${unknown.join(", ")}`);
  }
}

function checkCondition(severities: string[], serviceIds: number[]) {
  if (!hasCondition({ severities, serviceIds })) throw validationFailed({ severities: NO_CONDITION_MESSAGE }, NO_CONDITION_MESSAGE);
}

function writeItems(tx: Tx, playbookId: number, items: PlaybookItemInput[]) {
  tx.delete(playbookItems).where(eq(playbookItems.playbookId, playbookId)).run();
  if (items.length) {
    tx.insert(playbookItems)
      .values(items.map((item, index) => ({ playbookId, position: index + 1, text: item.text, link: item.link, autoCheck: item.autoCheck })))
      .run();
  }
}

function writeServices(tx: Tx, playbookId: number, serviceIds: number[]) {
  tx.delete(playbookServices).where(eq(playbookServices.playbookId, playbookId)).run();
  if (serviceIds.length) tx.insert(playbookServices).values(serviceIds.map((serviceId) => ({ playbookId, serviceId }))).run();
}

/** A compact record of a playbook for the audit log. */
const auditShape = (p: PlaybookDetail) => ({
  name: p.name,
  description: p.description,
  severities: p.severities,
  serviceIds: p.serviceIds,
  enabled: p.enabled,
  version: p.version,
  items: p.items.map((i) => ({ text: i.text, ...(i.link ? { link: i.link } : {}), ...(i.autoCheck ? { autoCheck: i.autoCheck } : {}) })),
});

/** Inserts a playbook in an open transaction without an actor check (first-run defaults use it too). */
export function insertPlaybook(
  tx: Tx,
  actor: Actor | null,
  data: { name: string; description?: string; severities?: Severity[]; serviceIds?: number[]; enabled?: boolean; items: PlaybookItemInput[] },
  now = Date.now(),
): PlaybookDetail {
  const severities = data.severities ?? [];
  const serviceIds = data.serviceIds ?? [];
  checkCondition(severities, serviceIds);
  checkServices(tx, serviceIds);
  const row = tx
    .insert(playbooks)
    .values({
      name: data.name,
      description: data.description ?? "",
      severities: JSON.stringify(severities),
      enabled: data.enabled ?? true,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
  writeServices(tx, row.id, serviceIds);
  writeItems(tx, row.id, data.items);
  const created = findPlaybook(tx, row.id)!;
  recordAudit(tx, actor, { action: "playbook.create", entityType: "playbook", entityId: row.id, after: auditShape(created) }, now);
  return created;
}

export function createPlaybook({ actor, input }: { actor: Actor; input: unknown }): PlaybookDetail {
  requireAdmin(actor);
  const data = parseInput(createPlaybookSchema, input);
  return getDb().transaction((tx) => insertPlaybook(tx, actor, data), { behavior: "immediate" });
}

/** A versioned change; a stale version gets 409 with the current playbook. `items`, when given, replaces the list. */
export function updatePlaybook({ actor, playbookId, input }: { actor: Actor; playbookId: number; input: unknown }): PlaybookDetail {
  requireAdmin(actor);
  const data = parseInput(updatePlaybookSchema, input);
  const now = Date.now();
  return getDb().transaction(
    (tx) => {
      const current = findPlaybook(tx, playbookId);
      if (!current) throw notFound("Playbook");
      if (current.version !== data.version) {
        throw new AppError("conflict", "Someone else changed this playbook since you loaded it", undefined, { current });
      }
      const severities = data.severities ?? current.severities;
      const serviceIds = data.serviceIds ?? current.serviceIds;
      checkCondition(severities, serviceIds);
      if (data.serviceIds) checkServices(tx, serviceIds);
      const updated = tx
        .update(playbooks)
        .set({
          name: data.name ?? current.name,
          description: data.description ?? current.description,
          severities: JSON.stringify(severities),
          enabled: data.enabled ?? current.enabled,
          version: sql`${playbooks.version} + 1`,
          updatedAt: now,
        })
        .where(sql`${playbooks.id} = ${playbookId} AND ${playbooks.version} = ${data.version}`)
        .returning({ id: playbooks.id })
        .get();
      if (!updated) throw new AppError("conflict", "Someone else changed this playbook since you loaded it", undefined, { current });
      if (data.serviceIds) writeServices(tx, playbookId, serviceIds);
      if (data.items) writeItems(tx, playbookId, data.items);
      const after = findPlaybook(tx, playbookId)!;
      recordAudit(tx, actor, { action: "playbook.update", entityType: "playbook", entityId: playbookId, before: auditShape(current), after: auditShape(after) }, now);
      return after;
    },
    { behavior: "immediate" },
  );
}

/**
 * Deletes a playbook. Checklists already copied onto incidents stay as they are (they
 * keep the playbook's name); it simply stops applying to new incidents.
 */
export function deletePlaybook({ actor, playbookId }: { actor: Actor; playbookId: number }): void {
  requireAdmin(actor);
  getDb().transaction(
    (tx) => {
      const current = findPlaybook(tx, playbookId);
      if (!current) throw notFound("Playbook");
      tx.delete(playbooks).where(eq(playbooks.id, playbookId)).run();
      recordAudit(tx, actor, { action: "playbook.delete", entityType: "playbook", entityId: playbookId, before: auditShape(current) });
    },
    { behavior: "immediate" },
  );
}
