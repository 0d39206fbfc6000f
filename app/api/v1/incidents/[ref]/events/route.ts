import type { NextRequest } from "next/server";
import { apiActor, apiRoute } from "@/server/api/handler";
import { eventStreamResponse } from "@/server/api/event-stream";
import { incidentIdFrom, type IncidentParams } from "../../params";

export const dynamic = "force-dynamic";

/** Server-Sent Events: this incident's changes, as the incident itself is authorised (private → 404). */
export const GET = apiRoute(async (req: NextRequest, { params }: IncidentParams) => {
  const actor = await apiActor(req);
  const incidentId = incidentIdFrom((await params).ref);
  return eventStreamResponse(req, { actor, incidentId });
});
