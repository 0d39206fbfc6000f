import { isIP } from "node:net";
import { trustedHops } from "./trust-proxy";

/** Set by scripts/server.mjs from the socket, overwriting whatever a client sent. */
export const REMOTE_ADDR_HEADER = "x-hindsight-remote-addr";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function headerValue(headers: HeaderSource, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/** An IPv4-mapped IPv6 address ("::ffff:203.0.113.9") as the IPv4 one; anything not an address as null. */
export function normalizeAddress(value: string | null | undefined): string | null {
  const address = (value ?? "").trim();
  if (!address || address.length > 64) return null;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped && isIP(mapped[1]!) === 4) return mapped[1]!;
  return isIP(address) ? address.toLowerCase() : null;
}

/**
 * The client address, by TRUST_PROXY (see trust-proxy.ts). With no trusted proxy it is the socket
 * address and X-Forwarded-For is ignored: any client can write that header. Behind N proxies each
 * appends the address it saw, so the Nth entry from the right is the first one a client could not
 * have forged; a shorter list falls back to its leftmost entry.
 */
export function clientIpFromHeaders(headers: HeaderSource, hops = trustedHops()): string {
  const socket = normalizeAddress(headerValue(headers, REMOTE_ADDR_HEADER)) ?? "unknown";
  if (hops === 0) return socket;
  const forwarded = (headerValue(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  if (!forwarded.length) return socket;
  const hop = forwarded[Math.max(forwarded.length - hops, 0)];
  return normalizeAddress(hop) ?? socket;
}
