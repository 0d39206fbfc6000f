import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { addNote } from "@/db/commands/incidents/timeline";
import { listTimeline } from "@/db/queries/incidents/timeline";
import { toTimelineEntryJson } from "@/server/api/json/incident";
import { incidentIdFrom, type IncidentParams } from "../../params";

export const dynamic = "force-dynamic";

/** GET → {items}, oldest first (the order an incident is read in). */
export const GET = apiRoute(async (req: NextRequest, { params }: IncidentParams) => {
  const actor = await apiActor(req);
  const incidentId = incidentIdFrom((await params).ref);
  return NextResponse.json({ items: (await listTimeline({ actor, incidentId })).map(toTimelineEntryJson) });
});

/** POST {body, occurredAt?, highlighted?} → 201 with the note. */
export const POST = apiRoute(async (req: NextRequest, { params }: IncidentParams) => {
  const actor = await apiActor(req);
  const incidentId = incidentIdFrom((await params).ref);
  const input = await readJson(req);
  return NextResponse.json(toTimelineEntryJson(await addNote({ actor, incidentId, input })), { status: 201 });
});
