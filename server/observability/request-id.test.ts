import { describe, expect, it } from "vitest";
import { requestIdFor } from "./request-id.mjs";

describe("request ids", () => {
  it("keeps a safe incoming id", () => {
    expect(requestIdFor("abc-123_X.y")).toBe("abc-123_X.y");
    expect(requestIdFor(["first-id", "second"])).toBe("first-id");
  });

  it("replaces a missing, long or unsafe id with a new random one", () => {
    for (const bad of [undefined, "", "a".repeat(101), "has space", "line\nbreak", '{"json":1}', "ü"]) {
      const id = requestIdFor(bad);
      expect(id).not.toBe(bad);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(requestIdFor(undefined)).not.toBe(requestIdFor(undefined));
  });
});
