import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute } from "@/server/api/handler";
import { listTeams } from "@/db/queries/admin/teams";

export const dynamic = "force-dynamic";

/** GET /api/v1/teams → {items}: teams with their members and how many services they own. */
export const GET = apiRoute(async (req: NextRequest) => {
  const actor = await apiActor(req);
  const items = (await listTeams({ actor })).map((t) => ({
    id: t.id,
    name: t.name,
    serviceCount: t.serviceCount,
    members: t.members.map((m) => ({ name: m.name, email: m.email })),
  }));
  return NextResponse.json({ items });
});
