import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { incidentSloSpend } from "@/db/queries/incidents/slo-spend";
import { setSpendOverride } from "@/db/commands/incidents/services";
import { toSloSpendJson } from "@/server/api/json/service";
import { incidentIdFrom } from "../../../params";
import { sloIdFrom } from "../../../../slos/params";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ ref: string; sloId: string }> };

/** PUT {minutes, reason} → 200 with this SLO's spend from the incident (now the hand-set minutes). */
export const PUT = apiRoute(async (req: NextRequest, { params }: Params) => {
  const actor = await apiActor(req);
  const { ref, sloId: rawSloId } = await params;
  const incidentId = incidentIdFrom(ref);
  const sloId = sloIdFrom(rawSloId);
  const input = await readJson(req);
  await setSpendOverride({ actor, incidentId, sloId, input });
  const spend = (await incidentSloSpend({ actor, incidentId })).find((s) => s.sloId === sloId)!;
  return NextResponse.json(toSloSpendJson(spend));
});

/** DELETE → 204: the spend is computed from the impact again. */
export const DELETE = apiRoute(async (req: NextRequest, { params }: Params) => {
  const actor = await apiActor(req);
  const { ref, sloId: rawSloId } = await params;
  const incidentId = incidentIdFrom(ref);
  const sloId = sloIdFrom(rawSloId);
  await setSpendOverride({ actor, incidentId, sloId, input: null });
  return new NextResponse(null, { status: 204 });
});
