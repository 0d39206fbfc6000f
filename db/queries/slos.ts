import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { hasRole } from "@/lib/roles";
import { parseInput } from "@/lib/validation/parse";
import { createSloSchema, updateSloSchema } from "@/lib/validation/service";
import { getDb } from "../client";
import { slos, type Slo } from "../schema";
import { recordAudit } from "../access/audit";
import { findServiceBySlug } from "./services";

const requireAdmin = (actor: Actor) => {
  if (!hasRole(actor.role, "admin")) throw forbidden("Only admins can manage SLOs");
};

export function listSlos({ slug }: { slug: string }): Slo[] {
  const db = getDb();
  const service = findServiceBySlug(db, slug);
  if (!service) throw notFound("Service");
  return db.select().from(slos).where(eq(slos.serviceId, service.id)).orderBy(slos.id).all();
}

export function getSlo(id: number): Slo | undefined {
  return getDb().select().from(slos).where(eq(slos.id, id)).get();
}

export function createSlo({ actor, slug, input }: { actor: Actor; slug: string; input: unknown }): Slo {
  requireAdmin(actor);
  const data = parseInput(createSloSchema, input);
  return getDb().transaction(
    (tx) => {
      const service = findServiceBySlug(tx, slug);
      if (!service) throw notFound("Service");
      const now = Date.now();
      const slo = tx
        .insert(slos)
        .values({ serviceId: service.id, name: data.name, sliDescription: data.sliDescription ?? "", objective: data.objective, windowDays: data.windowDays ?? 28, createdAt: now, updatedAt: now })
        .returning()
        .get();
      recordAudit(tx, actor, { action: "slo.create", entityType: "slo", entityId: slo.id, after: { ...slo, service: service.slug } }, now);
      return slo;
    },
    { behavior: "immediate" },
  );
}

export function updateSlo({ actor, id, input }: { actor: Actor; id: number; input: unknown }): Slo {
  requireAdmin(actor);
  const data = parseInput(updateSloSchema, input);
  return getDb().transaction(
    (tx) => {
      const current = tx.select().from(slos).where(eq(slos.id, id)).get();
      if (!current) throw notFound("SLO");
      if (current.version !== data.version) {
        throw new AppError("conflict", `This SLO was changed by someone else (now version ${current.version}).`, { version: "Stale version" }, { current });
      }
      const { version: _v, ...changes } = data;
      const now = Date.now();
      const updated = tx
        .update(slos)
        .set({ ...changes, version: sql`${slos.version} + 1`, updatedAt: now })
        .where(and(eq(slos.id, id), eq(slos.version, current.version)))
        .returning()
        .get();
      if (!updated) throw new AppError("conflict", "This SLO was changed by someone else.", { version: "Stale version" });
      recordAudit(tx, actor, { action: "slo.update", entityType: "slo", entityId: id, before: current, after: updated }, now);
      return updated;
    },
    { behavior: "immediate" },
  );
}

export function deleteSlo({ actor, id }: { actor: Actor; id: number }) {
  requireAdmin(actor);
  getDb().transaction(
    (tx) => {
      const current = tx.select().from(slos).where(eq(slos.id, id)).get();
      if (!current) throw notFound("SLO");
      tx.delete(slos).where(eq(slos.id, id)).run();
      recordAudit(tx, actor, { action: "slo.delete", entityType: "slo", entityId: id, before: current });
    },
    { behavior: "immediate" },
  );
}
