import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { notFound } from "@/lib/errors";
import { requirePermission } from "@/lib/policy";
import { getDb } from "../../client";
import { integrationDeliveries } from "../../schema";
import { allIntegrations, DELIVERIES_KEPT, deliveryOf, findIntegration, integrationView, parseResult } from "../../access/integrations";
import type { DeliveryOutcome, IntegrationDeliveryView, IntegrationView } from "./views";

export function listIntegrations({ actor }: { actor: Actor }): IntegrationView[] {
  requirePermission(actor, "integration", "manage");
  const db = getDb();
  return allIntegrations(db).map((row) => integrationView(db, row));
}

/** 404 when missing. */
export function getIntegration({ actor, id }: { actor: Actor; id: number }): IntegrationView {
  requirePermission(actor, "integration", "manage");
  const db = getDb();
  return integrationView(db, findIntegration(db, id));
}

/** The last 50 requests to the integration's endpoint, newest first. */
export function listIntegrationDeliveries({ actor, integrationId }: { actor: Actor; integrationId: number }): IntegrationDeliveryView[] {
  requirePermission(actor, "integration", "manage");
  const db = getDb();
  findIntegration(db, integrationId);
  return db
    .select()
    .from(integrationDeliveries)
    .where(eq(integrationDeliveries.integrationId, integrationId))
    .orderBy(desc(integrationDeliveries.id))
    .limit(DELIVERIES_KEPT)
    .all()
    .map((d) => ({
      id: d.id,
      receivedAt: d.receivedAt,
      httpStatus: d.httpStatus,
      outcome: d.outcome as DeliveryOutcome,
      alertCount: d.alertCount,
      result: parseResult(d.result),
      error: d.error,
    }));
}

/** The body a delivery carried (cut at the stored cap: `truncated` says so). */
export function getIntegrationDeliveryPayload({ actor, integrationId, deliveryId }: { actor: Actor; integrationId: number; deliveryId: number }) {
  requirePermission(actor, "integration", "manage");
  const db = getDb();
  findIntegration(db, integrationId);
  const row = deliveryOf(db, integrationId, deliveryId);
  if (!row) throw notFound("Delivery");
  return { payload: row.payload, truncated: row.payloadTruncated };
}
