import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute } from "@/server/api/handler";
import { removeResponder } from "@/db/commands/incidents/people";
import { getIncident } from "@/db/queries/incidents/detail";
import { toIncidentJson } from "@/server/api/json/incident";
import { incidentIdFrom } from "../../../params";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ ref: string; person: string }> };

/** "sam%40example.com" → "sam@example.com"; a stray "%" is kept as sent (then no such responder: 404). */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** DELETE → 200 with the incident: removes the responder named by user id or email; 404 when they are not one. */
export const DELETE = apiRoute(async (req: NextRequest, { params }: Params) => {
  const actor = await apiActor(req);
  const { ref, person } = await params;
  const incidentId = incidentIdFrom(ref);
  await removeResponder({ actor, incidentId, person: decoded(person) });
  return NextResponse.json(toIncidentJson(await getIncident({ actor, incidentId })));
});
