import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { addResponderFromInput } from "@/db/commands/incidents/people";
import { getIncident } from "@/db/queries/incidents/detail";
import { toIncidentJson } from "@/server/api/json/incident";
import { incidentIdFrom, type IncidentParams } from "../../params";

export const dynamic = "force-dynamic";

/** POST {userId} or {email} → 200 with the incident: adds a responder (already one: no change). */
export const POST = apiRoute(async (req: NextRequest, { params }: IncidentParams) => {
  const actor = await apiActor(req);
  const incidentId = incidentIdFrom((await params).ref);
  await addResponderFromInput({ actor, incidentId, input: await readJson(req) });
  return NextResponse.json(toIncidentJson(await getIncident({ actor, incidentId })));
});
