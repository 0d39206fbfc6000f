import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { createFactor } from "@/db/commands/admin/factors";
import { listFactors } from "@/db/queries/admin/factors";
import { parseInput } from "@/lib/validation/parse";
import { listFactorsQuerySchema } from "@/lib/validation/postmortem";
import { queryObject } from "../incidents/params";

export const dynamic = "force-dynamic";

/** GET ?includeArchived=1 → {items: [{id, name, description, archived}]}: the contributing-factor taxonomy (anyone signed in). */
export const GET = apiRoute(async (req: NextRequest) => {
  const actor = await apiActor(req);
  const { includeArchived } = parseInput(listFactorsQuerySchema, queryObject(req.nextUrl.searchParams));
  return NextResponse.json({ items: await listFactors({ actor, includeArchived }) });
});

/** POST {name, description?} → 201 (admins). */
export const POST = apiRoute(async (req: NextRequest) => {
  const actor = await apiActor(req);
  const input = await readJson(req);
  return NextResponse.json(await createFactor({ actor, input }), { status: 201 });
});
