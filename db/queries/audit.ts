export { listAudit } from "./admin/audit";
export type { AuditFilter } from "./admin/audit";
export { readAuditActions as listAuditActions, readAuditEntityTypes as listAuditEntityTypes } from "../access/audit-filters";
