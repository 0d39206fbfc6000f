import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute } from "@/server/api/handler";
import { listActionItems } from "@/db/queries/action-items/list";
import { toActionItemJson } from "@/server/api/json/action-item";
import { queryObject } from "../incidents/params";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/action-items?owner=me|id|email&team=&service=&status=open,in_progress&priority=&overdue=true&incident=INC-n
 * &sort=due|-due&limit=&cursor= → {items, nextCursor}; only items of incidents the caller can see.
 */
export const GET = apiRoute(async (req: NextRequest) => {
  const actor = await apiActor(req);
  const { items, nextCursor } = await listActionItems({ actor, query: queryObject(req.nextUrl.searchParams) });
  return NextResponse.json({ items: items.map(toActionItemJson), nextCursor });
});
