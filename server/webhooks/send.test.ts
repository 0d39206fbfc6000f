import http from "node:http";
import type { AddressInfo } from "node:net";
import type { LookupAddress } from "node:dns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAddressRanges } from "@/lib/webhooks/address-guard";
import { guardedLookup, RefusedAddressError } from "./guarded-lookup";
import { sendWebhookRequest } from "./send";

type Seen = { path: string; body: string; headers: http.IncomingHttpHeaders };
const seen: Seen[] = [];
let base = "";
const server = http.createServer((req, res) => {
  let body = "";
  req.on("data", (c: Buffer) => (body += c.toString()));
  req.on("end", () => {
    seen.push({ path: req.url ?? "", body, headers: req.headers });
    const route: Record<string, () => void> = {
      "/ok": () => res.writeHead(204).end(),
      "/busy": () => res.writeHead(503, { "retry-after": "7" }).end("try later"),
      "/gone": () => res.writeHead(410).end("no such hook"),
      "/slow": () => setTimeout(() => res.writeHead(200).end(), 2000),
      "/moved": () => res.writeHead(308, { location: "/ok" }).end(),
      "/away": () => res.writeHead(307, { location: "http://other.example/ok" }).end(),
      "/found": () => res.writeHead(302, { location: "/ok" }).end(),
      "/loop": () => res.writeHead(307, { location: "/loop" }).end(),
    };
    (route[req.url ?? ""] ?? (() => res.writeHead(404).end()))();
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const send = (path: string, over: Partial<Parameters<typeof sendWebhookRequest>[0]> = {}) =>
  sendWebhookRequest({ url: `${base}${path}`, body: '{"a":1}', headers: { "webhook-id": "msg_1" }, timeoutMs: 1000, allowed: [], ...over });

describe("sending a webhook request", () => {
  it("POSTs the body as JSON with our headers", async () => {
    const result = await send("/ok");
    expect(result).toMatchObject({ statusCode: 204, error: null, retryAfterMs: null });
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ path: "/ok", body: '{"a":1}' });
    expect(last.headers).toMatchObject({
      "content-type": "application/json",
      "webhook-id": "msg_1",
      "user-agent": expect.stringMatching(/^Hindsight-Webhooks/),
    });
  });

  it("reports the status, a snippet of the answer and Retry-After", async () => {
    expect(await send("/busy")).toMatchObject({ statusCode: 503, error: "HTTP 503: try later", retryAfterMs: 7000 });
    expect(await send("/gone")).toMatchObject({ statusCode: 410, error: "HTTP 410: no such hook" });
  });

  it("times out", async () => {
    const result = await send("/slow", { timeoutMs: 300 });
    expect(result).toMatchObject({ statusCode: null, error: "Timed out waiting for the receiver" });
    expect(result.durationMs).toBeGreaterThanOrEqual(290);
    expect(result.durationMs).toBeLessThan(1500);
  });

  it("follows 307/308 on the same origin only; other redirects fail for good", async () => {
    expect(await send("/moved")).toMatchObject({ statusCode: 204, error: null });
    expect(seen.slice(-2).map((s) => [s.path, s.body])).toEqual([
      ["/moved", '{"a":1}'],
      ["/ok", '{"a":1}'],
    ]);
    expect(await send("/away")).toMatchObject({ statusCode: 307, permanent: true, error: expect.stringContaining("to another host (http://other.example)") });
    expect(await send("/found")).toMatchObject({ statusCode: 302, permanent: true, error: expect.stringContaining("turn the POST into a GET") });
    expect(await send("/loop")).toMatchObject({ statusCode: 307, permanent: true, error: expect.stringContaining("too many times") });
  });

  it("refuses metadata addresses before connecting, unless allowed", async () => {
    const refused = await send("", { url: "http://169.254.169.254/latest/meta-data" });
    expect(refused).toMatchObject({ statusCode: null, permanent: true, error: expect.stringMatching(/link-local/) });
    const mapped = await send("", { url: "http://[::ffff:169.254.169.254]/" });
    expect(mapped).toMatchObject({ permanent: true });
    // Allowed: it is tried (and fails as a network error here, retryable).
    const allowed = await send("", { url: "http://169.254.169.254:9/", allowed: parseAddressRanges("169.254.169.254"), timeoutMs: 200 });
    expect(allowed.permanent).toBeFalsy();
    expect(allowed.error).not.toMatch(/link-local/);
  });

  it("network errors are retryable failures", async () => {
    const port = (server.address() as AddressInfo).port;
    const closed = await send("", { url: `http://127.0.0.1:${port === 1 ? 2 : 1}/` });
    expect(closed).toMatchObject({ statusCode: null, permanent: false, error: expect.stringMatching(/ECONNREFUSED/) });
  });
});

describe("the guarded DNS lookup", () => {
  const fake = (addresses: LookupAddress[]) => (_host: string, _options: unknown, callback: (error: Error | null, addresses: LookupAddress[]) => void) =>
    callback(null, addresses);
  const lookup = (addresses: LookupAddress[], all: boolean) =>
    new Promise<{ error: Error | null; result: unknown }>((resolve) =>
      guardedLookup([], fake(addresses) as never)("hooks.example.com", { all }, (error, address, family) =>
        resolve({ error, result: all ? address : { address, family } }),
      ),
    );

  it("refuses a host when any of its addresses is refused (rebinding-proof: it hands over only what it checked)", async () => {
    const mixed = await lookup(
      [
        { address: "93.184.216.34", family: 4 },
        { address: "169.254.169.254", family: 4 },
      ],
      false,
    );
    expect(mixed.error).toBeInstanceOf(RefusedAddressError);
    expect(mixed.error!.message).toMatch(/hooks.example.com resolves to 169.254.169.254/);
    expect((await lookup([{ address: "fd00:ec2::254", family: 6 }], true)).error).toBeInstanceOf(RefusedAddressError);
  });

  it("returns the checked addresses, one or all as asked", async () => {
    const good = [
      { address: "93.184.216.34", family: 4 },
      { address: "2606:2800:220:1::1", family: 6 },
    ];
    expect(await lookup(good, false)).toEqual({ error: null, result: { address: "93.184.216.34", family: 4 } });
    expect(await lookup(good, true)).toEqual({ error: null, result: good });
  });
});
