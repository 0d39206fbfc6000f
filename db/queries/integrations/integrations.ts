import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { notFound } from "@/lib/errors";
import { requirePermission } from "@/lib/policy";
import { getDb } from "../../client";
import { integrationDeliveries } from "../../schema";
import { allIntegrations, DELIVERIES_KEPT, deliveryOf, findIntegration, integrationView, parseResult } from "../../access/integrations";
import type { DeliveryOutcome, IntegrationDeliveryView, IntegrationView } from "./views";

export async function listIntegrations({ actor }: { actor: Actor }): Promise<IntegrationView[]> {
  requirePermission(actor, "integration", "manage");
  const db = getDb();
  const views: IntegrationView[] = [];
  for (const row of await allIntegrations(db)) views.push(await integrationView(db, row));
  return views;
}

/** 404 when missing. */
export async function getIntegration({ actor, id }: { actor: Actor; id: number }): Promise<IntegrationView> {
  requirePermission(actor, "integration", "manage");
  const db = getDb();
  return integrationView(db, await findIntegration(db, id));
}

/** The last 50 requests to the integration's endpoint, newest first. */
export async function listIntegrationDeliveries({ actor, integrationId }: { actor: Actor; integrationId: number }): Promise<IntegrationDeliveryView[]> {
  requirePermission(actor, "integration", "manage");
  const db = getDb();
  await findIntegration(db, integrationId);
  return (
    await db
      .select()
      .from(integrationDeliveries)
      .where(eq(integrationDeliveries.integrationId, integrationId))
      .orderBy(desc(integrationDeliveries.id))
      .limit(DELIVERIES_KEPT)
  ).map((d) => ({
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
export async function getIntegrationDeliveryPayload({ actor, integrationId, deliveryId }: { actor: Actor; integrationId: number; deliveryId: number }) {
  requirePermission(actor, "integration", "manage");
  const db = getDb();
  await findIntegration(db, integrationId);
  const row = await deliveryOf(db, integrationId, deliveryId);
  if (!row) throw notFound("Delivery");
  return { payload: row.payload, truncated: row.payloadTruncated };
}
