import { describe, expect, it } from "vitest";
import { baseSecurityHeaders, contentSecurityPolicy, createNonce, isHttpsPublicUrl } from "./headers";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));

describe("contentSecurityPolicy", () => {
  const csp = contentSecurityPolicy({ nonce: "abc123==", https: false });

  it("allows scripts only by nonce, never unsafe-inline or eval in production", () => {
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
  });

  it("locks down plugins, base, frames and form targets", () => {
    for (const d of ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'", "default-src 'self'"]) {
      expect(csp.split("; ")).toContain(d);
    }
  });

  it("upgrades insecure requests only behind https, and allows eval only in development", () => {
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce: "n", https: true })).toContain("upgrade-insecure-requests");
    expect(directive(contentSecurityPolicy({ nonce: "n", https: false, dev: true }), "script-src")).toContain("'unsafe-eval'");
  });
});

describe("baseSecurityHeaders", () => {
  it("sets the fixed headers", () => {
    const headers = baseSecurityHeaders({ https: false });
    expect(headers).toMatchObject({
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Cross-Origin-Opener-Policy": "same-origin",
    });
    for (const feature of ["camera=()", "microphone=()", "geolocation=()"]) expect(headers["Permissions-Policy"]).toContain(feature);
  });

  it("adds HSTS only when the public URL is https", () => {
    expect(baseSecurityHeaders({ https: false })["Strict-Transport-Security"]).toBeUndefined();
    expect(baseSecurityHeaders({ https: true })["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
  });
});

describe("isHttpsPublicUrl", () => {
  it.each([
    ["https://hindsight.example.com", true],
    ["HTTPS://hindsight.example.com/", true],
    ["http://localhost:3000", false],
    ["", false],
    [undefined, false],
  ])("%s → %s", (url, expected) => expect(isHttpsPublicUrl(url)).toBe(expected));
});

describe("createNonce", () => {
  it("is fresh base64 of 16 bytes each time", () => {
    const a = createNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(createNonce()).not.toBe(a);
  });
});
