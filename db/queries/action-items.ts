export { getActionItem, actionItemsForIncident, openActionItemCounts } from "./action-items/read";
export { listActionItems } from "./action-items/list";
export type { ActionItemView, ActionItemProgress } from "./action-items/views";
export { createActionItem } from "../commands/action-items/create";
export { updateActionItem } from "../commands/action-items/update";
