export { listChecklist } from "./incidents/checklist";
export type { ChecklistItem } from "./incidents/checklist";
export { applyMatchingPlaybooks, setChecklistItemDone } from "../commands/incidents/checklist";
