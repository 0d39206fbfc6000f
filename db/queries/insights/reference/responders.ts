import "server-only";
import { sql } from "drizzle-orm";
import { ratio } from "@/lib/insights/ratio";
import type { InsightsReport } from "@/lib/insights/types";
import { incidentRoles, users } from "../../../schema";
import { tempTable, type InsightsContext } from "../scope";
import { dialect } from "../../../dialect";
import { rows, row } from "../../../sql";

const PEOPLE_LISTED = 20;

/**
 * Incidents per person holding any role on them, and the share declared out of hours.
 * CROSS JOIN keeps SQLite reading the period's incidents first and their roles by index,
 * rather than every role of every incident.
 */
export async function responderFigures(ctx: InsightsContext): Promise<InsightsReport["responders"]> {
  // PostgreSQL's CROSS JOIN takes no ON (and its planner needs no hint).
  const crossJoin = sql.raw(dialect === "pg" ? "JOIN" : "CROSS JOIN");
  const total = (await row<{ n: number; ooh: number }>(
    sql`
    SELECT COUNT(*) AS n, COALESCE(SUM(out_of_hours), 0) AS ooh FROM ${tempTable("insight_scope")} WHERE period = 0 AND drill = 0`,
    ctx.db,
  ))!;
  const people = await rows<{ userId: number; name: string; n: number; ooh: number }>(
    sql`
    SELECT u.id AS "userId", u.name AS name, COUNT(DISTINCT s.id) AS n,
      COUNT(DISTINCT CASE WHEN s.out_of_hours = 1 THEN s.id END) AS ooh
    FROM ${tempTable("insight_scope")} s
    ${crossJoin} ${incidentRoles} r ON r.incident_id = s.id
    JOIN ${users} u ON u.id = r.user_id
    WHERE s.period = 0 AND s.drill = 0
    GROUP BY u.id ORDER BY n DESC, ooh DESC, u.name, u.id LIMIT ${PEOPLE_LISTED}`,
    ctx.db,
  );
  return {
    outOfHours: ratio(total.ooh, total.n),
    people: people.map((p) => ({ userId: p.userId, name: p.name, incidents: p.n, outOfHours: p.ooh, outOfHoursRate: p.n ? p.ooh / p.n : null })),
  };
}
