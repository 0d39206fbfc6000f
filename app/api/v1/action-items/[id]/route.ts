import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { AppError, notFound } from "@/lib/errors";
import { getActionItem } from "@/db/queries/action-items/read";
import { updateActionItem } from "@/db/commands/action-items/update";
import type { ActionItemView } from "@/db/queries/action-items/views";
import { toActionItemJson } from "@/server/api/json/action-item";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

function itemIdFrom(value: string): number {
  const id = /^\d{1,12}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw notFound("Action item");
  return id;
}

export const GET = apiRoute(async (req: NextRequest, { params }: Params) => {
  const actor = await apiActor(req);
  return NextResponse.json(toActionItemJson(await getActionItem({ actor, id: itemIdFrom((await params).id) })));
});

/** PATCH {version, ...changes} → 200 with the item; a stale version gets 409 with the current item in the same shape. */
export const PATCH = apiRoute(async (req: NextRequest, { params }: Params) => {
  const actor = await apiActor(req);
  const id = itemIdFrom((await params).id);
  const input = await readJson(req);
  try {
    return NextResponse.json(toActionItemJson(await updateActionItem({ actor, id, input })));
  } catch (error) {
    const current = error instanceof AppError ? (error.details?.current as ActionItemView | undefined) : undefined;
    if (error instanceof AppError && current) {
      throw new AppError(error.code, error.message, error.fields, { ...error.details, current: toActionItemJson(current) });
    }
    throw error;
  }
});
