import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute } from "@/server/api/handler";
import { incidentSloSpend } from "@/db/queries/incidents/slo-spend";
import { toSloSpendJson } from "@/server/api/json/service";
import { incidentIdFrom, type IncidentParams } from "../../params";

export const dynamic = "force-dynamic";

/** GET → {items}: each linked SLO's spend from this incident, and whether it pushed the SLO to at risk or exhausted. */
export const GET = apiRoute(async (req: NextRequest, { params }: IncidentParams) => {
  const actor = await apiActor(req);
  const incidentId = incidentIdFrom((await params).ref);
  return NextResponse.json({ items: (await incidentSloSpend({ actor, incidentId })).map(toSloSpendJson) });
});
