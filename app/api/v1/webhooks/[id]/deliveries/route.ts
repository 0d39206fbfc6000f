import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute } from "@/server/api/handler";
import { parseInput } from "@/lib/validation/parse";
import { webhookDeliveriesQuerySchema } from "@/lib/webhooks/validation";
import { listWebhookDeliveries } from "@/db/queries/webhooks/deliveries";
import { toWebhookDeliveryJson } from "@/server/api/json/webhook";
import { queryObject } from "../../../incidents/params";
import { webhookIdFrom, type WebhookParams } from "../../params";

export const dynamic = "force-dynamic";

/** GET ?limit=&cursor= → {items, nextCursor}: the endpoint's deliveries, newest first. */
export const GET = apiRoute(async (req: NextRequest, { params }: WebhookParams) => {
  const actor = await apiActor(req);
  const endpointId = await webhookIdFrom(params);
  const query = parseInput(webhookDeliveriesQuerySchema, queryObject(req.nextUrl.searchParams));
  const { items, nextCursor } = await listWebhookDeliveries({ actor, endpointId, cursor: query.cursor, limit: query.limit });
  return NextResponse.json({ items: items.map(toWebhookDeliveryJson), nextCursor });
});
