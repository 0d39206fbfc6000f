/**
 * Whether a link target written in user Markdown may become a link: http(s) and mailto URLs,
 * #anchors, and same-site paths. Everything else is dropped — other schemes (javascript:, data:,
 * vbscript:, …) and the forms browsers resolve to another host: `//host`, `\\host`, `/\host`
 * (browsers treat `\` as `/` in URLs; also percent-encoded) and anything with control characters or whitespace that
 * the URL parser strips.
 */
export function isSafeLinkUrl(raw: string): boolean {
  const url = raw.trim();
  if (!url) return false;
  // Control characters and inner whitespace are removed or ignored by URL parsers: "java\tscript:".
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\u0000-\u0020\u007f-\u009f\u2028\u2029]/.test(url)) return false;
  if (url.startsWith("#")) return true;
  // Markdown hands over "/\x" percent-encoded as "/%5Cx": refuse the encoded forms too.
  if (url.startsWith("/")) return !/^\/([/\\]|%2f|%5c)/i.test(url);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  if (!scheme) return false;
  const name = scheme[1]!.toLowerCase();
  if (name === "mailto") return url.length > "mailto:".length;
  if (name !== "http" && name !== "https") return false;
  // An absolute web URL needs a host: "https:/x" or "http:\\x" are ambiguous, refuse them.
  return /^https?:\/\/[^/\\]/i.test(url);
}

/** The URL unchanged when it is safe, "" otherwise (react-markdown's urlTransform contract). */
export function safeLinkUrl(raw: string): string {
  return isSafeLinkUrl(raw) ? raw.trim() : "";
}
