import { NextResponse, type NextRequest } from "next/server";
import { baseSecurityHeaders, contentSecurityPolicy, createNonce, isHttpsPublicUrl } from "@/lib/security/headers";
import { malformedPathSegment } from "@/lib/security/malformed-path";
import { isPageWrite, isSameOriginRequest } from "@/lib/security/same-origin";
import { env } from "@/server/env";

/** Where a page path that is not valid percent-encoding is sent: no route, so the not-found page (404). */
const NOT_FOUND_PATH = "/_not-found-malformed-path";
/** The Server-Sent Events routes (server/api/event-stream.ts sets their headers). */
const EVENT_STREAM_PATH = /^\/api\/v1\/(incidents\/[^/]+\/)?events\/?$/;
/** The API reference's script bundle (versioned URL): cacheable, unlike API answers. */
const CACHEABLE_API_ASSET = /^\/api\/docs\/scalar\.js$/;

/**
 * Runs before every request: security headers and a per-request CSP nonce (the root layout and
 * Next.js read it from the request's CSP header), no-store on the API, server actions only from
 * this site, and malformed percent-escapes turned away before a route decodes them.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const api = pathname === "/api" || pathname.startsWith("/api/");
  const https = isHttpsPublicUrl(env("NEXTAUTH_URL"));
  const nonce = createNonce();
  const csp = contentSecurityPolicy({ nonce, https, dev: env("NODE_ENV") === "development" });

  const finish = (response: NextResponse) => {
    for (const [name, value] of Object.entries(baseSecurityHeaders({ https }))) response.headers.set(name, value);
    response.headers.set("Content-Security-Policy", csp);
    // Event streams keep their own no-transform: a compressing proxy would otherwise buffer them.
    if (api && !EVENT_STREAM_PATH.test(pathname) && !CACHEABLE_API_ASSET.test(pathname)) response.headers.set("Cache-Control", "no-store");
    return response;
  };

  // Set by scripts/server.mjs on every request; error bodies carry it as the API's own do.
  const requestId = request.headers.get("x-request-id") ?? undefined;
  const bad = malformedPathSegment(pathname);
  if (bad !== null && api) {
    return finish(
      NextResponse.json(
        {
          error: {
            code: "validation_failed",
            message: `The path has a malformed percent-escape: ${bad}`,
            fields: { path: "Malformed percent-escape" },
            requestId,
          },
        },
        { status: 400 },
      ),
    );
  }
  if (isPageWrite(request.method, pathname, request.headers) && !isSameOriginRequest(request.headers)) {
    return finish(
      NextResponse.json({ error: { code: "forbidden", message: "Cross-site request refused: send requests from this site", requestId } }, { status: 403 }),
    );
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  if (bad !== null) return finish(NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { request: { headers: requestHeaders } }));
  return finish(NextResponse.next({ request: { headers: requestHeaders } }));
}

export const config = {
  // Every request, assets included: this is where all security headers come from.
  matcher: ["/:path*"],
};
