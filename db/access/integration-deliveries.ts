import "server-only";
import { and, desc, eq, lt } from "drizzle-orm";
import { deliveryOutcome, type DeliveryCounts } from "@/lib/alerts/delivery-outcome";
import { integrationDeliveries } from "../schema";
import { DELIVERIES_KEPT } from "./integrations";
import { transaction } from "../transaction";

/** Payloads are kept up to this many characters (a 1 MB burst would otherwise fill the log). */
export const PAYLOAD_CAP = 64 * 1024;

export type DeliveryRecord = {
  integrationId: number;
  receivedAt: number;
  httpStatus: number;
  alertCount: number;
  result: DeliveryCounts | null;
  error: string | null;
  payload: string;
};

/** Stores one request in the integration's log, in its own write, and keeps only the newest 50. */
export async function recordDelivery(record: DeliveryRecord) {
  await transaction(async (tx) => {
    await tx.insert(integrationDeliveries).values({
      integrationId: record.integrationId,
      receivedAt: record.receivedAt,
      httpStatus: record.httpStatus,
      outcome: deliveryOutcome(record.httpStatus, record.result),
      alertCount: record.alertCount,
      result: record.result === null ? null : JSON.stringify(record.result),
      error: record.error === null ? null : record.error.slice(0, 2000),
      payload: record.payload.slice(0, PAYLOAD_CAP),
      payloadTruncated: record.payload.length > PAYLOAD_CAP,
    });
    const oldestKept = (
      await tx
        .select({ id: integrationDeliveries.id })
        .from(integrationDeliveries)
        .where(eq(integrationDeliveries.integrationId, record.integrationId))
        .orderBy(desc(integrationDeliveries.id))
        .limit(1)
        .offset(DELIVERIES_KEPT - 1)
    )[0];
    if (oldestKept) {
      await tx
        .delete(integrationDeliveries)
        .where(and(eq(integrationDeliveries.integrationId, record.integrationId), lt(integrationDeliveries.id, oldestKept.id)));
    }
  });
}
