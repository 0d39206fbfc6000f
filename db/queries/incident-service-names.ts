export { serviceNamesFor } from "./incidents/list";
export type { IncidentServiceName } from "./incidents/list";
