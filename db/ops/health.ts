import { getSqlite } from "../client";

export function databaseHealthy(): boolean {
  try {
    return getSqlite().prepare("SELECT 1 AS ok").get() !== undefined;
  } catch (error) {
    console.error("[health] database check failed", error);
    return false;
  }
}
