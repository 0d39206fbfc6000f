import "server-only";
import { getDb } from "../client";
import { auditLog } from "../schema";

/** The distinct actions in the audit log, alphabetically. */
export async function readAuditActions(): Promise<string[]> {
  return (await getDb().selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action)).map((r) => r.action);
}

/** The distinct entity types in the audit log, alphabetically. */
export async function readAuditEntityTypes(): Promise<string[]> {
  return (await getDb().selectDistinct({ entityType: auditLog.entityType }).from(auditLog).orderBy(auditLog.entityType)).map((r) => r.entityType);
}
