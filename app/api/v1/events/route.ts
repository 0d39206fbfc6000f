import type { NextRequest } from "next/server";
import { apiActor, apiRoute } from "@/server/api/handler";
import { eventStreamResponse } from "@/server/api/event-stream";

export const dynamic = "force-dynamic";

/** Server-Sent Events: changes to every incident the caller may see (checked per event when it is sent). */
export const GET = apiRoute(async (req: NextRequest) => eventStreamResponse(req, { actor: await apiActor(req) }));
