import { describe, expect, it } from "vitest";
import { UNMATCHED_ROUTE, createRouteLabeler, pathnameOf } from "./route-label.mjs";

const manifest = {
  staticRoutes: [
    { page: "/", regex: "^/(?:/)?$" },
    { page: "/incidents/new", regex: "^/incidents/new(?:/)?$" },
    { page: "/api/v1/incidents", regex: "^/api/v1/incidents(?:/)?$" },
  ],
  dynamicRoutes: [
    { page: "/incidents/[ref]", regex: "^/incidents/([^/]+?)(?:/)?$" },
    { page: "/api/v1/incidents/[ref]", regex: "^/api/v1/incidents/([^/]+?)(?:/)?$" },
    { page: "/api/v1/incidents/[ref]/timeline/[id]", regex: "^/api/v1/incidents/([^/]+?)/timeline/([^/]+?)(?:/)?$" },
    { page: "/api/auth/[...nextauth]", regex: "^/api/auth/(.+?)(?:/)?$" },
  ],
};

describe("route labels", () => {
  const label = createRouteLabeler(manifest);

  it("names the route pattern, never the raw path", () => {
    expect(label("/")).toBe("/");
    expect(label("/api/v1/incidents")).toBe("/api/v1/incidents");
    expect(label("/api/v1/incidents/")).toBe("/api/v1/incidents");
    expect(label("/api/v1/incidents/INC-42")).toBe("/api/v1/incidents/[ref]");
    expect(label("/api/v1/incidents/7/timeline/99")).toBe("/api/v1/incidents/[ref]/timeline/[id]");
    expect(label("/api/auth/callback/credentials")).toBe("/api/auth/[...nextauth]");
  });

  it("prefers a static route over a dynamic one", () => {
    expect(label("/incidents/new")).toBe("/incidents/new");
    expect(label("/incidents/INC-1")).toBe("/incidents/[ref]");
  });

  it("groups build assets and unknown paths under a few fixed labels", () => {
    expect(label("/_next/static/chunks/abc.js")).toBe("/_next/static");
    expect(label("/_next/image")).toBe("/_next");
    for (const path of ["/wp-admin", "/x/y/z", "/api/v2/anything"]) expect(label(path)).toBe(UNMATCHED_ROUTE);
  });

  it("takes the path without the query", () => {
    expect(pathnameOf("/api/v1/incidents?token=secret")).toBe("/api/v1/incidents");
    expect(pathnameOf("/a#b")).toBe("/a");
    expect(pathnameOf("/plain")).toBe("/plain");
  });
});
