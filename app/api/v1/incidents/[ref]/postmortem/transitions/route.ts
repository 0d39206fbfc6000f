import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { transitionPostmortem } from "@/db/commands/postmortems/review";
import { toPostmortemJson } from "@/server/api/json/postmortem";
import { incidentIdFrom, type IncidentParams } from "../../../params";
import { withCurrentAsJson } from "../respond";

export const dynamic = "force-dynamic";

/**
 * POST {to: "in_review"|"published"|"draft", comment?, reviewerIds? | reviewerEmails?, acknowledgeHints?, version}
 * → 200 with the postmortem. Publishing needs a named reviewer or an admin, every review question ticked,
 * and the publish gate passed: summary, impact, timeline and root causes written, a contributing factor,
 * a tracked action item or a noActionItemsReason — else 422 with `fields` naming each missing part; with
 * blameless hints in the text it also needs acknowledgeHints: true. Back to draft needs a comment.
 */
export const POST = apiRoute(async (req: NextRequest, { params }: IncidentParams) => {
  const actor = await apiActor(req);
  const incidentId = incidentIdFrom((await params).ref);
  const input = await readJson(req);
  return NextResponse.json(toPostmortemJson(await withCurrentAsJson(() => transitionPostmortem({ actor, incidentId, input }))));
});
