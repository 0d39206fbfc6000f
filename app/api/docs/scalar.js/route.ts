import { apiRoute } from "@/server/api/handler";
import { scalarBundle } from "@/server/api/openapi/reference-page";

export const dynamic = "force-dynamic";

/** GET → Scalar's standalone bundle for /api/docs, from this origin; the page asks for it with ?v=<version>, so it may be cached for good. */
export const GET = apiRoute(
  async () =>
    new Response(new Uint8Array(scalarBundle()), {
      headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=31536000, immutable" },
    }),
);
