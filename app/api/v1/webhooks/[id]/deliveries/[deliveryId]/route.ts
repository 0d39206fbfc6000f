import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute } from "@/server/api/handler";
import { getWebhookDelivery } from "@/db/queries/webhooks/deliveries";
import { toWebhookDeliveryDetailJson } from "@/server/api/json/webhook";
import { deliveryIdsFrom, type WebhookDeliveryParams } from "../../../params";

export const dynamic = "force-dynamic";

/** GET → the delivery with the body it sends and every attempt (time, response code, duration, error). */
export const GET = apiRoute(async (req: NextRequest, { params }: WebhookDeliveryParams) => {
  const actor = await apiActor(req);
  return NextResponse.json(toWebhookDeliveryDetailJson(await getWebhookDelivery({ actor, ...(await deliveryIdsFrom(params)) })));
});
