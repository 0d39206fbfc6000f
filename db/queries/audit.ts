import "server-only";
import { and, desc, eq, like, lt, or, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { hasRole } from "@/lib/roles";
import { forbidden } from "@/lib/errors";
import { getDb, type Db } from "../client";
import { auditLog } from "../schema";

export type AuditFilter = { action?: string; entityType?: string; actor?: string; q?: string; before?: number; limit?: number };

export function listAudit({ actor, filter }: { actor: Actor; filter: AuditFilter }) {
  if (!hasRole(actor.role, "admin")) throw forbidden("Only admins can read the audit log");
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
  if (filter.actor) conditions.push(like(auditLog.actorLabel, `%${filter.actor}%`));
  if (filter.q) conditions.push(or(like(auditLog.entityId, `%${filter.q}%`), like(auditLog.after, `%${filter.q}%`), like(auditLog.before, `%${filter.q}%`))!);
  if (filter.before) conditions.push(lt(auditLog.id, filter.before));
  const limit = Math.min(filter.limit ?? 50, 200);
  const rows = getDb()
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit + 1)
    .all();
  const hasMore = rows.length > limit;
  const items = rows.slice(0, limit);
  return { items, nextBefore: hasMore ? items[items.length - 1]!.id : null };
}

export function listAuditActions(): string[] {
  return getDb()
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .orderBy(auditLog.action)
    .all()
    .map((r) => r.action);
}

/** The entity types that appear in the log, for the audit filter. */
export function listAuditEntityTypes(): string[] {
  return getDb()
    .selectDistinct({ entityType: auditLog.entityType })
    .from(auditLog)
    .orderBy(auditLog.entityType)
    .all()
    .map((r) => r.entityType);
}
