import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { setReviewers } from "@/db/commands/postmortems/reviewers";
import { toPostmortemJson } from "@/server/api/json/postmortem";
import { incidentIdFrom, type IncidentParams } from "../../../params";

export const dynamic = "force-dynamic";

/** PUT {reviewerIds: number[]} or {reviewerEmails: string[]} → 200 with the postmortem: replaces the named reviewers (active responders or admins). */
export const PUT = apiRoute(async (req: NextRequest, { params }: IncidentParams) => {
  const actor = await apiActor(req);
  const incidentId = incidentIdFrom((await params).ref);
  const input = await readJson(req);
  return NextResponse.json(toPostmortemJson(await setReviewers({ actor, incidentId, input })));
});
