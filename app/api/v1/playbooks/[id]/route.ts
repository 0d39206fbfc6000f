import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { AppError, notFound } from "@/lib/errors";
import { deletePlaybook, serviceSlugsToIds, updatePlaybook } from "@/db/commands/catalogue/playbooks";
import { getPlaybook, type PlaybookDetail } from "@/db/queries/catalogue/playbooks";
import { toPlaybookJson } from "@/server/api/json/playbook";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

async function playbookIdFrom(params: Params["params"]): Promise<number> {
  const raw = (await params).id;
  const id = /^\d{1,12}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw notFound("Playbook");
  return id;
}

export const GET = apiRoute(async (req: NextRequest, { params }: Params) => {
  const actor = await apiActor(req);
  return NextResponse.json(toPlaybookJson(await getPlaybook({ actor, playbookId: await playbookIdFrom(params) })));
});

/** PATCH with `version` and any of the POST fields; `items` and `services` replace their lists. A stale version gets 409 with the current playbook. */
export const PATCH = apiRoute(async (req: NextRequest, { params }: Params) => {
  const actor = await apiActor(req);
  const playbookId = await playbookIdFrom(params);
  const input = await serviceSlugsToIds({ actor, input: await readJson(req) });
  try {
    return NextResponse.json(toPlaybookJson(await updatePlaybook({ actor, playbookId, input })));
  } catch (error) {
    const current = error instanceof AppError ? (error.details?.current as PlaybookDetail | undefined) : undefined;
    if (error instanceof AppError && current) throw new AppError(error.code, error.message, error.fields, { current: toPlaybookJson(current) });
    throw error;
  }
});

/** DELETE → 204. Checklists already copied onto incidents stay. */
export const DELETE = apiRoute(async (req: NextRequest, { params }: Params) => {
  const actor = await apiActor(req);
  await deletePlaybook({ actor, playbookId: await playbookIdFrom(params) });
  return new NextResponse(null, { status: 204 });
});
