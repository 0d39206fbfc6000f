export { readFactors as listFactors } from "../access/factors";
export type { Factor } from "../access/factors";
export { createFactor, renameFactor, archiveFactor } from "../commands/admin/factors";
