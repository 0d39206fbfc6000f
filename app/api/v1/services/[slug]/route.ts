import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { getService } from "@/db/queries/catalogue/services";
import { updateService } from "@/db/commands/catalogue/services";
import { AppError } from "@/lib/errors";
import { serviceDetailJson, type ServiceParams } from "../params";

export const dynamic = "force-dynamic";

/** GET → the service with its SLOs, each with budget, spend, remaining and status. */
export const GET = apiRoute(async (req: NextRequest, { params }: ServiceParams) => {
  const actor = await apiActor(req);
  const { slug } = await params;
  return NextResponse.json(await serviceDetailJson(actor, await getService({ actor, slug })));
});

/**
 * PATCH {version, ...}: admins change anything, responders only description and links.
 * A stale version gets 409 with the current service in the same shape as GET.
 */
export const PATCH = apiRoute(async (req: NextRequest, { params }: ServiceParams) => {
  const actor = await apiActor(req);
  const { slug } = await params;
  const input = await readJson(req);
  try {
    const updated = await updateService({ actor, slug, input });
    return NextResponse.json(await serviceDetailJson(actor, await getService({ actor, slug: updated.slug })));
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict" && error.details?.current) {
      throw new AppError(error.code, error.message, error.fields, {
        ...error.details,
        current: await serviceDetailJson(actor, await getService({ actor, slug })),
      });
    }
    throw error;
  }
});
