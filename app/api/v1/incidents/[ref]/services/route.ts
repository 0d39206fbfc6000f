import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { listLinkedServices } from "@/db/queries/incidents/linked-services";
import { linkService } from "@/db/commands/incidents/services";
import { toLinkedServiceJson } from "@/server/api/json/service";
import { incidentIdFrom, type IncidentParams } from "../../params";

export const dynamic = "force-dynamic";

/** GET → {items}: the services this incident affects, with their impact. */
export const GET = apiRoute(async (req: NextRequest, { params }: IncidentParams) => {
  const actor = await apiActor(req);
  const incidentId = incidentIdFrom((await params).ref);
  return NextResponse.json({ items: (await listLinkedServices({ actor, incidentId })).map(toLinkedServiceJson) });
});

/** POST {service, impact} → 200 {items}: links the service, or changes the impact of one already linked. */
export const POST = apiRoute(async (req: NextRequest, { params }: IncidentParams) => {
  const actor = await apiActor(req);
  const incidentId = incidentIdFrom((await params).ref);
  const input = await readJson(req);
  return NextResponse.json({ items: (await linkService({ actor, incidentId, input })).map(toLinkedServiceJson) });
});
