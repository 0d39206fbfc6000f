import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute } from "@/server/api/handler";
import { unlinkService } from "@/db/commands/incidents/services";
import { toLinkedServiceJson } from "@/server/api/json/service";
import { incidentIdFrom } from "../../../params";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ ref: string; slug: string }> };

/** DELETE → 200 {items}: the services still linked. */
export const DELETE = apiRoute(async (req: NextRequest, { params }: Params) => {
  const actor = await apiActor(req);
  const { ref, slug } = await params;
  const incidentId = incidentIdFrom(ref);
  return NextResponse.json({ items: (await unlinkService({ actor, incidentId, slug })).map(toLinkedServiceJson) });
});
