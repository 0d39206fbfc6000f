import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute } from "@/server/api/handler";
import { listPostmortems } from "@/db/queries/postmortems/list";
import { toPostmortemListItemJson } from "@/server/api/json/postmortem";
import { queryObject } from "../incidents/params";

export const dynamic = "force-dynamic";

/**
 * GET ?status=draft|in_review|published|not_started&q=&due=due|overdue&limit=&cursor= →
 * {items, nextCursor}: postmortems of incidents the caller may see, and incidents that
 * require one but have none yet ("not_started"). Viewers see published ones only.
 */
export const GET = apiRoute(async (req: NextRequest) => {
  const actor = await apiActor(req);
  const { items, nextCursor } = await listPostmortems({ actor, query: queryObject(req.nextUrl.searchParams) });
  return NextResponse.json({ items: items.map(toPostmortemListItemJson), nextCursor });
});
