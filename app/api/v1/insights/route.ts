import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute } from "@/server/api/handler";
import { loadInsights } from "@/db/queries/insights";
import { queryObject } from "../incidents/params";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/insights?range=30|90|180|365 | from=YYYY-MM-DD&to=YYYY-MM-DD &severity=SEV1,SEV2&service=<slug>&team=<id>
 * → every figure of the /insights dashboard (lib/insights/types.ts InsightsReport; durations in seconds).
 */
export const GET = apiRoute(async (req: NextRequest) => {
  const actor = await apiActor(req);
  return NextResponse.json(await loadInsights({ actor, query: queryObject(req.nextUrl.searchParams) }));
});
