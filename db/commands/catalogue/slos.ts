import "server-only";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { notFound } from "@/lib/errors";
import { requirePermission } from "@/lib/policy";
import { parseInput } from "@/lib/validation/parse";
import { createSloSchema, updateSloSchema } from "@/lib/validation/service";
import { slos, type Slo } from "../../schema";
import { staleError, updateVersioned } from "../../versioned";
import { recordAudit } from "../../access/audit";
import { findServiceBySlug } from "../../access/services";
import { rebuildSloSpend } from "../../access/slo-spend-segments";
import { transaction } from "../../transaction";

/** The 409 for a stale SLO version, with the SLO as it is now (the API adds its budget). */
const staleSlo = (current: Slo) => staleError("SLO", current.version, current);

export async function createSlo({ actor, slug, input }: { actor: Actor; slug: string; input: unknown }): Promise<Slo> {
  requirePermission(actor, "slo", "manage");
  const data = parseInput(createSloSchema, input);
  return await transaction(async (tx) => {
    const service = await findServiceBySlug(tx, slug);
    if (!service) throw notFound("Service");
    const now = Date.now();
    const slo = (
      await tx
        .insert(slos)
        .values({
          serviceId: service.id,
          name: data.name,
          sliDescription: data.sliDescription ?? "",
          objective: data.objective,
          windowDays: data.windowDays ?? 28,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
    )[0]!;
    await rebuildSloSpend(tx, slo);
    await recordAudit(tx, actor, { action: "slo.create", entityType: "slo", entityId: slo.id, after: { ...slo, service: service.slug } }, now);
    return slo;
  });
}

export async function updateSlo({ actor, id, input }: { actor: Actor; id: number; input: unknown }): Promise<Slo> {
  requirePermission(actor, "slo", "manage");
  const data = parseInput(updateSloSchema, input);
  return await transaction(async (tx) => {
    const current = (await tx.select().from(slos).where(eq(slos.id, id)))[0];
    if (!current) throw notFound("SLO");
    if (current.version !== data.version) throw staleSlo(current);
    const { version: _v, ...changes } = data;
    const now = Date.now();
    const updated = await updateVersioned(tx, slos, current, changes, now, async () =>
      staleSlo((await tx.select().from(slos).where(eq(slos.id, id)))[0] ?? current),
    );
    await recordAudit(tx, actor, { action: "slo.update", entityType: "slo", entityId: id, before: current, after: updated }, now);
    return updated;
  });
}

export async function deleteSlo({ actor, id }: { actor: Actor; id: number }) {
  requirePermission(actor, "slo", "manage");
  await transaction(async (tx) => {
    const current = (await tx.select().from(slos).where(eq(slos.id, id)))[0];
    if (!current) throw notFound("SLO");
    await tx.delete(slos).where(eq(slos.id, id));
    await recordAudit(tx, actor, { action: "slo.delete", entityType: "slo", entityId: id, before: current });
  });
}
