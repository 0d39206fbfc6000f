import "server-only";
import { desc } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { getDb } from "../../client";
import { incidents } from "../../schema";
import { visibleTo } from "../../access/incidents";

export const BENCH_FLOOR_ROWS = 50;

/**
 * The framework floor of `npm run bench`: 50 incident rows the actor may see, newest first, in
 * one indexed read. What a page costs beyond this is the page's own work.
 */
export async function benchFloorRows({ actor }: { actor: Actor }) {
  return await getDb()
    .select({ id: incidents.id, title: incidents.title, severity: incidents.severity, status: incidents.status, startedAt: incidents.startedAt })
    .from(incidents)
    .where(visibleTo(actor))
    .orderBy(desc(incidents.id))
    .limit(BENCH_FLOOR_ROWS);
}
