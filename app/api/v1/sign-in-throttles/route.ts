import { NextResponse, type NextRequest } from "next/server";
import { apiActor, apiRoute } from "@/lib/api/handler";
import { parseThrottleTarget } from "@/lib/auth/throttle-target";
import { clearSignInThrottle, listSignInThrottles, requireSignInThrottleAdmin } from "@/db/queries/sign-in-throttles";

export const dynamic = "force-dynamic";

/**
 * GET → {items: [{kind, email, address, failures, until, delayMs?}]} (admins): active sign-in pauses
 * (`account_address`, `address`) and slowdowns (`account`); `until` is ISO-8601.
 */
export const GET = apiRoute(async (req: NextRequest) => {
  const actor = await apiActor(req);
  const items = listSignInThrottles({ actor }).map((item) => ({ ...item, until: new Date(item.until).toISOString() }));
  return NextResponse.json({ items });
});

/** DELETE ?email=&address= (either or both) → 204 (admins, audited): forgets those failures, ending the pause or slowdown. */
export const DELETE = apiRoute(async (req: NextRequest) => {
  const actor = await apiActor(req);
  requireSignInThrottleAdmin(actor);
  const params = req.nextUrl.searchParams;
  const target = parseThrottleTarget({ email: params.get("email"), address: params.get("address") });
  clearSignInThrottle({ actor, target });
  return new NextResponse(null, { status: 204 });
});
