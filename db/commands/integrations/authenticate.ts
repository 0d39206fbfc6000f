import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { Integration } from "../../schema";
import { secretMatches } from "../../access/integrations";

/** How far a Grafana signature timestamp may be from our clock (replayed requests are refused). */
export const SIGNATURE_TOLERANCE_MS = 5 * 60 * 1000;

/**
 * The secret a request presents: `Authorization: Bearer <secret>` (Alertmanager's http_config.authorization,
 * Grafana's authorization header), `Basic` with the secret as password (Grafana's basic auth), or, for
 * Events v2 senders that can set only a routing key, `routing_key`.
 */
export function presentedSecret(authorization: string | null, routingKey: string | null): string | null {
  const auth = authorization?.trim() ?? "";
  const bearer = /^Bearer\s+(\S+)$/i.exec(auth);
  if (bearer) return bearer[1]!;
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(auth);
  if (basic) {
    const decoded = Buffer.from(basic[1]!, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return colon >= 0 ? decoded.slice(colon + 1) : null;
  }
  if (auth) return null;
  return routingKey;
}

export function checkSecret(integration: Integration, secret: string | null) {
  if (!secret) throw new AppError("unauthenticated", "Send the integration's secret as Authorization: Bearer <secret>");
  if (secret.length > 500 || !secretMatches(secret, integration.secretHash)) throw new AppError("unauthenticated", "Wrong secret for this integration");
}

const hmacHex = (secret: string, text: string) => createHmac("sha256", secret).update(text, "utf8").digest();

/**
 * Grafana's HMAC (when the integration has an HMAC secret): `X-Grafana-Alerting-Signature` is the hex
 * HMAC-SHA256 of the raw body, or of `<timestamp>:<body>` when the contact point sends a timestamp header
 * (`X-Grafana-Alerting-Signature-Timestamp`, Unix seconds, within 5 minutes of our clock).
 */
export function checkGrafanaSignature(hmacSecret: string, rawBody: string, signature: string | null, timestamp: string | null, now: number) {
  if (!signature) throw new AppError("unauthenticated", "Missing X-Grafana-Alerting-Signature: this integration requires Grafana's HMAC signature");
  if (timestamp !== null) {
    if (!/^\d{1,12}$/.test(timestamp)) throw new AppError("unauthenticated", "X-Grafana-Alerting-Signature-Timestamp must be Unix seconds");
    if (Math.abs(now - Number(timestamp) * 1000) > SIGNATURE_TOLERANCE_MS) {
      throw new AppError("unauthenticated", "Signature timestamp is more than 5 minutes from the server's clock (a replay, or a clock out of sync)");
    }
  }
  const expected = hmacHex(hmacSecret, timestamp !== null ? `${timestamp}:${rawBody}` : rawBody);
  const given = /^[0-9a-f]{64}$/i.test(signature.trim()) ? Buffer.from(signature.trim(), "hex") : null;
  if (!given || !timingSafeEqual(given, expected)) throw new AppError("unauthenticated", "X-Grafana-Alerting-Signature does not match the body");
}
