export { applyIncidentUpdate } from "../commands/incidents/update";
