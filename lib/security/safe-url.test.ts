import { describe, expect, it } from "vitest";
import { isSafeLinkUrl, safeLinkUrl } from "./safe-url";

describe("isSafeLinkUrl", () => {
  it.each([
    "https://example.com/x?y=1#z",
    "http://example.com",
    "HTTPS://EXAMPLE.COM",
    "mailto:oncall@example.com",
    "/incidents/INC-12",
    "/",
    "#timeline",
    "  https://example.com  ",
  ])("keeps %s", (url) => expect(isSafeLinkUrl(url)).toBe(true));

  it.each([
    "//evil.example",
    "//evil.example/path",
    "\\\\evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "/%5Cevil.example",
    "/%2fevil.example",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.com",
    "https:/evil.example",
    "https:\\\\evil.example",
    "http:evil.example",
    "mailto:",
    "relative/path",
    "./x",
    "evil.example",
    "",
    "   ",
  ])("drops %j", (url) => expect(isSafeLinkUrl(url)).toBe(false));

  it("returns the trimmed URL or an empty string", () => {
    expect(safeLinkUrl(" /services/api ")).toBe("/services/api");
    expect(safeLinkUrl("//evil.example")).toBe("");
  });
});
