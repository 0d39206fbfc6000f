export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { exitOnInvalidTrustProxy } = await import("./lib/auth/trust-proxy");
  exitOnInvalidTrustProxy();
  const { ensureFirstAdmin } = await import("./db/bootstrap");
  await ensureFirstAdmin();
}
