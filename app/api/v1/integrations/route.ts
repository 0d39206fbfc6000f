import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { createIntegration } from "@/db/commands/integrations/manage";
import { listIntegrations } from "@/db/queries/integrations/integrations";
import { toIntegrationJson } from "@/server/api/json/integration";

export const dynamic = "force-dynamic";

/** GET → {items}: every integration (admins). */
export const GET = apiRoute(async (req: NextRequest) => {
  const actor = await apiActor(req);
  return NextResponse.json({ items: (await listIntegrations({ actor })).map(toIntegrationJson) });
});

/** POST {name, kind, enabled?, rules?, hmacSecret?} → 201 {integration, secret} (admins); the secret is shown this once. */
export const POST = apiRoute(async (req: NextRequest) => {
  const actor = await apiActor(req);
  const { integration, secret } = await createIntegration({ actor, input: await readJson(req) });
  return NextResponse.json({ integration: toIntegrationJson(integration), secret }, { status: 201 });
});
