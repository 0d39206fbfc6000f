import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute } from "@/server/api/handler";
import { search } from "@/db/queries/incidents/search";

export const dynamic = "force-dynamic";

/**
 * GET ?q=&limit= → {incidents: [{reference, title, severity, status}], services: [{slug, name}], people: [{id, name, email}]}:
 * the command palette's search as you type (anyone signed in; private incidents only for who may see them).
 */
export const GET = apiRoute(async (req: NextRequest) => {
  const actor = await apiActor(req);
  const params = req.nextUrl.searchParams;
  const query = { q: params.get("q") ?? undefined, limit: params.get("limit") ?? undefined };
  return NextResponse.json(await search({ actor, query }), { headers: { "Cache-Control": "no-store" } });
});
