export { getPlaybook, listPlaybooks, listServiceChoices } from "./catalogue/playbooks";
export type { PlaybookDetail, PlaybookItemView, PlaybookServiceView } from "./catalogue/playbooks";
export { parseSeverities, serviceIdsByPlaybook } from "../access/playbooks";
export { createPlaybook, deletePlaybook, insertPlaybook, requirePlaybookAdmin, serviceSlugsToIds, updatePlaybook } from "../commands/catalogue/playbooks";
