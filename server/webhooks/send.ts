import "server-only";
import http from "node:http";
import https from "node:https";
import { ipLiteral, refusedAddressReason } from "@/lib/webhooks/address-guard";
import { parseRetryAfter, type AttemptResult } from "@/lib/webhooks/retry-policy";
import { guardedLookup, RefusedAddressError } from "./guarded-lookup";

type Ranges = Parameters<typeof refusedAddressReason>[1];
export type SendResult = AttemptResult & { durationMs: number };
type Request = { url: string; body: string; headers: Record<string, string>; timeoutMs: number; allowed: Ranges };

const MAX_REDIRECTS = 3;
const USER_AGENT = "Hindsight-Webhooks/1.0";

type Raw = { statusCode: number; location: string | null; retryAfter: string | null; snippet: string };

function post(url: URL, body: string, headers: Record<string, string>, deadline: number, allowed: Ranges): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const literal = ipLiteral(url.hostname);
    const refused = literal ? refusedAddressReason(literal, allowed) : null;
    if (refused) return reject(new RefusedAddressError(refused));
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(url, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), "user-agent": USER_AGENT },
      lookup: guardedLookup(allowed),
      agent: false,
      timeout: Math.max(1, deadline - Date.now()),
    });
    const timer = setTimeout(() => req.destroy(Object.assign(new Error("Timed out"), { code: "ETIMEDOUT" })), Math.max(1, deadline - Date.now()));
    req.on("timeout", () => req.destroy(Object.assign(new Error("Timed out"), { code: "ETIMEDOUT" })));
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.on("response", (res) => {
      let snippet = "";
      res.setEncoding("utf8");
      // Read (and drop) the answer so the socket closes cleanly; keep a little for the log.
      res.on("data", (chunk: string) => {
        if (snippet.length < 300) snippet += chunk.slice(0, 300 - snippet.length);
      });
      res.on("end", () => {
        clearTimeout(timer);
        const header = (name: string) => (typeof res.headers[name] === "string" ? (res.headers[name] as string) : null);
        resolve({ statusCode: res.statusCode ?? 0, location: header("location"), retryAfter: header("retry-after"), snippet });
      });
      res.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    req.end(body);
  });
}

function describeError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === "ETIMEDOUT") return "Timed out waiting for the receiver";
  return e.code && !e.message.includes(e.code) ? `${e.code}: ${e.message}` : e.message;
}

const sameOrigin = (a: URL, b: URL) => a.protocol === b.protocol && a.host === b.host;

/**
 * POSTs a webhook body: one deadline for the whole exchange, 307/308 redirects followed only on
 * the same origin (any other redirect fails the delivery), link-local and metadata addresses
 * refused before connecting (see guardedLookup).
 */
export async function sendWebhookRequest(request: Request): Promise<SendResult> {
  const started = Date.now();
  const deadline = started + request.timeoutMs;
  const duration = () => Date.now() - started;
  let url = new URL(request.url);
  for (let hop = 0; ; hop++) {
    let raw: Raw;
    try {
      raw = await post(url, request.body, request.headers, deadline, request.allowed);
    } catch (error) {
      return { statusCode: null, error: describeError(error), retryAfterMs: null, permanent: error instanceof RefusedAddressError, durationMs: duration() };
    }
    if (raw.statusCode >= 300 && raw.statusCode < 400) {
      const target = raw.location ? new URL(raw.location, url) : null;
      const followable = (raw.statusCode === 307 || raw.statusCode === 308) && target && sameOrigin(target, url) && hop < MAX_REDIRECTS;
      if (followable) {
        url = target;
        continue;
      }
      const why = !target
        ? "without a Location"
        : !sameOrigin(target, url)
          ? `to another host (${target.origin})`
          : raw.statusCode === 307 || raw.statusCode === 308
            ? "too many times"
            : `with ${raw.statusCode}, which would turn the POST into a GET`;
      return {
        statusCode: raw.statusCode,
        error: `Redirected ${why}: not followed; update the webhook URL`,
        retryAfterMs: null,
        permanent: true,
        durationMs: duration(),
      };
    }
    const ok = raw.statusCode >= 200 && raw.statusCode < 300;
    return {
      statusCode: raw.statusCode,
      error: ok ? null : `HTTP ${raw.statusCode}${raw.snippet.trim() ? `: ${raw.snippet.trim().slice(0, 200)}` : ""}`,
      retryAfterMs: parseRetryAfter(raw.retryAfter, Date.now()),
      durationMs: duration(),
    };
  }
}
