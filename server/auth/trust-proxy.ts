/**
 * TRUST_PROXY: how many reverse proxies in front of the server append to X-Forwarded-For.
 * Unset, "false" or "0": none (the socket address is the client); "true": one; 1–20: that many.
 */
export const MAX_TRUSTED_HOPS = 20;

export type TrustProxyResult = { ok: true; hops: number } | { ok: false; message: string };

export function parseTrustProxy(value: string | undefined): TrustProxyResult {
  const raw = (value ?? "").trim().toLowerCase();
  if (raw === "" || raw === "false" || raw === "0") return { ok: true, hops: 0 };
  if (raw === "true") return { ok: true, hops: 1 };
  if (/^\d{1,2}$/.test(raw) && Number(raw) >= 1 && Number(raw) <= MAX_TRUSTED_HOPS) return { ok: true, hops: Number(raw) };
  return {
    ok: false,
    message: `TRUST_PROXY=${JSON.stringify(value)} is not valid. Leave it unset (or "false"/"0") when clients reach Hindsight directly, "true" behind one reverse proxy, or the number of proxies (1–${MAX_TRUSTED_HOPS}) that append to X-Forwarded-For.`,
  };
}

/** The configured hops; throws with the message above when TRUST_PROXY is invalid. */
export function trustedHops(env: Record<string, string | undefined> = process.env): number {
  const result = parseTrustProxy(env.TRUST_PROXY);
  if (!result.ok) throw new Error(result.message);
  return result.hops;
}

/** For startup (instrumentation.ts): refuse to start on an invalid TRUST_PROXY. */
export function exitOnInvalidTrustProxy() {
  const result = parseTrustProxy(process.env.TRUST_PROXY);
  if (result.ok) return;
  console.error(`[hindsight] ${result.message}`);
  process.exit(1);
}
