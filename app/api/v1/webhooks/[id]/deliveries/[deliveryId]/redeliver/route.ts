import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute } from "@/server/api/handler";
import { redeliverWebhook } from "@/db/commands/webhooks/deliveries";
import { toWebhookDeliveryJson } from "@/server/api/json/webhook";
import { deliveryIdsFrom, type WebhookDeliveryParams } from "../../../../params";

export const dynamic = "force-dynamic";

/** POST → 202: the delivery is queued again, due now, with the same body and webhook-id. */
export const POST = apiRoute(async (req: NextRequest, { params }: WebhookDeliveryParams) => {
  const actor = await apiActor(req);
  return NextResponse.json(toWebhookDeliveryJson(await redeliverWebhook({ actor, ...(await deliveryIdsFrom(params)) })), { status: 202 });
});
