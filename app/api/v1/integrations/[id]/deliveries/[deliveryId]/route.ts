import { NextResponse, type NextRequest } from "next/server";
import { notFound } from "@/lib/errors";
import { apiActor, apiRoute } from "@/server/api/handler";
import { getIntegrationDeliveryPayload, listIntegrationDeliveries } from "@/db/queries/integrations/integrations";
import { toDeliveryJson } from "@/server/api/json/integration";
import { numericParam } from "@/server/api/integrations/params";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string; deliveryId: string }> };

/** GET → the delivery with `payload` (the body as received, cut at 64 KiB: `truncated`). */
export const GET = apiRoute(async (req: NextRequest, { params }: Params) => {
  const actor = await apiActor(req);
  const integrationId = await numericParam(params, "id", "Integration");
  const deliveryId = await numericParam(params, "deliveryId", "Delivery");
  const { payload, truncated } = await getIntegrationDeliveryPayload({ actor, integrationId, deliveryId });
  const delivery = (await listIntegrationDeliveries({ actor, integrationId })).find((d) => d.id === deliveryId);
  if (!delivery) throw notFound("Delivery");
  return NextResponse.json({ ...toDeliveryJson(delivery), payload, truncated });
});
