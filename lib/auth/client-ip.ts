/**
 * The client address. Next.js fills X-Forwarded-For with the socket address when a request
 * has none; behind a reverse proxy the proxy appends what it saw. The last hop is the one a
 * client cannot forge through a proxy, so that is the one used.
 */
export function clientIpFromHeaders(headers: Headers | Record<string, string | string[] | undefined>): string | null {
  const get = (name: string): string | null => {
    if (headers instanceof Headers) return headers.get(name);
    const value = headers[name];
    return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
  };
  const forwarded = get("x-forwarded-for");
  if (forwarded) return forwarded.split(",").at(-1)!.trim() || null;
  return get("x-real-ip");
}
