import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute } from "@/server/api/handler";
import { sendTestWebhook } from "@/db/commands/webhooks/deliveries";
import { toWebhookDeliveryJson } from "@/server/api/json/webhook";
import { webhookIdFrom, type WebhookParams } from "../../params";

export const dynamic = "force-dynamic";

/** POST → 202 with a queued "webhook.test" delivery, sent at once; follow it in the delivery log. */
export const POST = apiRoute(async (req: NextRequest, { params }: WebhookParams) => {
  const actor = await apiActor(req);
  const delivery = await sendTestWebhook({ actor, endpointId: await webhookIdFrom(params) });
  return NextResponse.json(toWebhookDeliveryJson(delivery), { status: 202 });
});
