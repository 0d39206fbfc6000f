import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { declareIncident } from "@/db/commands/incidents/declare";
import { listIncidents } from "@/db/queries/incidents/list";
import { toIncidentJson, toIncidentListItemJson } from "@/server/api/json/incident";
import { queryObject } from "./params";

export const dynamic = "force-dynamic";

/** GET /api/v1/incidents?status=&severity=&q=&limit=&cursor=&mine= → {items, nextCursor}; open first, newest first. */
export const GET = apiRoute(async (req: NextRequest) => {
  const actor = await apiActor(req);
  const { items, nextCursor } = await listIncidents({ actor, query: queryObject(req.nextUrl.searchParams) });
  return NextResponse.json({ items: items.map(toIncidentListItemJson), nextCursor });
});

/** POST /api/v1/incidents → 201; a retry with the same Idempotency-Key returns the first incident. */
export const POST = apiRoute(async (req: NextRequest) => {
  const actor = await apiActor(req);
  const input = await readJson(req);
  const { incident, replayed } = await declareIncident({ actor, input, idempotencyKey: req.headers.get("idempotency-key") });
  const json = toIncidentJson(incident);
  const headers: Record<string, string> = { Location: `/api/v1/incidents/${json.reference}` };
  if (replayed) headers["Idempotent-Replayed"] = "true";
  return NextResponse.json(json, { status: 201, headers });
});
