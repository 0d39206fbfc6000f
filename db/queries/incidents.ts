export { getIncident, incidentDetail } from "./incidents/detail";
export type { AffectedService, IncidentDetail, IncidentRoleName, RolePerson } from "./incidents/detail";
export { listIncidents } from "./incidents/list";
export type { IncidentListItem } from "./incidents/list";
export { declareIncident } from "../commands/incidents/declare";
export { updateIncident } from "../commands/incidents/update";
export { findVisibleIncident } from "../access/incidents";
