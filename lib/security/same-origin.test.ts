import { describe, expect, it } from "vitest";
import { isPageWrite, isSameOriginRequest } from "./same-origin";

const headers = (h: Record<string, string>) => new Headers(h);

describe("isSameOriginRequest", () => {
  it("trusts Sec-Fetch-Site same-origin only", () => {
    expect(isSameOriginRequest(headers({ "sec-fetch-site": "same-origin", host: "a.example" }))).toBe(true);
    expect(isSameOriginRequest(headers({ "sec-fetch-site": "same-site", host: "a.example", origin: "https://a.example" }))).toBe(false);
    expect(isSameOriginRequest(headers({ "sec-fetch-site": "cross-site", host: "a.example" }))).toBe(false);
  });

  it("falls back to comparing the Origin with the host", () => {
    expect(isSameOriginRequest(headers({ origin: "http://localhost:3000", host: "localhost:3000" }))).toBe(true);
    expect(isSameOriginRequest(headers({ origin: "https://a.example", host: "b.example", "x-forwarded-host": "a.example" }))).toBe(true);
    expect(isSameOriginRequest(headers({ origin: "https://evil.example", host: "a.example" }))).toBe(false);
    expect(isSameOriginRequest(headers({ origin: "null", host: "a.example" }))).toBe(false);
  });

  it("refuses a request with neither header", () => {
    expect(isSameOriginRequest(headers({ host: "a.example" }))).toBe(false);
  });
});

describe("isPageWrite", () => {
  it("covers server actions and writes to pages, not API routes or reads", () => {
    expect(isPageWrite("POST", "/incidents", headers({ "next-action": "abc" }))).toBe(true);
    expect(isPageWrite("POST", "/incidents/INC-1", headers({}))).toBe(true);
    expect(isPageWrite("GET", "/incidents", headers({}))).toBe(false);
    expect(isPageWrite("POST", "/api/v1/incidents", headers({}))).toBe(false);
    expect(isPageWrite("POST", "/api/auth/callback/credentials", headers({}))).toBe(false);
    expect(isPageWrite("POST", "/apiary", headers({}))).toBe(true);
  });
});
