import { describe, expect, it, vi } from "vitest";
import { clientIpFromHeaders, normalizeAddress } from "./client-ip";
import { exitOnInvalidTrustProxy, parseTrustProxy, trustedHops } from "./trust-proxy";

const socket = "x-hindsight-remote-addr";

describe("clientIpFromHeaders without a trusted proxy (TRUST_PROXY unset)", () => {
  it("uses the socket address and ignores a forged X-Forwarded-For", () => {
    const headers = new Headers({ [socket]: "198.51.100.7", "x-forwarded-for": "6.6.6.6, 203.0.113.9" });
    expect(clientIpFromHeaders(headers, trustedHops({}))).toBe("198.51.100.7");
    expect(clientIpFromHeaders({ [socket]: "198.51.100.7", "x-forwarded-for": "10.1.2.3" }, trustedHops({ TRUST_PROXY: "false" }))).toBe("198.51.100.7");
    expect(clientIpFromHeaders({ [socket]: "198.51.100.7", "x-forwarded-for": "10.1.2.3" }, trustedHops({ TRUST_PROXY: "0" }))).toBe("198.51.100.7");
  });
  it("is 'unknown' when the server did not set the socket header, whatever X-Forwarded-For or X-Real-IP say", () => {
    expect(clientIpFromHeaders({ "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.10" }, 0)).toBe("unknown");
    expect(clientIpFromHeaders({}, 0)).toBe("unknown");
  });
  it("reads process.env.TRUST_PROXY by default", () => {
    const before = process.env.TRUST_PROXY;
    delete process.env.TRUST_PROXY;
    try {
      expect(clientIpFromHeaders({ [socket]: "::1", "x-forwarded-for": "6.6.6.6" })).toBe("::1");
      process.env.TRUST_PROXY = "true";
      expect(clientIpFromHeaders({ [socket]: "::1", "x-forwarded-for": "6.6.6.6" })).toBe("6.6.6.6");
    } finally {
      if (before === undefined) delete process.env.TRUST_PROXY;
      else process.env.TRUST_PROXY = before;
    }
  });
});

describe("clientIpFromHeaders behind proxies", () => {
  const chain = { [socket]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.1" };
  it("TRUST_PROXY=true trusts one hop: the last entry", () => {
    expect(clientIpFromHeaders(chain, trustedHops({ TRUST_PROXY: "true" }))).toBe("10.0.0.1");
  });
  it("TRUST_PROXY=N takes the Nth entry from the right", () => {
    expect(clientIpFromHeaders(chain, trustedHops({ TRUST_PROXY: "2" }))).toBe("203.0.113.9");
    expect(clientIpFromHeaders(chain, trustedHops({ TRUST_PROXY: "3" }))).toBe("6.6.6.6");
  });
  it("falls back to the leftmost entry when the list is shorter than N", () => {
    expect(clientIpFromHeaders(chain, trustedHops({ TRUST_PROXY: "5" }))).toBe("6.6.6.6");
  });
  it("uses the socket address when there is no X-Forwarded-For or the chosen entry is not an address", () => {
    expect(clientIpFromHeaders({ [socket]: "10.0.0.2" }, 1)).toBe("10.0.0.2");
    expect(clientIpFromHeaders({ [socket]: "10.0.0.2", "x-forwarded-for": "not-an-ip" }, 1)).toBe("10.0.0.2");
    expect(clientIpFromHeaders({ "x-forwarded-for": " , " }, 1)).toBe("unknown");
  });
});

describe("normalizeAddress", () => {
  it("unwraps IPv4-mapped IPv6 and rejects non-addresses", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress(" 2001:DB8::1 ")).toBe("2001:db8::1");
    expect(normalizeAddress("evil.example")).toBeNull();
    expect(normalizeAddress("1".repeat(100))).toBeNull();
    expect(normalizeAddress(null)).toBeNull();
  });
});

describe("parseTrustProxy", () => {
  it("accepts unset, false, 0, true and 1–20", () => {
    expect(parseTrustProxy(undefined)).toEqual({ ok: true, hops: 0 });
    expect(parseTrustProxy("")).toEqual({ ok: true, hops: 0 });
    expect(parseTrustProxy("FALSE")).toEqual({ ok: true, hops: 0 });
    expect(parseTrustProxy("0")).toEqual({ ok: true, hops: 0 });
    expect(parseTrustProxy("true")).toEqual({ ok: true, hops: 1 });
    expect(parseTrustProxy("1")).toEqual({ ok: true, hops: 1 });
    expect(parseTrustProxy("20")).toEqual({ ok: true, hops: 20 });
  });
  it("rejects anything else with a message that names TRUST_PROXY and the accepted values", () => {
    for (const bad of ["21", "-1", "yes", "1.5", "loopback", "10.0.0.0/8", "007"]) {
      const result = parseTrustProxy(bad);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/TRUST_PROXY=.*not valid.*1–20/);
    }
    expect(() => trustedHops({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY="yes" is not valid/);
  });
});

describe("exitOnInvalidTrustProxy (instrumentation.ts, at start)", () => {
  it("exits with status 1 and a clear message on an invalid TRUST_PROXY, and does nothing on a valid one", () => {
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const before = process.env.TRUST_PROXY;
    try {
      process.env.TRUST_PROXY = "2";
      exitOnInvalidTrustProxy();
      expect(exit).not.toHaveBeenCalled();
      process.env.TRUST_PROXY = "all";
      exitOnInvalidTrustProxy();
      expect(exit).toHaveBeenCalledWith(1);
      expect(error).toHaveBeenCalledWith(expect.stringMatching(/^\[hindsight\] TRUST_PROXY="all" is not valid/));
    } finally {
      exit.mockRestore();
      error.mockRestore();
      if (before === undefined) delete process.env.TRUST_PROXY;
      else process.env.TRUST_PROXY = before;
    }
  });
});
