import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { receiveAlerts } from "@/db/commands/integrations/intake";
import { readBodyText } from "@/server/api/handler";
import { clientIpFromHeaders } from "@/server/auth/client-ip";
import { log } from "@/server/observability/log";

type Params = { params: Promise<{ id: string }> };

/**
 * `POST /api/v1/integrations/{id}/{kind}`: one handler behind the three static kind folders. Everything is
 * decided in receiveAlerts; an unexpected error still answers 4xx (and is logged), never 5xx.
 */
export function alertIntakeRoute(kind: "alertmanager" | "grafana" | "events-v2") {
  return async (req: NextRequest, { params }: Params): Promise<Response> => {
    const requestId = req.headers.get("x-request-id") ?? undefined;
    try {
      const raw = (await params).id;
      const integrationId = /^\d{1,12}$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isSafeInteger(integrationId) || integrationId < 1)
        return withRequestId(new AppError("not_found", "Integration not found").toJSON(), 404, requestId);
      let body: { text: string } | { error: AppError };
      try {
        body = { text: await readBodyText(req) };
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        body = { error };
      }
      const result = await receiveAlerts(
        {
          integrationId,
          kind,
          authorization: req.headers.get("authorization"),
          signature: req.headers.get("x-grafana-alerting-signature"),
          signatureTimestamp: req.headers.get("x-grafana-alerting-signature-timestamp"),
          body,
          ip: clientIpFromHeaders(req.headers),
        },
        (err, context) => log.error({ err, requestId, ...context }, "Alert intake failed"),
      );
      return withRequestId(result.body, result.status, requestId, result.headers);
    } catch (err) {
      log.error({ err, requestId, path: req.nextUrl.pathname }, "Alert intake failed before the integration was known");
      return withRequestId(new AppError("unprocessable", "The request could not be processed").toJSON(), 422, requestId);
    }
  };
}

function withRequestId(body: Record<string, unknown>, status: number, requestId: string | undefined, headers?: Record<string, string>) {
  const error = body.error as Record<string, unknown> | undefined;
  return NextResponse.json(error ? { ...body, error: { ...error, requestId } } : body, { status, headers });
}
