import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { AppError } from "@/lib/errors";
import type { WebhookEndpointView } from "@/lib/webhooks/event-types";
import { deleteWebhookEndpoint, updateWebhookEndpoint } from "@/db/commands/webhooks/endpoints";
import { getWebhookEndpoint } from "@/db/queries/webhooks/endpoints";
import { toWebhookEndpointJson } from "@/server/api/json/webhook";
import { webhookIdFrom, type WebhookParams } from "../params";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (req: NextRequest, { params }: WebhookParams) => {
  const actor = await apiActor(req);
  return NextResponse.json(toWebhookEndpointJson(await getWebhookEndpoint({ actor, id: await webhookIdFrom(params) })));
});

/** PATCH with `version` and any of the POST fields; `enabled: true` clears the disabled notice. A stale version gets 409 with the current endpoint. */
export const PATCH = apiRoute(async (req: NextRequest, { params }: WebhookParams) => {
  const actor = await apiActor(req);
  const id = await webhookIdFrom(params);
  const input = await readJson(req);
  try {
    return NextResponse.json(toWebhookEndpointJson(await updateWebhookEndpoint({ actor, id, input })));
  } catch (error) {
    const current = error instanceof AppError ? (error.details?.current as WebhookEndpointView | undefined) : undefined;
    if (error instanceof AppError && current) throw new AppError(error.code, error.message, error.fields, { current: toWebhookEndpointJson(current) });
    throw error;
  }
});

/** DELETE → 204, with the endpoint's delivery log. */
export const DELETE = apiRoute(async (req: NextRequest, { params }: WebhookParams) => {
  const actor = await apiActor(req);
  await deleteWebhookEndpoint({ actor, id: await webhookIdFrom(params) });
  return new NextResponse(null, { status: 204 });
});
