import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { hasRole } from "@/lib/roles";
import { parseInput } from "@/lib/validation/parse";
import { createFactorSchema, renameFactorSchema } from "@/lib/validation/postmortem";
import { getDb, type Db } from "../client";
import { contributingFactors, type ContributingFactor } from "../schema";
import { recordAudit } from "../access/audit";

type Reader = Pick<Db, "select">;
type Tx = Pick<Db, "select" | "insert" | "update" | "delete">;

export type Factor = Pick<ContributingFactor, "id" | "name" | "description" | "archived">;

const requireAdmin = (actor: Actor) => {
  if (!hasRole(actor.role, "admin")) throw forbidden("Only admins can edit the contributing factors");
};

const columns = { id: contributingFactors.id, name: contributingFactors.name, description: contributingFactors.description, archived: contributingFactors.archived };

/** The taxonomy, by name; archived factors only when asked (they stay on postmortems that used them). */
export function listFactors({ includeArchived = false }: { includeArchived?: boolean } = {}, db: Reader = getDb()): Factor[] {
  return db
    .select(columns)
    .from(contributingFactors)
    .where(includeArchived ? undefined : eq(contributingFactors.archived, false))
    .orderBy(asc(contributingFactors.name))
    .all();
}

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
  requireAdmin(actor);
  const data = parseInput(createFactorSchema, input);
  return getDb().transaction(
    (tx) => {
      assertNameFree(tx, data.name);
      const now = Date.now();
      const row = tx
        .insert(contributingFactors)
        .values({ name: data.name, description: data.description ?? "", createdAt: now })
        .returning(columns)
        .get();
      recordAudit(tx, actor, { action: "factor.create", entityType: "contributing_factor", entityId: row.id, after: row }, now);
      return row;
    },
    { behavior: "immediate" },
  );
}

/** Renames a factor (and/or changes its description); postmortems that use it show the new name. */
export function renameFactor({ actor, id, input }: { actor: Actor; id: number; input: unknown }): Factor {
  requireAdmin(actor);
  const data = parseInput(renameFactorSchema, input);
  return getDb().transaction(
    (tx) => {
      const before = findFactor(tx, id);
      if (data.name !== undefined) assertNameFree(tx, data.name, id);
      const changes = { ...(data.name !== undefined ? { name: data.name } : {}), ...(data.description !== undefined ? { description: data.description } : {}) };
      if (!Object.keys(changes).length) return { id, name: before.name, description: before.description, archived: before.archived };
      const row = tx.update(contributingFactors).set(changes).where(eq(contributingFactors.id, id)).returning(columns).get()!;
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
  requireAdmin(actor);
  return getDb().transaction(
    (tx: Tx) => {
      const before = findFactor(tx, id);
      if (before.archived === archived) return { id, name: before.name, description: before.description, archived };
      const row = tx.update(contributingFactors).set({ archived }).where(eq(contributingFactors.id, id)).returning(columns).get()!;
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
