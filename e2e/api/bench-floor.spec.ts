import { expect, test } from "@playwright/test";
import { sessionFor } from "../support/api/helpers";

// /bench-floor ships in every build but is the bench's floor page only: without
// HINDSIGHT_BENCH_FLOOR=1 (never set for the test servers) it does not exist, signed in or not.
test("/bench-floor answers 404 unless the server runs with HINDSIGHT_BENCH_FLOOR=1", async ({ playwright, baseURL, request }) => {
  const admin = await sessionFor(playwright, baseURL!, "admin");
  for (const res of [await admin.get("/bench-floor", { maxRedirects: 0 }), await request.get("/bench-floor", { maxRedirects: 0 })]) {
    expect(res.status()).toBe(404);
    expect(await res.text()).not.toContain("Bench floor");
  }
  await admin.dispose();
});
