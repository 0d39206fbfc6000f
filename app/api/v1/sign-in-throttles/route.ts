import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute } from "@/server/api/handler";
import { parseThrottleTarget, throttleTargetQuerySchema } from "@/server/auth/throttle-target";
import { parseInput } from "@/lib/validation/parse";
import { queryObject } from "../incidents/params";
import { clearSignInThrottle } from "@/db/commands/admin/sign-in-throttles";
import { listSignInThrottles, requireSignInThrottleAdmin } from "@/db/queries/admin/sign-in-throttles";

export const dynamic = "force-dynamic";

const MAX_LISTED = 200;

/**
 * GET → {items: [{kind, email, address, failures, until, delayMs?}], total} (admins): active sign-in
 * pauses (`account_address`, `address`) and slowdowns (`account`), longest-lasting first, at most
 * 200 of `total`; `until` is ISO-8601.
 */
export const GET = apiRoute(async (req: NextRequest) => {
  const actor = await apiActor(req);
  const all = await listSignInThrottles({ actor });
  const items = all.slice(0, MAX_LISTED).map((item) => ({ ...item, until: new Date(item.until).toISOString() }));
  return NextResponse.json({ items, total: all.length });
});

/** DELETE ?email=&address= (either or both) → 204 (admins, audited): forgets those failures, ending the pause or slowdown. */
export const DELETE = apiRoute(async (req: NextRequest) => {
  const actor = await apiActor(req);
  requireSignInThrottleAdmin(actor);
  const target = parseThrottleTarget(parseInput(throttleTargetQuerySchema, queryObject(req.nextUrl.searchParams)));
  await clearSignInThrottle({ actor, target });
  return new NextResponse(null, { status: 204 });
});
