import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/app/components/markdown";

const render = (source: string) => renderToStaticMarkup(createElement(Markdown, null, source));
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);

describe("Markdown links", () => {
  it.each([
    ["[x](//evil.example)", "protocol-relative"],
    ["[x](\\\\evil.example)", "backslashes"],
    ["[x](/\\evil.example)", "slash backslash"],
    ["[x](javascript:alert(1))", "javascript:"],
    ["[x](data:text/html,hi)", "data:"],
    ["[x](vbscript:msgbox)", "vbscript:"],
    ["[x](file:///etc/passwd)", "file:"],
    ["<//evil.example>", "autolink"],
  ])("%s (%s) is not a link", (source) => {
    const html = render(source);
    expect(hrefs(html).filter(Boolean)).toEqual([]);
    expect(html).not.toContain('evil.example"');
  });

  it("keeps web, mail, same-site and anchor links", () => {
    const html = render("[a](https://example.com/x) [b](mailto:x@example.com) [c](/incidents/INC-1) [d](#notes)");
    expect(hrefs(html)).toEqual(["https://example.com/x", "mailto:x@example.com", "/incidents/INC-1", "#notes"]);
  });
});
