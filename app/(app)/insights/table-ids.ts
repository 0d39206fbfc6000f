/** The figures whose numbers "Show data" loads on demand (see table-data.ts). */
export const INSIGHTS_TABLE_IDS = [
  "duration-trend",
  "distribution-mitigate",
  "distribution-resolve",
  "over-time",
  "services",
  "factors",
  "repeats",
  "postmortems",
  "action-items",
  "responders",
] as const;

export type InsightsTableId = (typeof INSIGHTS_TABLE_IDS)[number];
