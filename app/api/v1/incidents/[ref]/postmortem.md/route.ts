import { type NextRequest } from "next/server";
import { apiActor, apiRoute } from "@/server/api/handler";
import { exportPostmortemMarkdown } from "@/db/queries/postmortems/markdown";
import { incidentIdFrom, type IncidentParams } from "../../params";

export const dynamic = "force-dynamic";

/** GET → the postmortem as a Markdown download (every section, factors, action items with owners and status). */
export const GET = apiRoute(async (req: NextRequest, { params }: IncidentParams) => {
  const actor = await apiActor(req);
  const incidentId = incidentIdFrom((await params).ref);
  const { fileName, markdown } = (await exportPostmortemMarkdown({ actor, incidentId }));
  return new Response(markdown, {
    status: 200,
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
