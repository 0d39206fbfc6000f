import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { generateWebhookSecret } from "@/db/access/webhooks";
import { signedHeaders } from "./signing";

describe("Standard Webhooks signatures", () => {
  const { secret } = generateWebhookSecret();
  const body = JSON.stringify({ type: "incident.declared", timestamp: "2030-01-01T00:00:00.000Z", data: { incident: { reference: "INC-1" } } });

  it("verify with the standardwebhooks library", () => {
    const headers = signedHeaders(secret, "msg_ev1-incident-declared_2", body, new Date());
    expect(headers["webhook-id"]).toBe("msg_ev1-incident-declared_2");
    expect(headers["webhook-timestamp"]).toMatch(/^\d{10}$/);
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it("are HMAC-SHA256 of id.timestamp.body under the base64-decoded secret", () => {
    const at = new Date();
    const headers = signedHeaders(secret, "msg_x", body, at);
    const key = Buffer.from(secret.slice("whsec_".length), "base64");
    const expected = createHmac("sha256", key).update(`msg_x.${headers["webhook-timestamp"]}.${body}`).digest("base64");
    expect(headers["webhook-signature"]).toBe(`v1,${expected}`);
  });

  it("fail verification when the body, id or secret differ, or the timestamp is old", () => {
    const headers = signedHeaders(secret, "msg_x", body, new Date());
    expect(() => new Webhook(secret).verify(body.replace("INC-1", "INC-2"), headers)).toThrow();
    expect(() => new Webhook(secret).verify(body, { ...headers, "webhook-id": "msg_y" })).toThrow();
    expect(() => new Webhook(generateWebhookSecret().secret).verify(body, headers)).toThrow();
    const old = signedHeaders(secret, "msg_x", body, new Date(Date.now() - 60 * 60_000));
    expect(() => new Webhook(secret).verify(body, old)).toThrow(/timestamp/i);
  });
});
