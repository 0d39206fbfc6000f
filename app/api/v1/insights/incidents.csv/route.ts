import type { NextRequest } from "next/server";
import { apiActor, apiRoute } from "@/server/api/handler";
import { insightsIncidentsCsv } from "@/db/queries/insights/csv";
import { queryObject } from "../../incidents/params";

export const dynamic = "force-dynamic";

/** GET /api/v1/insights/incidents.csv?<same query as /api/v1/insights> → one row per incident behind the figures. */
export const GET = apiRoute(async (req: NextRequest) => {
  const actor = await apiActor(req);
  // Validates (and may answer 400) before the first byte is sent.
  const { fileName, lines } = await insightsIncidentsCsv({ actor, query: queryObject(req.nextUrl.searchParams) });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      // A few hundred lines per pull keeps chunks reasonable without building the whole file.
      let chunk = "";
      for (let n = 0; n < 500; n += 1) {
        const next = await lines.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += next.value;
      }
      controller.enqueue(encoder.encode(chunk));
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
});
