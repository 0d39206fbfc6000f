import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError, notFound } from "@/lib/errors";
import { requirePermission } from "@/lib/policy";
import { parseInput } from "@/lib/validation/parse";
import { createFactorSchema, renameFactorSchema } from "@/lib/validation/postmortem";
import { contributingFactors, type ContributingFactor } from "../../schema";
import type { Reader } from "../../types";
import { recordAudit } from "../../access/audit";
import { factorColumns, type Factor } from "../../access/factors";
import { transaction } from "../../transaction";

async function assertNameFree(tx: Reader, name: string, exceptId?: number) {
  const clash = (
    await tx
      .select({ id: contributingFactors.id })
      .from(contributingFactors)
      .where(and(sql`lower(${contributingFactors.name}) = lower(${name})`, exceptId ? ne(contributingFactors.id, exceptId) : undefined))
  )[0];
  if (clash) throw new AppError("conflict", `A contributing factor named "${name}" already exists`, { name: "Already exists" });
}

async function findFactor(tx: Reader, id: number): Promise<ContributingFactor> {
  const row = (await tx.select().from(contributingFactors).where(eq(contributingFactors.id, id)))[0];
  if (!row) throw notFound("Contributing factor");
  return row;
}

export async function createFactor({ actor, input }: { actor: Actor; input: unknown }): Promise<Factor> {
  requirePermission(actor, "factor", "manage");
  const data = parseInput(createFactorSchema, input);
  return await transaction(async (tx) => {
    await assertNameFree(tx, data.name);
    const now = Date.now();
    const row = (
      await tx
        .insert(contributingFactors)
        .values({ name: data.name, description: data.description ?? "", createdAt: now })
        .returning(factorColumns)
    )[0]!;
    await recordAudit(tx, actor, { action: "factor.create", entityType: "contributing_factor", entityId: row.id, after: row }, now);
    return row;
  });
}

/** Renames a factor (and/or changes its description); postmortems that use it show the new name. */
export async function renameFactor({ actor, id, input }: { actor: Actor; id: number; input: unknown }): Promise<Factor> {
  requirePermission(actor, "factor", "manage");
  const data = parseInput(renameFactorSchema, input);
  return await transaction(async (tx) => {
    const before = await findFactor(tx, id);
    if (data.name !== undefined) await assertNameFree(tx, data.name, id);
    const changes = { ...(data.name !== undefined ? { name: data.name } : {}), ...(data.description !== undefined ? { description: data.description } : {}) };
    if (!Object.keys(changes).length) return { id, name: before.name, description: before.description, archived: before.archived };
    const row = (await tx.update(contributingFactors).set(changes).where(eq(contributingFactors.id, id)).returning(factorColumns))[0]!;
    await recordAudit(tx, actor, {
      action: "factor.update",
      entityType: "contributing_factor",
      entityId: id,
      before: { name: before.name, description: before.description },
      after: { name: row.name, description: row.description },
    });
    return row;
  });
}

/** Archives (or restores) a factor: it can no longer be chosen, but stays on postmortems that have it. */
export async function archiveFactor({ actor, id, archived = true }: { actor: Actor; id: number; archived?: boolean }): Promise<Factor> {
  requirePermission(actor, "factor", "manage");
  return await transaction(async (tx) => {
    const before = await findFactor(tx, id);
    if (before.archived === archived) return { id, name: before.name, description: before.description, archived };
    const row = (await tx.update(contributingFactors).set({ archived }).where(eq(contributingFactors.id, id)).returning(factorColumns))[0]!;
    await recordAudit(tx, actor, {
      action: archived ? "factor.archive" : "factor.restore",
      entityType: "contributing_factor",
      entityId: id,
      before: { archived: before.archived },
      after: { archived },
    });
    return row;
  });
}
