import { describe, expect, it } from "vitest";
import { malformedPathSegment } from "./malformed-path";

describe("malformedPathSegment", () => {
  it.each([
    ["/incidents/%ff", "%ff"],
    ["/api/v1/services/%c0%af", "%c0%af"],
    ["/api/v1/incidents/%", "%"],
    ["/api/v1/incidents/INC-1/notes/%zz", "%zz"],
    ["/services/ok/%e2%82", "%e2%82"],
  ])("%s → %s", (path, segment) => expect(malformedPathSegment(path)).toBe(segment));

  it.each(["/", "/incidents/INC-1", "/services/caf%C3%A9", "/api/v1/incidents/%25", "/search/a%20b"])("%s is fine", (path) =>
    expect(malformedPathSegment(path)).toBeNull(),
  );
});
