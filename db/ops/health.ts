import { sql } from "drizzle-orm";
import { row } from "../sql";

/** Whether the database answers a trivial query (SQLite file or PostgreSQL server). */
export async function databaseHealthy(): Promise<boolean> {
  try {
    return (await row(sql`SELECT 1 AS ok`)) !== undefined;
  } catch (error) {
    console.error("[health] database check failed", error);
    return false;
  }
}
