import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { rotateWebhookSecret } from "@/db/commands/webhooks/endpoints";
import { toWebhookEndpointJson } from "@/server/api/json/webhook";
import { webhookIdFrom, type WebhookParams } from "../../params";

export const dynamic = "force-dynamic";

/** POST {version} → the endpoint with its new signing secret, shown this once; the old secret stops signing. */
export const POST = apiRoute(async (req: NextRequest, { params }: WebhookParams) => {
  const actor = await apiActor(req);
  const id = await webhookIdFrom(params);
  const { endpoint, secret } = await rotateWebhookSecret({ actor, id, input: await readJson(req) });
  return NextResponse.json({ ...toWebhookEndpointJson(endpoint), secret });
});
