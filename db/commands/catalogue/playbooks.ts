import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { notFound, validationFailed } from "@/lib/errors";
import { requirePermission } from "@/lib/policy";
import type { Severity } from "@/lib/severity";
import { hasCondition } from "@/lib/playbook-match";
import { parseInput } from "@/lib/validation/parse";
import { createPlaybookSchema, NO_CONDITION_MESSAGE, serviceSlugsField, updatePlaybookSchema, type PlaybookItemInput } from "@/lib/validation/playbook";
import { getDb } from "../../client";
import { playbookItems, playbooks, playbookServices, services } from "../../schema";
import type { Reader, Tx } from "../../types";
import { staleError, updateVersioned } from "../../versioned";
import { recordAudit } from "../../access/audit";
import { findPlaybook, type PlaybookDetail } from "../../access/playbooks";
import { transaction } from "../../transaction";

/** The 409 for a stale playbook version, with the playbook as it is now. */
const stalePlaybook = (current: PlaybookDetail) => staleError("playbook", current.version, current);

/**
 * The API names services by slug (`services: ["payments-api"]`, DESIGN.md: resources by
 * reference); the data layer takes ids. Unknown slugs are a 400 naming `services`; the
 * permission is checked first, so a non-admin learns nothing about which services exist.
 */
export async function serviceSlugsToIds({ actor, input }: { actor: Actor; input: unknown }): Promise<unknown> {
  requirePermission(actor, "playbook", "manage");
  if (!input || typeof input !== "object" || Array.isArray(input) || !("services" in input)) return input;
  const { services: slugs, ...rest } = input as Record<string, unknown>;
  if ("serviceIds" in rest) throw validationFailed({ services: "Send services (slugs) or serviceIds, not both" });
  const parsed = serviceSlugsField.safeParse(slugs);
  if (!parsed.success) throw validationFailed({ services: parsed.error.issues[0]!.message });
  const wanted = [...new Set(parsed.data)];
  const rows = wanted.length ? await getDb().select({ id: services.id, slug: services.slug }).from(services).where(inArray(services.slug, wanted)) : [];
  const unknown = wanted.filter((slug) => !rows.some((r) => r.slug === slug));
  if (unknown.length) throw validationFailed({ services: `Unknown service${unknown.length === 1 ? "" : "s"}: ${unknown.join(", ")}` });
  return { ...rest, serviceIds: rows.map((r) => r.id) };
}

async function checkServices(tx: Reader, serviceIds: number[]) {
  if (serviceIds.length === 0) return;
  const found = new Set((await tx.select({ id: services.id }).from(services).where(inArray(services.id, serviceIds))).map((s) => s.id));
  const unknown = serviceIds.filter((id) => !found.has(id));
  if (unknown.length) {
    throw validationFailed(
      { serviceIds: `Unknown service${unknown.length === 1 ? "" : "s"}: ${unknown.join(", ")}` },
      `serviceIds: unknown service ${unknown.join(", ")}`,
    );
  }
}

function checkCondition(severities: string[], serviceIds: number[]) {
  if (!hasCondition({ severities, serviceIds })) throw validationFailed({ severities: NO_CONDITION_MESSAGE }, NO_CONDITION_MESSAGE);
}

async function writeItems(tx: Tx, playbookId: number, items: PlaybookItemInput[]) {
  await tx.delete(playbookItems).where(eq(playbookItems.playbookId, playbookId));
  if (items.length) {
    await tx
      .insert(playbookItems)
      .values(items.map((item, index) => ({ playbookId, position: index + 1, text: item.text, link: item.link, autoCheck: item.autoCheck })));
  }
}

async function writeServices(tx: Tx, playbookId: number, serviceIds: number[]) {
  await tx.delete(playbookServices).where(eq(playbookServices.playbookId, playbookId));
  if (serviceIds.length) await tx.insert(playbookServices).values(serviceIds.map((serviceId) => ({ playbookId, serviceId })));
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
export async function insertPlaybook(
  tx: Tx,
  actor: Actor | null,
  data: { name: string; description?: string; severities?: Severity[]; serviceIds?: number[]; enabled?: boolean; items: PlaybookItemInput[] },
  now = Date.now(),
): Promise<PlaybookDetail> {
  const severities = data.severities ?? [];
  const serviceIds = data.serviceIds ?? [];
  checkCondition(severities, serviceIds);
  await checkServices(tx, serviceIds);
  const row = (
    await tx
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
  )[0]!;
  await writeServices(tx, row.id, serviceIds);
  await writeItems(tx, row.id, data.items);
  const created = (await findPlaybook(tx, row.id))!;
  await recordAudit(tx, actor, { action: "playbook.create", entityType: "playbook", entityId: row.id, after: auditShape(created) }, now);
  return created;
}

export async function createPlaybook({ actor, input }: { actor: Actor; input: unknown }): Promise<PlaybookDetail> {
  requirePermission(actor, "playbook", "manage");
  const data = parseInput(createPlaybookSchema, input);
  return await transaction(async (tx) => insertPlaybook(tx, actor, data));
}

/** A versioned change; a stale version gets 409 with the current playbook. `items`, when given, replaces the list. */
export async function updatePlaybook({ actor, playbookId, input }: { actor: Actor; playbookId: number; input: unknown }): Promise<PlaybookDetail> {
  requirePermission(actor, "playbook", "manage");
  const data = parseInput(updatePlaybookSchema, input);
  const now = Date.now();
  return await transaction(async (tx) => {
    const current = await findPlaybook(tx, playbookId);
    if (!current) throw notFound("Playbook");
    if (current.version !== data.version) throw stalePlaybook(current);
    const severities = data.severities ?? current.severities;
    const serviceIds = data.serviceIds ?? current.serviceIds;
    checkCondition(severities, serviceIds);
    if (data.serviceIds) await checkServices(tx, serviceIds);
    const changes = {
      name: data.name ?? current.name,
      description: data.description ?? current.description,
      severities: JSON.stringify(severities),
      enabled: data.enabled ?? current.enabled,
    };
    await updateVersioned(tx, playbooks, current, changes, now, async () => stalePlaybook((await findPlaybook(tx, playbookId)) ?? current));
    if (data.serviceIds) await writeServices(tx, playbookId, serviceIds);
    if (data.items) await writeItems(tx, playbookId, data.items);
    const after = (await findPlaybook(tx, playbookId))!;
    await recordAudit(
      tx,
      actor,
      { action: "playbook.update", entityType: "playbook", entityId: playbookId, before: auditShape(current), after: auditShape(after) },
      now,
    );
    return after;
  });
}

/**
 * Deletes a playbook. Checklists already copied onto incidents stay as they are (they
 * keep the playbook's name); it simply stops applying to new incidents.
 */
export async function deletePlaybook({ actor, playbookId }: { actor: Actor; playbookId: number }): Promise<void> {
  requirePermission(actor, "playbook", "manage");
  await transaction(async (tx) => {
    const current = await findPlaybook(tx, playbookId);
    if (!current) throw notFound("Playbook");
    await tx.delete(playbooks).where(eq(playbooks.id, playbookId));
    await recordAudit(tx, actor, { action: "playbook.delete", entityType: "playbook", entityId: playbookId, before: auditShape(current) });
  });
}
