// Route labels for logs and metrics: the route's pattern from Next's routes manifest
// (/api/v1/incidents/[ref]), never the raw path, so metric label values stay few.

export const UNMATCHED_ROUTE = "(unmatched)";

/** Builds `label(pathname)` from the parsed .next/routes-manifest.json. */
export function createRouteLabeler(manifest) {
  const statics = new Map();
  for (const route of manifest?.staticRoutes ?? []) statics.set(route.page, route.page);
  const dynamics = (manifest?.dynamicRoutes ?? []).map((route) => ({ page: route.page, regex: new RegExp(route.regex) }));
  return function label(pathname) {
    if (pathname.startsWith("/_next/static/")) return "/_next/static";
    if (pathname.startsWith("/_next/")) return "/_next";
    const trimmed = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
    const exact = statics.get(trimmed);
    if (exact) return exact;
    for (const route of dynamics) if (route.regex.test(pathname)) return route.page;
    return UNMATCHED_ROUTE;
  };
}

/** The path of a request URL without its query string. */
export function pathnameOf(url) {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}
