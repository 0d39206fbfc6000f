import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute } from "@/server/api/handler";
import { listIntegrationDeliveries } from "@/db/queries/integrations/integrations";
import { toDeliveryJson } from "@/server/api/json/integration";
import { numericParam } from "@/server/api/integrations/params";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

/** GET → {items}: the last 50 requests to the integration's endpoint, newest first (admins). */
export const GET = apiRoute(async (req: NextRequest, { params }: Params) => {
  const actor = await apiActor(req);
  const integrationId = await numericParam(params, "id", "Integration");
  return NextResponse.json({ items: (await listIntegrationDeliveries({ actor, integrationId })).map(toDeliveryJson) });
});
