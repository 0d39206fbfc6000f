/**
 * TRUST_PROXY: how many reverse proxies in front of the server append to X-Forwarded-For.
 * Unset, "false" or "0": none (the socket address is the client); "true": one; 1–20: that many.
 * Parsed and validated in server/env.ts.
 */
import { env, type EnvSource } from "../env";

export { MAX_TRUSTED_HOPS, parseTrustProxy, type TrustProxyResult } from "../env";

/** The configured hops; throws with a message naming TRUST_PROXY when it is invalid. */
export function trustedHops(source?: EnvSource): number {
  return env("TRUST_PROXY", source);
}

/** For startup: refuse to start on an invalid TRUST_PROXY. */
export function exitOnInvalidTrustProxy() {
  try {
    trustedHops();
  } catch (error) {
    console.error(`[hindsight] ${(error as Error).message}`);
    process.exit(1);
  }
}
