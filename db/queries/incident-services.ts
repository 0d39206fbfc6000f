export { linkedServices } from "../access/linked-services";
export type { LinkedService } from "../access/linked-services";
export { incidentSloSpend } from "./incidents/slo-spend";
export type { IncidentSloSpend } from "./incidents/slo-spend";
export { linkService, linkServiceInTx, setSpendOverride, unlinkService } from "../commands/incidents/services";
