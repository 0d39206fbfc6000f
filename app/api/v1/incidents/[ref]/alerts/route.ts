import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute } from "@/server/api/handler";
import { listIncidentAlerts } from "@/db/queries/integrations/incident-alerts";
import { toIncidentAlertsJson } from "@/server/api/json/integration";
import { incidentIdFrom, type IncidentParams } from "../../params";

export const dynamic = "force-dynamic";

/** GET → {alerts, total, firing, allResolved}: the alerts integrations attached to this incident, firing first. */
export const GET = apiRoute(async (req: NextRequest, { params }: IncidentParams) => {
  const actor = await apiActor(req);
  const incidentId = incidentIdFrom((await params).ref);
  return NextResponse.json(toIncidentAlertsJson(await listIncidentAlerts({ actor, incidentId })));
});
