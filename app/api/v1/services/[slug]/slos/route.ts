import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { createSlo } from "@/db/commands/catalogue/slos";
import { listSlos } from "@/db/queries/catalogue/slos";
import { slosJson, type ServiceParams } from "../../params";

export const dynamic = "force-dynamic";

/** GET → {items}: the service's SLOs with their budgets. */
export const GET = apiRoute(async (req: NextRequest, { params }: ServiceParams) => {
  const actor = await apiActor(req);
  const { slug } = await params;
  return NextResponse.json({ items: await slosJson(actor, await listSlos({ actor, slug })) });
});

/** POST {name, sliDescription?, objective, windowDays?} (admin) → 201 with the SLO and its budget. */
export const POST = apiRoute(async (req: NextRequest, { params }: ServiceParams) => {
  const actor = await apiActor(req);
  const { slug } = await params;
  const input = await readJson(req);
  const slo = await createSlo({ actor, slug, input });
  return NextResponse.json((await slosJson(actor, [slo]))[0], { status: 201, headers: { Location: `/api/v1/slos/${slo.id}` } });
});
