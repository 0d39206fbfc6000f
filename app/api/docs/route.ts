import type { NextRequest } from "next/server";
import { apiRoute } from "@/server/api/handler";
import { referencePage } from "@/server/api/openapi/reference-page";

export const dynamic = "force-dynamic";

/** GET → the interactive API reference (public, like the document it renders; calls from it use your session). */
export const GET = apiRoute(async (req: NextRequest) => {
  const page = referencePage(req.headers.get("x-nonce"));
  const headers = new Headers(page.headers);
  headers.set("Content-Type", "text/html; charset=utf-8");
  return new Response(page.body, { status: page.status, headers });
});
