import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { getPostmortem } from "@/db/queries/postmortems/detail";
import { savePostmortem } from "@/db/commands/postmortems/save";
import { startPostmortem } from "@/db/commands/postmortems/start";
import { notFound } from "@/lib/errors";
import { toPostmortemJson } from "@/server/api/json/postmortem";
import { incidentReference } from "@/lib/validation/incident";
import { incidentIdFrom, type IncidentParams } from "../../params";
import { withCurrentAsJson } from "./respond";

export const dynamic = "force-dynamic";

/** GET → the incident's postmortem; 404 when none was started (viewers: when not published). */
export const GET = apiRoute(async (req: NextRequest, { params }: IncidentParams) => {
  const actor = await apiActor(req);
  const incidentId = incidentIdFrom((await params).ref);
  const postmortem = await getPostmortem({ actor, incidentId });
  if (!postmortem) throw notFound("Postmortem");
  return NextResponse.json(toPostmortemJson(postmortem));
});

/** POST (no body needed) → 201: starts the postmortem from the template; 409 when it exists. */
export const POST = apiRoute(async (req: NextRequest, { params }: IncidentParams) => {
  const actor = await apiActor(req);
  const incidentId = incidentIdFrom((await params).ref);
  const postmortem = await withCurrentAsJson(() => startPostmortem({ actor, incidentId }));
  return NextResponse.json(toPostmortemJson(postmortem), {
    status: 201,
    headers: { Location: `/api/v1/incidents/${incidentReference(incidentId)}/postmortem` },
  });
});

/**
 * PUT {version, sections?: {key: markdown}, factorIds?, tags?, ownerId? | ownerEmail?, noActionItemsReason?: string | null} → 200. Sections not
 * sent stay as they are. A stale version gets 409 {error, current}.
 */
export const PUT = apiRoute(async (req: NextRequest, { params }: IncidentParams) => {
  const actor = await apiActor(req);
  const incidentId = incidentIdFrom((await params).ref);
  const input = await readJson(req);
  return NextResponse.json(toPostmortemJson(await withCurrentAsJson(() => savePostmortem({ actor, incidentId, input }))));
});
