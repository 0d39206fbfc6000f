import "server-only";
import { and, desc, eq, ilike, like, lt, or, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { requirePermission } from "@/lib/policy";
import { getDb } from "../../client";
import { dialect } from "../../dialect";
import { auditLog } from "../../schema";
import { readAuditActions, readAuditEntityTypes } from "../../access/audit-filters";

export type AuditFilter = { action?: string; entityType?: string; actor?: string; q?: string; before?: number; limit?: number };

// Any case on both engines: SQLite's LIKE ignores ASCII case, PostgreSQL's needs ILIKE.
const likeAnyCase = dialect === "pg" ? ilike : like;

export async function listAudit({ actor, filter }: { actor: Actor; filter: AuditFilter }) {
  requirePermission(actor, "audit", "read");
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
  if (filter.actor) conditions.push(likeAnyCase(auditLog.actorLabel, `%${filter.actor}%`));
  if (filter.q)
    conditions.push(
      or(likeAnyCase(auditLog.entityId, `%${filter.q}%`), likeAnyCase(auditLog.after, `%${filter.q}%`), likeAnyCase(auditLog.before, `%${filter.q}%`))!,
    );
  if (filter.before) conditions.push(lt(auditLog.id, filter.before));
  const limit = Math.min(filter.limit ?? 50, 200);
  const rows = await getDb()
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const hasMore = rows.length > limit;
  const items = rows.slice(0, limit);
  return { items, nextBefore: hasMore ? items[items.length - 1]!.id : null };
}

/** The actions that appear in the log, for the audit filter. */
export async function listAuditActions({ actor }: { actor: Actor }): Promise<string[]> {
  requirePermission(actor, "audit", "read");
  return await readAuditActions();
}

/** The entity types that appear in the log, for the audit filter. */
export async function listAuditEntityTypes({ actor }: { actor: Actor }): Promise<string[]> {
  requirePermission(actor, "audit", "read");
  return await readAuditEntityTypes();
}
