import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { deleteSlo, updateSlo } from "@/db/commands/catalogue/slos";
import { getSlo } from "@/db/queries/catalogue/slos";
import type { Slo } from "@/db/queries/catalogue/slos";
import { AppError } from "@/lib/errors";
import { slosJson } from "../../services/params";
import { sloIdFrom, type SloParams } from "../params";

export const dynamic = "force-dynamic";

/** GET → the SLO with its budget. */
export const GET = apiRoute(async (req: NextRequest, { params }: SloParams) => {
  const actor = await apiActor(req);
  const slo = await getSlo({ actor, id: sloIdFrom((await params).id) });
  return NextResponse.json((await slosJson(actor, [slo]))[0]);
});

/** PATCH {version, name?, sliDescription?, objective?, windowDays?} (admin) → 200; stale version → 409 with the current SLO. */
export const PATCH = apiRoute(async (req: NextRequest, { params }: SloParams) => {
  const actor = await apiActor(req);
  const id = sloIdFrom((await params).id);
  const input = await readJson(req);
  try {
    return NextResponse.json((await slosJson(actor, [await updateSlo({ actor, id, input })]))[0]);
  } catch (error) {
    const current = error instanceof AppError ? (error.details?.current as Slo | undefined) : undefined;
    if (error instanceof AppError && current) {
      throw new AppError(error.code, error.message, error.fields, { ...error.details, current: (await slosJson(actor, [current]))[0] });
    }
    throw error;
  }
});

/** DELETE (admin) → 204. */
export const DELETE = apiRoute(async (req: NextRequest, { params }: SloParams) => {
  const actor = await apiActor(req);
  await deleteSlo({ actor, id: sloIdFrom((await params).id) });
  return new NextResponse(null, { status: 204 });
});
