/** The minimal header access both NextRequest headers and plain objects offer. */
type HeaderSource = { get(name: string): string | null };

/**
 * Whether a browser request comes from a page of this site: Sec-Fetch-Site says so, or (older
 * browsers) the Origin's host is the host the request was addressed to. A request with neither
 * header is not trusted, since every current browser sends one of them on unsafe methods.
 */
export function isSameOriginRequest(headers: HeaderSource): boolean {
  const site = headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = headers.get("origin");
  if (!origin) return false;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  return host !== null && hostOf(origin) === host;
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Whether a request is a server action (or any other write to a page route): those are only
 * accepted from this site. API routes check their own callers (bearer tokens are exempt there).
 */
export function isPageWrite(method: string, pathname: string, headers: HeaderSource): boolean {
  if (headers.get("next-action") !== null) return true;
  return UNSAFE_METHODS.has(method.toUpperCase()) && !pathname.startsWith("/api/") && pathname !== "/api";
}
