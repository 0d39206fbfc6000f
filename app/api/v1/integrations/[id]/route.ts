import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { deleteIntegration, updateIntegration } from "@/db/commands/integrations/manage";
import { getIntegration } from "@/db/queries/integrations/integrations";
import type { IntegrationView } from "@/db/queries/integrations/views";
import { toIntegrationJson } from "@/server/api/json/integration";
import { numericParam } from "@/server/api/integrations/params";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export const GET = apiRoute(async (req: NextRequest, { params }: Params) => {
  const actor = await apiActor(req);
  return NextResponse.json(toIntegrationJson(await getIntegration({ actor, id: await numericParam(params, "id", "Integration") })));
});

/** PATCH {version, name?, enabled?, rules?, hmacSecret? (null removes)} → 200, or 409 with `current`. */
export const PATCH = apiRoute(async (req: NextRequest, { params }: Params) => {
  const actor = await apiActor(req);
  const id = await numericParam(params, "id", "Integration");
  try {
    return NextResponse.json(toIntegrationJson(await updateIntegration({ actor, id, input: await readJson(req) })));
  } catch (error) {
    const current = error instanceof AppError ? (error.details?.current as IntegrationView | undefined) : undefined;
    if (error instanceof AppError && current) throw new AppError(error.code, error.message, error.fields, { current: toIntegrationJson(current) });
    throw error;
  }
});

/** DELETE → 204, with its alerts and delivery log; incidents it declared stay. */
export const DELETE = apiRoute(async (req: NextRequest, { params }: Params) => {
  const actor = await apiActor(req);
  await deleteIntegration({ actor, id: await numericParam(params, "id", "Integration") });
  return new NextResponse(null, { status: 204 });
});
