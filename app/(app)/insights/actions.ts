"use server";
import { z } from "zod";
import { requireActor } from "@/server/auth/session";
import { actionResult } from "@/lib/action-result";
import { parseInput } from "@/lib/validation/parse";
import { loadInsights } from "@/db/queries/insights";
import type { TableData } from "./data-table";
import { normaliseInsightsSearch } from "./insights-query";
import { insightsTables } from "./table-data";
import { INSIGHTS_TABLE_IDS } from "./table-ids";

const input = z.object({ table: z.enum(INSIGHTS_TABLE_IDS), search: z.string().max(2000) });

/**
 * "Show data": one figure's numbers as tables, for the dashboard's current query. The page
 * sends only the charts; the report is usually still cached from rendering it.
 */
export async function loadInsightsTableAction(table: string, search: string) {
  const actor = await requireActor();
  return actionResult(async (): Promise<TableData[]> => {
    const parsed = parseInput(input, { table, search });
    const query = normaliseInsightsSearch(Object.fromEntries(new URLSearchParams(parsed.search)));
    return insightsTables(await loadInsights({ actor, query }), parsed.table);
  });
}
