import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { rotateIntegrationSecret } from "@/db/commands/integrations/manage";
import { toIntegrationJson } from "@/server/api/json/integration";
import { numericParam } from "@/server/api/integrations/params";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

/** POST {version} → {integration, secret}: a new secret, shown this once; the old one stops working. */
export const POST = apiRoute(async (req: NextRequest, { params }: Params) => {
  const actor = await apiActor(req);
  const id = await numericParam(params, "id", "Integration");
  const { integration, secret } = await rotateIntegrationSecret({ actor, id, input: await readJson(req) });
  return NextResponse.json({ integration: toIntegrationJson(integration), secret });
});
