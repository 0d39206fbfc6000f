/**
 * The security headers every response carries (set by proxy.ts, the single source of truth).
 * Pure: the nonce and the public URL come in as arguments.
 */

/** Whether the public address (NEXTAUTH_URL) is https: then HSTS, Secure cookies and upgrade-insecure-requests apply. */
export function isHttpsPublicUrl(publicUrl: string | undefined | null): boolean {
  return /^https:\/\//i.test((publicUrl ?? "").trim());
}

/**
 * A nonce-based CSP. Scripts need the per-request nonce ('strict-dynamic' lets Next.js's own
 * nonced scripts load their chunks); styles allow inline because React renders `style`
 * attributes (charts, progress bars) that a nonce cannot cover.
 */
export function contentSecurityPolicy({ nonce, https, dev = false }: { nonce: string; https: boolean; dev?: boolean }): string {
  const directives = [
    "default-src 'self'",
    // React's development build uses eval for its debugging stacks; production does not.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

export const PERMISSIONS_POLICY = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "hid=()",
  "midi=()",
  "magnetometer=()",
  "gyroscope=()",
  "accelerometer=()",
  "display-capture=()",
  "browsing-topics=()",
].join(", ");

export const HSTS = "max-age=63072000; includeSubDomains";

/** Headers for every response (pages, API, assets); HSTS only when the public URL is https. */
export function baseSecurityHeaders({ https }: { https: boolean }): Record<string, string> {
  return {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

/** A fresh, unguessable nonce (128 bits, base64). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
