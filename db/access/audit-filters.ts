import "server-only";
import { getDb } from "../client";
import { auditLog } from "../schema";

/** The distinct actions in the audit log, alphabetically. */
export function readAuditActions(): string[] {
  return getDb()
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .orderBy(auditLog.action)
    .all()
    .map((r) => r.action);
}

/** The distinct entity types in the audit log, alphabetically. */
export function readAuditEntityTypes(): string[] {
  return getDb()
    .selectDistinct({ entityType: auditLog.entityType })
    .from(auditLog)
    .orderBy(auditLog.entityType)
    .all()
    .map((r) => r.entityType);
}
