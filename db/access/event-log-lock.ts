import { sql } from "drizzle-orm";
import { dialect } from "../dialect";
import { exec } from "../sql";
import type { Writer } from "../types";
import { EVENTS_CHANNEL } from "./event-channel";
import { EVENT_LOG_LOCK_KEY } from "../pg-locks";


/**
 * PostgreSQL: makes the transaction the log's only writer until it commits, so events commit in id
 * order and a reader following `id > last seen` never skips one that commits late (SQLite has one
 * writer anyway). Also NOTIFYs every process's feed, delivered when the transaction commits.
 */
export async function holdEventLog(tx: Writer): Promise<void> {
  if (dialect !== "pg") return;
  await exec(sql`SELECT pg_advisory_xact_lock(${EVENT_LOG_LOCK_KEY}), pg_notify(${EVENTS_CHANNEL}, '')`, tx as never);
}
