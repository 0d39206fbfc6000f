import { describe, expect, it } from "vitest";
import { formatMs, isInFlight, prettyBody, responseText, selectAllState, toggleIn, urlHost } from "./webhook-display";

describe("urlHost", () => {
  it("keeps the host and port, drops path and query", () => {
    expect(urlHost("https://hooks.slack.com/services/T0/B0/xyz")).toBe("hooks.slack.com");
    expect(urlHost("http://127.0.0.1:8123/hook?a=1")).toBe("127.0.0.1:8123");
    expect(urlHost("http://[::1]:9000/x")).toBe("[::1]:9000");
  });
  it("shows what is not a URL as it is", () => {
    expect(urlHost("not a url")).toBe("not a url");
  });
});

describe("prettyBody", () => {
  it("indents JSON", () => {
    expect(prettyBody('{"type":"webhook.test","data":{"a":1}}')).toBe('{\n  "type": "webhook.test",\n  "data": {\n    "a": 1\n  }\n}');
  });
  it("leaves other text alone", () => {
    expect(prettyBody('{"cut": "shor')).toBe('{"cut": "shor');
    expect(prettyBody("")).toBe("");
  });
});

describe("formatMs", () => {
  it("reads in ms below a second, tenths below ten, whole seconds above", () => {
    expect(formatMs(0)).toBe("0 ms");
    expect(formatMs(84.6)).toBe("85 ms");
    expect(formatMs(1234)).toBe("1.2 s");
    expect(formatMs(9960)).toBe("10.0 s");
    expect(formatMs(31_400)).toBe("31 s");
  });
});

describe("isInFlight", () => {
  it("is true only while a final outcome is awaited", () => {
    expect(isInFlight("pending")).toBe(true);
    expect(isInFlight("delivering")).toBe(true);
    expect(isInFlight("delivered")).toBe(false);
    expect(isInFlight("failed")).toBe(false);
  });
});

describe("selectAllState and toggleIn", () => {
  const all = ["a", "b", "c"] as const;
  it("says all, some or none", () => {
    expect(selectAllState([], all)).toBe("none");
    expect(selectAllState(["b"], all)).toBe("some");
    expect(selectAllState(["c", "a", "b"], all)).toBe("all");
    expect(selectAllState(["x"], all)).toBe("none");
  });
  it("keeps the order of all, whatever the clicking order", () => {
    expect(toggleIn(["c"], "a", true, all)).toEqual(["a", "c"]);
    expect(toggleIn(["a", "c"], "a", false, all)).toEqual(["c"]);
    expect(toggleIn(["a"], "a", true, all)).toEqual(["a"]);
  });
});

describe("responseText", () => {
  it("prefers the status code, else the error", () => {
    expect(responseText(200, null)).toBe("HTTP 200");
    expect(responseText(503, "Service Unavailable")).toBe("HTTP 503");
    expect(responseText(null, "Timed out after 10 s")).toBe("Timed out after 10 s");
    expect(responseText(null, null)).toBe("No response");
  });
});
