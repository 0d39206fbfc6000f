import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute } from "@/server/api/handler";
import { searchUsers } from "@/db/queries/users/search";
import { toUserJson } from "@/server/api/json/user";
import { queryObject } from "../incidents/params";

export const dynamic = "force-dynamic";

/**
 * GET ?q=&active=&limit=&cursor= → {items: [{id, name, email, role, active}], nextCursor} (responders and admins):
 * people to name as owners, reviewers and roles; `q` matches name or email, prefixes first.
 */
export const GET = apiRoute(async (req: NextRequest) => {
  const actor = await apiActor(req);
  const { items, nextCursor } = await searchUsers({ actor, query: queryObject(req.nextUrl.searchParams) });
  return NextResponse.json({ items: items.map(toUserJson), nextCursor });
});
