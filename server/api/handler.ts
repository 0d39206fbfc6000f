import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { authenticateToken } from "@/db/access/tokens";
import { currentActor } from "@/server/auth/session";
import { clientIpFromHeaders } from "@/server/auth/client-ip";
import { log } from "@/server/observability/log";

export const MAX_BODY_BYTES = 1024 * 1024;

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Who calls: a bearer token, or the session cookie. Cookie writes must come from this
 * origin (route handlers get no CSRF protection from Next.js); bearer calls are exempt.
 */
export async function apiActor(req: NextRequest): Promise<Actor> {
  const ip = clientIpFromHeaders(req.headers);
  const auth = req.headers.get("authorization");
  if (auth) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth.trim());
    const actor = match ? await authenticateToken(match[1]!, ip) : null;
    if (!actor) throw new AppError("unauthenticated", "Invalid, revoked or malformed API token");
    return actor;
  }
  const actor = await currentActor();
  if (!actor) throw new AppError("unauthenticated", "Sign in or send an API token as Authorization: Bearer <token>");
  if (UNSAFE.has(req.method)) {
    const site = req.headers.get("sec-fetch-site");
    const origin = req.headers.get("origin");
    const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
    const sameOrigin = site ? site === "same-origin" : origin ? safeHost(origin) === host : false;
    if (!sameOrigin) throw new AppError("forbidden", "Cross-site request refused: send requests from this site or use an API token");
  }
  return actor;
}

function safeHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** Reads a JSON body: 415 when not JSON, 413 over 1 MB, 400 when unparseable. */
export async function readJson(req: NextRequest): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send the body as JSON with Content-Type: application/json");
  }
  const text = await readBodyText(req);
  if (!text.trim()) throw new AppError("validation_failed", "Body is empty; send a JSON object", { body: "Required" });
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw new AppError("validation_failed", "Body must be a JSON object", { body: "Must be a JSON object" });
    }
    return parsed;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("validation_failed", "Body is not valid JSON", { body: "Not valid JSON" });
  }
}

/** Reads the raw body as text (signatures are checked over the exact bytes): 413 over 1 MB. */
export async function readBodyText(req: NextRequest): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new AppError("payload_too_large", "Body is larger than 1 MB");
  const reader = req.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        throw new AppError("payload_too_large", "Body is larger than 1 MB");
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks).toString("utf8");
}

type Handler<C> = (req: NextRequest, ctx: C) => Promise<Response>;

/**
 * Wraps a route handler: AppErrors become their JSON shape; anything else a logged 500 without details.
 * Every error body carries the request id (scripts/server.mjs sets X-Request-Id) to find the log lines.
 */
export function apiRoute<C>(handler: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    try {
      return await handler(req, ctx);
    } catch (error) {
      const requestId = req.headers.get("x-request-id") ?? undefined;
      if (error instanceof AppError) {
        const body = error.toJSON();
        return NextResponse.json({ ...body, error: { ...body.error, requestId } }, { status: error.status });
      }
      log.error({ err: error, requestId, method: req.method, path: req.nextUrl.pathname }, "API request failed");
      return NextResponse.json({ error: { code: "internal", message: "Something went wrong on the server; it has been logged.", requestId } }, { status: 500 });
    }
  };
}
