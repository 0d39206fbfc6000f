/**
 * The first path segment that is not valid percent-encoding (`%ff`, `%c0%af`, a lone `%`),
 * or null when every segment decodes. Next.js answers such paths with a 500 when it decodes
 * route parameters, so proxy.ts turns them away first.
 */
export function malformedPathSegment(pathname: string): string | null {
  for (const segment of pathname.split("/")) {
    if (!segment.includes("%")) continue;
    try {
      decodeURIComponent(segment);
    } catch {
      return segment;
    }
  }
  return null;
}
