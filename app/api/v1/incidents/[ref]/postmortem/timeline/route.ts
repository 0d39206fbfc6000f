import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { regenerateTimelineSection } from "@/db/commands/postmortems/regenerate-timeline";
import { parseInput } from "@/lib/validation/parse";
import { regenerateTimelineSchema } from "@/lib/validation/postmortem";
import { toPostmortemJson } from "@/server/api/json/postmortem";
import { incidentIdFrom, type IncidentParams } from "../../../params";
import { withCurrentAsJson } from "../respond";

export const dynamic = "force-dynamic";

/**
 * POST {version, includeAllNotes?} → 200: the timeline section regenerated from the incident (key times,
 * status/severity changes, highlighted entries; every note with includeAllNotes: true); stale → 409 {error, current}.
 */
export const POST = apiRoute(async (req: NextRequest, { params }: IncidentParams) => {
  const actor = await apiActor(req);
  const incidentId = incidentIdFrom((await params).ref);
  const { version, includeAllNotes } = parseInput(regenerateTimelineSchema, await readJson(req));
  return NextResponse.json(toPostmortemJson(await withCurrentAsJson(() => regenerateTimelineSection({ actor, incidentId, version, includeAllNotes }))));
});
