import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { setHighlighted } from "@/db/commands/incidents/timeline";
import { toTimelineEntryJson } from "@/server/api/json/incident";
import { parseInput } from "@/lib/validation/parse";
import { highlightEntrySchema } from "@/lib/validation/incident";
import { entryIdFrom, incidentIdFrom, type TimelineEntryParams } from "../../../params";

export const dynamic = "force-dynamic";

/** PATCH {highlighted} → 200 with the entry. */
export const PATCH = apiRoute(async (req: NextRequest, { params }: TimelineEntryParams) => {
  const actor = await apiActor(req);
  const { ref, id } = await params;
  const incidentId = incidentIdFrom(ref);
  const entryId = entryIdFrom(id);
  const { highlighted } = parseInput(highlightEntrySchema, await readJson(req));
  return NextResponse.json(toTimelineEntryJson(await setHighlighted({ actor, incidentId, entryId, highlighted })));
});
