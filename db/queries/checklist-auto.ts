export { autoCheckAfterIncidentChange, autoCheckFacts, autoCheckItems } from "../commands/incidents/checklist-auto";
