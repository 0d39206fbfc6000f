import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { createService } from "@/db/commands/catalogue/services";
import { getService, listServices } from "@/db/queries/catalogue/services";
import { toServiceJson } from "@/server/api/json/service";
import { queryObject } from "../incidents/params";
import { serviceDetailJson } from "./params";

export const dynamic = "force-dynamic";

/** GET /api/v1/services?q=&team=&tier=&openIncident=1&atRisk=1 → {items}; most critical tier first, then by name. */
export const GET = apiRoute(async (req: NextRequest) => {
  const actor = await apiActor(req);
  const items = await listServices({ actor, query: queryObject(req.nextUrl.searchParams) });
  return NextResponse.json({ items: items.map(toServiceJson) });
});

/** POST /api/v1/services (admin) → 201 with the service. */
export const POST = apiRoute(async (req: NextRequest) => {
  const actor = await apiActor(req);
  const input = await readJson(req);
  const created = await createService({ actor, input });
  const json = await serviceDetailJson(actor, await getService({ actor, slug: created.slug }));
  return NextResponse.json(json, { status: 201, headers: { Location: `/api/v1/services/${json.slug}` } });
});
