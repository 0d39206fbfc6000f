import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute } from "@/server/api/handler";
import { listChecklist } from "@/db/queries/incidents/checklist";
import { toChecklistJson } from "@/server/api/json/playbook";
import { incidentIdFrom, type IncidentParams } from "../../params";

export const dynamic = "force-dynamic";

/** GET → {items: [...], progress: {done, total}}, in checklist order. */
export const GET = apiRoute(async (req: NextRequest, { params }: IncidentParams) => {
  const actor = await apiActor(req);
  const incidentId = incidentIdFrom((await params).ref);
  return NextResponse.json(toChecklistJson(await listChecklist({ actor, incidentId })));
});
