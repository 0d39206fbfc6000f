import { describe, expect, it } from "vitest";
import { canonicalJson, canonicalJsonHash } from "./canonical-json";

describe("canonicalJson", () => {
  it("sorts keys at every depth and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it("gives the same text for the same object written in another key order", () => {
    const one = JSON.parse('{"title":"Checkout down","severity":"SEV1","services":[{"service":"api","impact":"down"}]}');
    const two = JSON.parse('{ "services": [ { "impact": "down", "service": "api" } ], "severity": "SEV1", "title": "Checkout down" }');
    expect(canonicalJson(one)).toBe(canonicalJson(two));
    expect(canonicalJsonHash(one)).toBe(canonicalJsonHash(two));
  });

  it("tells different values apart", () => {
    expect(canonicalJsonHash({ title: "a" })).not.toBe(canonicalJsonHash({ title: "b" }));
    expect(canonicalJsonHash({ a: [1, 2] })).not.toBe(canonicalJsonHash({ a: [2, 1] }));
    expect(canonicalJsonHash({ a: "1" })).not.toBe(canonicalJsonHash({ a: 1 }));
  });

  it("handles primitives and undefined", () => {
    expect(canonicalJson("x")).toBe('"x"');
    expect(canonicalJson(undefined)).toBe("null");
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
    expect(canonicalJsonHash({})).toMatch(/^[0-9a-f]{64}$/);
  });
});
