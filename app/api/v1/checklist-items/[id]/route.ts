import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { checklistDoneSchema } from "@/lib/validation/playbook";
import { setChecklistItemDone } from "@/db/commands/incidents/checklist";
import { toChecklistItemJson } from "@/server/api/json/playbook";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

/** PATCH {done} → 200 with the item. Setting the state it already has is a no-op (still 200). */
export const PATCH = apiRoute(async (req: NextRequest, { params }: Params) => {
  const actor = await apiActor(req);
  const raw = (await params).id;
  const itemId = /^\d{1,12}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(itemId) || itemId < 1) throw notFound("Checklist item");
  const { done } = parseInput(checklistDoneSchema, await readJson(req));
  return NextResponse.json(toChecklistItemJson(await setChecklistItemDone({ actor, itemId, done })));
});
