import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { createWebhookEndpoint } from "@/db/commands/webhooks/endpoints";
import { listWebhookEndpoints } from "@/db/queries/webhooks/endpoints";
import { toWebhookEndpointJson } from "@/server/api/json/webhook";

export const dynamic = "force-dynamic";

/** GET → {items}: every webhook endpoint (admins). */
export const GET = apiRoute(async (req: NextRequest) => {
  const actor = await apiActor(req);
  return NextResponse.json({ items: (await listWebhookEndpoints({ actor })).map(toWebhookEndpointJson) });
});

/** POST {name, url, events, format, enabled?, includePrivate?} → 201 with the signing secret, shown this once (admins). */
export const POST = apiRoute(async (req: NextRequest) => {
  const actor = await apiActor(req);
  const { endpoint, secret } = await createWebhookEndpoint({ actor, input: await readJson(req) });
  return NextResponse.json({ ...toWebhookEndpointJson(endpoint), secret }, { status: 201, headers: { Location: `/api/v1/webhooks/${endpoint.id}` } });
});
