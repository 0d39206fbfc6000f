import "server-only";
import type { Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import type { AlertBatch } from "@/lib/alerts/normalized-alert";
import { parseAlertmanagerPayload, parseGrafanaPayload } from "@/lib/alerts/alertmanager-payload";
import { parseEventsV2Payload } from "@/lib/alerts/events-v2-payload";
import { getDb } from "../../client";
import type { Integration } from "../../schema";
import { endpointPath, parseRules } from "../../access/integrations";
import { recordDelivery } from "../../access/integration-deliveries";
import { findIntegrationRow } from "../../access/integration-row";
import { checkGrafanaSignature, checkSecret, presentedSecret } from "./authenticate";
import { processAlerts, type IntakeResult } from "./process-alerts";
import { transaction } from "../../transaction";

export type IntakeRequest = {
  integrationId: number;
  /** The last path segment: alertmanager, grafana or events-v2. */
  kind: string;
  authorization: string | null;
  signature: string | null;
  signatureTimestamp: string | null;
  /** The raw body, or the error reading it gave (413 over 1 MB). */
  body: { text: string } | { error: AppError };
  ip: string | null;
};
export type IntakeResponse = { status: number; body: Record<string, unknown>; headers?: Record<string, string> };

type Logger = (error: unknown, context: Record<string, unknown>) => void;

const errorResponse = (error: AppError): IntakeResponse => ({ status: error.status, body: error.toJSON() });

function parseJson(text: string): unknown {
  if (!text.trim()) throw new AppError("validation_failed", "Body is empty; send a JSON object", { body: "Required" });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError("validation_failed", "Body is not valid JSON", { body: "Not valid JSON" });
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new AppError("validation_failed", "Body must be a JSON object", { body: "Must be a JSON object" });
  return parsed;
}

const PARSERS: Record<Integration["kind"], (body: unknown) => AlertBatch & { dedupKey?: string }> = {
  alertmanager: parseAlertmanagerPayload,
  grafana: parseGrafanaPayload,
  "events-v2": (body) => parseEventsV2Payload(body),
};

export const integrationActor = (integration: Integration, ip: string | null): Actor & { kind: "integration" } => ({
  kind: "integration",
  integrationId: integration.id,
  name: integration.name,
  role: "responder",
  integrationKind: integration.kind,
  ip,
});

/** Runs the request's write, retrying when another process holds the write lock past the busy timeout. */
async function withBusyRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= 3 || (error as { code?: string }).code !== "SQLITE_BUSY") throw error;
    }
  }
}

/**
 * One request to `POST /api/v1/integrations/{id}/{kind}`: authenticates, parses, applies every alert in
 * one transaction, and logs the delivery (also when refused, once the integration is known) in its own
 * write. Answers 200 with what happened, or 4xx: 401 bad secret or signature, 403 disabled, 404 unknown
 * integration or another kind's path, 400 naming the malformed field, 413 over 1 MB; never 5xx.
 */
export async function receiveAlerts(req: IntakeRequest, logError: Logger = () => {}): Promise<IntakeResponse> {
  const integration = await findIntegrationRow(getDb(), req.integrationId);
  if (!integration) return errorResponse(new AppError("not_found", "Integration not found"));
  const now = Date.now();
  const payload = "text" in req.body ? req.body.text : "";
  let alertCount = 0;
  let response: IntakeResponse;
  let result: IntakeResult | null = null;
  // An unexpected error's text goes to the delivery log for admins, never to the caller.
  let detail: string | null = null;
  try {
    if (req.kind !== integration.kind)
      throw new AppError("not_found", `This integration receives ${integration.kind} payloads at ${endpointPath(integration)}`);
    if ("error" in req.body) throw req.body.error;
    const text = req.body.text;
    let body: unknown = undefined;
    const routingKey = () => {
      body = parseJson(text);
      const key = (body as { routing_key?: unknown }).routing_key;
      return typeof key === "string" ? key : null;
    };
    checkSecret(integration, presentedSecret(req.authorization, !req.authorization && integration.kind === "events-v2" ? routingKey() : null));
    if (!integration.enabled)
      throw new AppError("forbidden", `Integration "${integration.name}" is disabled; an admin can enable it under Admin → Integrations`);
    if (integration.hmacSecret !== null) checkGrafanaSignature(integration.hmacSecret, text, req.signature, req.signatureTimestamp, now);
    const batch = PARSERS[integration.kind](body ?? parseJson(text));
    alertCount = batch.alerts.length;
    const actor = integrationActor(integration, req.ip);
    const rules = parseRules(integration);
    result = await withBusyRetry(async () => await transaction(async (tx) => processAlerts({ tx, actor, integration, rules, now }, batch.alerts)));
    const extra = batch.dedupKey !== undefined ? { status: "success", message: "Event processed", dedup_key: batch.dedupKey } : {};
    response = { status: 200, body: { ...result, ...extra } };
  } catch (error) {
    if (error instanceof AppError) response = errorResponse(error);
    else {
      logError(error, { integrationId: integration.id });
      const busy = (error as { code?: string }).code === "SQLITE_BUSY";
      response = busy
        ? { status: 429, body: new AppError("rate_limited", "The database is busy; send again shortly").toJSON(), headers: { "Retry-After": "5" } }
        : errorResponse(new AppError("unprocessable", "These alerts could not be processed; the error is in the integration's delivery log"));
      detail = error instanceof Error ? error.message : String(error);
    }
  }
  try {
    const message = response.status >= 400 ? errorMessage(response.body, detail) : null;
    await recordDelivery({ integrationId: integration.id, receivedAt: now, httpStatus: response.status, alertCount, result, error: message, payload });
  } catch (error) {
    logError(error, { integrationId: integration.id, while: "recording the delivery" });
  }
  return response;
}

function errorMessage(body: Record<string, unknown>, detail: string | null): string {
  const error = body.error as { message?: string; fields?: Record<string, string> } | undefined;
  const fields = error?.fields
    ? ` (${Object.entries(error.fields)
        .map(([k, v]) => `${k}: ${v}`)
        .join("; ")})`
    : "";
  return `${error?.message ?? "Refused"}${fields}${detail ? ` — ${detail}` : ""}`;
}
