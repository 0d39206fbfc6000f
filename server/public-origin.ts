import "server-only";
import { headers } from "next/headers";
import { env } from "./env";
import { trustedHops } from "./auth/trust-proxy";

/**
 * The address people and tools reach Hindsight on, for URLs shown to copy (integration endpoints):
 * NEXTAUTH_URL when set, else the Host this request came to — as sign-in does without NEXTAUTH_URL.
 * X-Forwarded-Proto/Host count only behind a trusted proxy (TRUST_PROXY), since clients can write them.
 */
export async function publicOrigin(): Promise<string> {
  const configured = env("NEXTAUTH_URL");
  if (configured) return new URL(configured.trim()).origin;
  const h = await headers();
  const proxied = trustedHops() > 0;
  const first = (value: string | null) => value?.split(",")[0]?.trim() || null;
  const host = (proxied ? first(h.get("x-forwarded-host")) : null) ?? h.get("host") ?? "localhost";
  const proto = (proxied ? first(h.get("x-forwarded-proto")) : null) === "https" ? "https" : "http";
  return `${proto}://${host}`;
}
