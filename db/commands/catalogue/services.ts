import "server-only";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { can, requirePermission } from "@/lib/policy";
import { parseInput } from "@/lib/validation/parse";
import { createServiceSchema, RESPONDER_SERVICE_FIELDS, updateServiceSchema } from "@/lib/validation/service";
import { services, teams, type Service } from "../../schema";
import { staleError, updateVersioned } from "../../versioned";
import { recordAudit } from "../../access/audit";
import { findServiceBySlug, withLinks } from "../../access/services";
import { transaction } from "../../transaction";

/** The 409 for a stale service version, with the service as it is now (links parsed). */
const staleService = (current: Service) => staleError("service", current.version, withLinks(current));

export async function createService({ actor, input }: { actor: Actor; input: unknown }): Promise<Service> {
  requirePermission(actor, "service", "create");
  const data = parseInput(createServiceSchema, input);
  return await transaction(async (tx) => {
    if (await findServiceBySlug(tx, data.slug))
      throw new AppError("conflict", `A service with slug "${data.slug}" already exists`, { slug: "This slug is taken" });
    if (data.teamId && !(await tx.select().from(teams).where(eq(teams.id, data.teamId)))[0]) {
      throw new AppError("validation_failed", "No team with this id", { teamId: "No team with this id" });
    }
    const now = Date.now();
    const service = (
      await tx
        .insert(services)
        .values({
          slug: data.slug,
          name: data.name,
          description: data.description ?? "",
          teamId: data.teamId ?? null,
          tier: data.tier,
          runbookUrl: data.runbookUrl ?? null,
          links: JSON.stringify(data.links ?? []),
          createdAt: now,
          updatedAt: now,
        })
        .returning()
    )[0]!;
    await recordAudit(tx, actor, { action: "service.create", entityType: "service", entityId: service.slug, after: service }, now);
    return service;
  });
}

/** Admins change anything; responders only the description and links. Stale version → 409. */
export async function updateService({ actor, slug, input }: { actor: Actor; slug: string; input: unknown }): Promise<Service> {
  requirePermission(actor, "service", "edit");
  const data = parseInput(updateServiceSchema, input);
  if (!can(actor, "service", "edit-ownership")) {
    const adminOnly = Object.keys(data).filter((k) => k !== "version" && !(RESPONDER_SERVICE_FIELDS as readonly string[]).includes(k));
    if (adminOnly.length) throw forbidden(`Only admins can change ${adminOnly.join(", ")}; responders may edit the description and links`);
  }
  return await transaction(async (tx) => {
    const current = await findServiceBySlug(tx, slug);
    if (!current) throw notFound("Service");
    if (current.version !== data.version) throw staleService(current);
    if (data.teamId && !(await tx.select().from(teams).where(eq(teams.id, data.teamId)))[0]) {
      throw new AppError("validation_failed", "No team with this id", { teamId: "No team with this id" });
    }
    const changes: Partial<Service> = {};
    if (data.name !== undefined) changes.name = data.name;
    if (data.description !== undefined) changes.description = data.description;
    if (data.teamId !== undefined) changes.teamId = data.teamId;
    if (data.tier !== undefined) changes.tier = data.tier;
    if (data.runbookUrl !== undefined) changes.runbookUrl = data.runbookUrl;
    if (data.links !== undefined) changes.links = JSON.stringify(data.links);
    const now = Date.now();
    const updated = await updateVersioned(tx, services, current, changes, now, async () => staleService((await findServiceBySlug(tx, slug)) ?? current));
    await recordAudit(tx, actor, { action: "service.update", entityType: "service", entityId: current.slug, before: current, after: updated }, now);
    return updated;
  });
}
