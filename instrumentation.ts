export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ensureFirstAdmin } = await import("./db/bootstrap");
  await ensureFirstAdmin();
}
