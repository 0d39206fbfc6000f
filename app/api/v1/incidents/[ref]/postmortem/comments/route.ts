import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { addComment } from "@/db/commands/postmortems/comments";
import { parseInput } from "@/lib/validation/parse";
import { addCommentSchema } from "@/lib/validation/postmortem";
import { toPostmortemCommentJson } from "@/server/api/json/postmortem";
import { incidentIdFrom, type IncidentParams } from "../../../params";

export const dynamic = "force-dynamic";

/** POST {section: a section key or "review", body} → 201 with the comment. */
export const POST = apiRoute(async (req: NextRequest, { params }: IncidentParams) => {
  const actor = await apiActor(req);
  const incidentId = incidentIdFrom((await params).ref);
  const { section, body } = parseInput(addCommentSchema, await readJson(req));
  return NextResponse.json(toPostmortemCommentJson(await addComment({ actor, incidentId, section, body })), { status: 201 });
});
