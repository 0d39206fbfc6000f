import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { getIncident, type IncidentDetail } from "@/db/queries/incidents/detail";
import { updateIncident } from "@/db/commands/incidents/update";
import { AppError } from "@/lib/errors";
import { toIncidentJson } from "@/server/api/json/incident";
import { incidentIdFrom, type IncidentParams } from "../params";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (req: NextRequest, { params }: IncidentParams) => {
  const actor = await apiActor(req);
  const incidentId = incidentIdFrom((await params).ref);
  return NextResponse.json(toIncidentJson(await getIncident({ actor, incidentId })));
});

/** PATCH with the `version` last read; a stale one gets 409 with the current incident in the same shape as GET. */
export const PATCH = apiRoute(async (req: NextRequest, { params }: IncidentParams) => {
  const actor = await apiActor(req);
  const incidentId = incidentIdFrom((await params).ref);
  const input = await readJson(req);
  try {
    return NextResponse.json(toIncidentJson(await updateIncident({ actor, incidentId, input })));
  } catch (error) {
    const current = error instanceof AppError ? (error.details?.current as IncidentDetail | undefined) : undefined;
    if (error instanceof AppError && current) {
      throw new AppError(error.code, error.message, error.fields, { ...error.details, current: toIncidentJson(current) });
    }
    throw error;
  }
});
