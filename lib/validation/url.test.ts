import { describe, expect, it } from "vitest";
import { isHttpUrl } from "./url";

describe("isHttpUrl", () => {
  it("accepts absolute http(s) URLs", () => {
    expect(isHttpUrl("https://tracker.example.com/OPS-12")).toBe(true);
    expect(isHttpUrl("http://wiki.local/runbook")).toBe(true);
  });
  it("refuses script, data, relative and hostless links", () => {
    for (const bad of ["javascript:alert(1)", "data:text/html,hi", "/relative", "https://", "ftp://x.example.com", "tracker.example.com"]) {
      expect(isHttpUrl(bad), bad).toBe(false);
    }
  });
});
