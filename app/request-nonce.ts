import "server-only";
import { headers } from "next/headers";

/** This request's CSP nonce (set by proxy.ts), for the few inline scripts we render ourselves. */
export async function requestNonce(): Promise<string | undefined> {
  return (await headers()).get("x-nonce") ?? undefined;
}
