import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { actionItemsForIncident } from "@/db/queries/action-items/read";
import { createActionItem } from "@/db/commands/action-items/create";
import { toActionItemJson } from "@/server/api/json/action-item";
import { incidentIdFrom, type IncidentParams } from "../../params";

export const dynamic = "force-dynamic";

/** GET → {items, progress: {done, total, wontDo}}: unfinished first, then by due date. */
export const GET = apiRoute(async (req: NextRequest, { params }: IncidentParams) => {
  const actor = await apiActor(req);
  const incidentId = incidentIdFrom((await params).ref);
  const { items, progress } = await actionItemsForIncident({ actor, incidentId });
  return NextResponse.json({ items: items.map(toActionItemJson), progress });
});

/** POST {title, ownerId|ownerEmail, priority, kind, dueDate?, description?, status?, trackerUrl?, service? (slug) | serviceId?} → 201. */
export const POST = apiRoute(async (req: NextRequest, { params }: IncidentParams) => {
  const actor = await apiActor(req);
  const incidentId = incidentIdFrom((await params).ref);
  const input = await readJson(req);
  const item = await createActionItem({ actor, incidentId, input });
  return NextResponse.json(toActionItemJson(item), { status: 201, headers: { Location: `/api/v1/action-items/${item.id}` } });
});
