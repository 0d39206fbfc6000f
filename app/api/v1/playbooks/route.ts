import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { createPlaybook, serviceSlugsToIds } from "@/db/commands/catalogue/playbooks";
import { listPlaybooks } from "@/db/queries/catalogue/playbooks";
import { toPlaybookJson } from "@/server/api/json/playbook";

export const dynamic = "force-dynamic";

/** GET → {items}: every playbook (anyone signed in). */
export const GET = apiRoute(async (req: NextRequest) => {
  const actor = await apiActor(req);
  return NextResponse.json({ items: (await listPlaybooks({ actor })).map(toPlaybookJson) });
});

/** POST {name, description?, severities?, services? (slugs), enabled?, items: [{text, link?}]} → 201 (admins). */
export const POST = apiRoute(async (req: NextRequest) => {
  const actor = await apiActor(req);
  const input = await serviceSlugsToIds({ actor, input: await readJson(req) });
  return NextResponse.json(toPlaybookJson(await createPlaybook({ actor, input })), { status: 201 });
});
