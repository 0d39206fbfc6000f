import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute, readJson } from "@/server/api/handler";
import { requirePermission } from "@/lib/policy";
import { getUpdateCadence } from "@/db/queries/admin/settings";
import { setUpdateCadence } from "@/db/commands/admin/settings";

export const dynamic = "force-dynamic";

/** GET → {SEV1: 15, SEV2: 30, SEV3: null, SEV4: null}: minutes between stakeholder updates per severity (admins). */
export const GET = apiRoute(async (req: NextRequest) => {
  const actor = await apiActor(req);
  requirePermission(actor, "settings", "read");
  return NextResponse.json(await getUpdateCadence({ actor }));
});

/** PUT the same shape (every severity: whole minutes 1–1440, or null for none) → the saved cadence (admins, audited). */
export const PUT = apiRoute(async (req: NextRequest) => {
  const actor = await apiActor(req);
  const input = await readJson(req);
  return NextResponse.json(await setUpdateCadence({ actor, cadence: input }));
});
