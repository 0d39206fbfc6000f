import { describe, expect, it } from "vitest";
import { decodeSegment } from "./path-segment";

describe("decodeSegment", () => {
  it("decodes well-formed escapes", () => {
    expect(decodeSegment("INC-42")).toBe("INC-42");
    expect(decodeSegment("inc%2D42")).toBe("inc-42");
    expect(decodeSegment("caf%C3%A9")).toBe("café");
  });

  it("is null for malformed escapes instead of throwing", () => {
    for (const bad of ["%", "%ff", "%c0%af", "%E0%A4%A", "abc%zz", "%ed%a0%80"]) expect(decodeSegment(bad)).toBeNull();
  });
});
