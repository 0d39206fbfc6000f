import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError, notFound } from "@/lib/errors";
import { requirePermission } from "@/lib/policy";
import { parseInput } from "@/lib/validation/parse";
import { createFactorSchema, renameFactorSchema } from "@/lib/validation/postmortem";
import { getDb } from "../../client";
import { contributingFactors, type ContributingFactor } from "../../schema";
import type { Reader } from "../../types";
import { recordAudit } from "../../access/audit";
import { factorColumns, type Factor } from "../../access/factors";

function assertNameFree(tx: Reader, name: string, exceptId?: number) {
  const clash = tx
    .select({ id: contributingFactors.id })
    .from(contributingFactors)
    .where(and(sql`lower(${contributingFactors.name}) = lower(${name})`, exceptId ? ne(contributingFactors.id, exceptId) : undefined))
    .get();
  if (clash) throw new AppError("conflict", `A contributing factor named "${name}" already exists`, { name: "Already exists" });
}

function findFactor(tx: Reader, id: number): ContributingFactor {
  const row = tx.select().from(contributingFactors).where(eq(contributingFactors.id, id)).get();
  if (!row) throw notFound("Contributing factor");
  return row;
}

export function createFactor({ actor, input }: { actor: Actor; input: unknown }): Factor {
  requirePermission(actor, "factor", "manage");
  const data = parseInput(createFactorSchema, input);
  return getDb().transaction(
    (tx) => {
      assertNameFree(tx, data.name);
      const now = Date.now();
      const row = tx
        .insert(contributingFactors)
        .values({ name: data.name, description: data.description ?? "", createdAt: now })
        .returning(factorColumns)
        .get();
      recordAudit(tx, actor, { action: "factor.create", entityType: "contributing_factor", entityId: row.id, after: row }, now);
      return row;
    },
    { behavior: "immediate" },
  );
}

/** Renames a factor (and/or changes its description); postmortems that use it show the new name. */
export function renameFactor({ actor, id, input }: { actor: Actor; id: number; input: unknown }): Factor {
  requirePermission(actor, "factor", "manage");
  const data = parseInput(renameFactorSchema, input);
  return getDb().transaction(
    (tx) => {
      const before = findFactor(tx, id);
      if (data.name !== undefined) assertNameFree(tx, data.name, id);
      const changes = { ...(data.name !== undefined ? { name: data.name } : {}), ...(data.description !== undefined ? { description: data.description } : {}) };
      if (!Object.keys(changes).length) return { id, name: before.name, description: before.description, archived: before.archived };
      const row = tx.update(contributingFactors).set(changes).where(eq(contributingFactors.id, id)).returning(factorColumns).get()!;
      recordAudit(tx, actor, {
        action: "factor.update",
        entityType: "contributing_factor",
        entityId: id,
        before: { name: before.name, description: before.description },
        after: { name: row.name, description: row.description },
      });
      return row;
    },
    { behavior: "immediate" },
  );
}

/** Archives (or restores) a factor: it can no longer be chosen, but stays on postmortems that have it. */
export function archiveFactor({ actor, id, archived = true }: { actor: Actor; id: number; archived?: boolean }): Factor {
  requirePermission(actor, "factor", "manage");
  return getDb().transaction(
    (tx) => {
      const before = findFactor(tx, id);
      if (before.archived === archived) return { id, name: before.name, description: before.description, archived };
      const row = tx.update(contributingFactors).set({ archived }).where(eq(contributingFactors.id, id)).returning(factorColumns).get()!;
      recordAudit(tx, actor, {
        action: archived ? "factor.archive" : "factor.restore",
        entityType: "contributing_factor",
        entityId: id,
        before: { archived: before.archived },
        after: { archived },
      });
      return row;
    },
    { behavior: "immediate" },
  );
}
