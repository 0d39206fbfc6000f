export { lastActivity, lastStakeholderUpdateAt } from "./incidents/activity";
