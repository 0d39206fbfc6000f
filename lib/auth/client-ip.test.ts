import { describe, expect, it } from "vitest";
import { clientIpFromHeaders } from "./client-ip";

describe("clientIpFromHeaders", () => {
  it("takes the last X-Forwarded-For hop (the one the nearest proxy saw)", () => {
    expect(clientIpFromHeaders(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIpFromHeaders({ "x-forwarded-for": "::1" })).toBe("::1");
  });
  it("falls back to X-Real-IP, else null", () => {
    expect(clientIpFromHeaders({ "x-real-ip": "198.51.100.4" })).toBe("198.51.100.4");
    expect(clientIpFromHeaders({})).toBeNull();
  });
});
