/** The client address: first X-Forwarded-For hop when behind a proxy, else X-Real-IP. */
export function clientIpFromHeaders(headers: Headers | Record<string, string | string[] | undefined>): string | null {
  const get = (name: string): string | null => {
    if (headers instanceof Headers) return headers.get(name);
    const value = headers[name];
    return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
  };
  const forwarded = get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0]!.trim() || null;
  return get("x-real-ip");
}
