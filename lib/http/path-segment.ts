/**
 * A URL path segment decoded, or null when its percent-escapes are malformed ("%", "%ff",
 * "%c0%af"): callers answer 404 instead of letting decodeURIComponent's URIError become a 500.
 */
export function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
