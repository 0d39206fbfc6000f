export { readFactorUsage as factorUsageCounts } from "../access/factors";
