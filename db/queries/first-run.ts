export { firstRunCounts } from "../access/first-run";
export { firstRunChecklist } from "./admin/first-run";
export type { FirstRunChecklist } from "./admin/first-run";
export { dismissFirstRun } from "../commands/admin/first-run";
