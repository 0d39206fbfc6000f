import { index, integer, real, sqliteTable } from "drizzle-orm/sqlite-core";
import { parentId } from "./columns";
import { incidents } from "./incidents";
import { slos } from "./slos";

/**
 * Derived (db/access/slo-spend-segments.ts): the error-budget sweep of each SLO's service
 * history, kept up to date by the writes that change impacts. A budget is these segments
 * clipped to its window, plus the overrides that count.
 */
export const sloSpendSegments = sqliteTable(
  "slo_spend_segments",
  {
    sloId: parentId("slo_id", () => slos.id),
    start: integer("start").notNull(),
    // OPEN_END (lib/spend-sweep.ts) while the impact goes on: clipped at now when read.
    end: integer("end").notNull(),
    incidentId: parentId("incident_id", () => incidents.id),
    weight: real("weight").notNull(),
  },
  // One index: windows, and the stretches a write re-derives, are found by where segments end.
  // Segments of one SLO never overlap, so (slo_id, start) is unique without a key to maintain.
  (t) => [index("slo_spend_segments_end_idx").on(t.sloId, t.end)],
);
export type SloSpendSegment = typeof sloSpendSegments.$inferSelect;
