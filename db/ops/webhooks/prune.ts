import "server-only";
import { and, inArray, lt, sql } from "drizzle-orm";
import { webhookDeliveries } from "../../schema";
import type { Db } from "../../types";
import { transaction } from "../../transaction";
import { changedRows } from "../../sql";

/** How long finished deliveries (and their attempts) stay in the delivery log. */
export const DELIVERY_LOG_DAYS = 30;

/** Deletes delivered and failed deliveries older than the log keeps, a batch at a time; returns how many went. */
export async function pruneDeliveryLog(_db: Db, now = Date.now(), batch = 1000): Promise<number> {
  const d = webhookDeliveries;
  return await transaction(async (tx) => {
    const old = tx
      .select({ id: d.id })
      .from(d)
      .where(and(inArray(d.status, ["delivered", "failed"]), lt(d.createdAt, now - DELIVERY_LOG_DAYS * 86_400_000)))
      .limit(batch);
    return changedRows(await tx.delete(d).where(sql`${d.id} IN ${old}`));
  });
}
