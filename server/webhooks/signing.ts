import "server-only";
import { Webhook } from "standardwebhooks";

/**
 * The Standard Webhooks headers of one attempt: `webhook-id` (the same on every retry),
 * `webhook-timestamp` (this attempt, Unix seconds) and `webhook-signature` ("v1," and the base64
 * HMAC-SHA256 of "id.timestamp.body" under the base64-decoded secret after "whsec_").
 */
export function signedHeaders(secret: string, webhookId: string, body: string, at: Date): Record<string, string> {
  return {
    "webhook-id": webhookId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(webhookId, at, body),
  };
}
