import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { setReviewCheck } from "@/db/commands/postmortems/reviewers";
import { parseInput } from "@/lib/validation/parse";
import { reviewCheckSchema } from "@/lib/validation/postmortem";
import { toPostmortemJson } from "@/server/api/json/postmortem";
import { incidentIdFrom, type IncidentParams } from "../../../params";

export const dynamic = "force-dynamic";

/** PUT {key, checked} → 200 with the postmortem: a named reviewer or an admin ticks one review question. */
export const PUT = apiRoute(async (req: NextRequest, { params }: IncidentParams) => {
  const actor = await apiActor(req);
  const incidentId = incidentIdFrom((await params).ref);
  const { key, checked } = parseInput(reviewCheckSchema, await readJson(req));
  return NextResponse.json(toPostmortemJson(await setReviewCheck({ actor, incidentId, key, checked })));
});
