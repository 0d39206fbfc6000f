import { expect, test } from "@playwright/test";
import { bearer, fixtures } from "../support/fixtures";
import { bearerDemo, demoBaseURL, demoFixtures } from "../support/demo";

type Listed = { items: { reference: string; title: string; status: string; drill: boolean }[]; nextCursor: string | null };

test("the demo server is up with the demo incidents, the test people and its own tokens", async ({ request }) => {
  const health = await request.get(`${demoBaseURL}/api/health`);
  expect(health.status()).toBe(200);

  const res = await request.get(`${demoBaseURL}/api/v1/incidents?limit=200`, { headers: bearerDemo("viewer") });
  expect(res.status(), await res.text()).toBe(200);
  const { items } = (await res.json()) as Listed;
  // Six months of demo incidents, open and closed, with at least one drill.
  expect(items.length).toBeGreaterThanOrEqual(30);
  expect(items.some((i) => i.status === "closed")).toBe(true);
  expect(items.some((i) => i.drill)).toBe(true);

  const teams = await request.get(`${demoBaseURL}/api/v1/teams`, { headers: bearerDemo("admin") });
  expect(((await teams.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);

  // The same people sign in there; the two servers keep their tokens (and data) apart.
  expect(demoFixtures().users).toEqual(fixtures().users);
  expect((await request.get(`${demoBaseURL}/api/v1/incidents`, { headers: bearer("viewer") })).status()).toBe(401);
  expect((await request.get("/api/v1/incidents", { headers: bearerDemo("viewer") })).status()).toBe(401);
});
