import { expect, test } from "@playwright/test";
import { bearer, fixtures } from "../support/fixtures";
import { declare, expectError, marker, sessionFor } from "../support/api/helpers";
import type { SearchJson } from "../support/api/types";

const get = (request: Parameters<typeof declare>[0], q: string, role: "admin" | "responder" | "viewer" = "viewer") =>
  request.get(`/api/v1/search?q=${encodeURIComponent(q)}`, { headers: bearer(role) });

test("finds incidents by title and reference, services and people", async ({ request }) => {
  const word = marker("Kestrel");
  const incident = await declare(request, { title: `${word} checkout errors`, severity: "SEV2" });
  const slug = word.toLowerCase();
  const created = await request.post("/api/v1/services", { headers: bearer("admin"), data: { slug, name: `${word} service`, tier: 2 } });
  expect(created.status(), await created.text()).toBe(201);

  const res = await get(request, word);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as SearchJson;
  expect(body.incidents).toEqual([{ reference: incident.reference, title: `${word} checkout errors`, severity: "SEV2", status: "investigating" }]);
  expect(body.services).toEqual([{ slug, name: `${word} service` }]);

  const byRef = (await (await get(request, incident.reference.toLowerCase())).json()) as SearchJson;
  expect(byRef.incidents[0]?.reference).toBe(incident.reference);

  const people = (await (await get(request, fixtures().users.responder2)).json()) as SearchJson;
  expect(people.people).toEqual([{ id: expect.any(Number), name: "Sam Second", email: fixtures().users.responder2 }]);
});

test("a private incident is found only by who may see it", async ({ request, playwright, baseURL }) => {
  const word = marker("Osprey");
  await declare(request, { title: `${word} credentials leaked`, severity: "SEV1", private: true });
  const found = async (res: Awaited<ReturnType<typeof get>>) => ((await res.json()) as SearchJson).incidents.map((i) => i.title);
  expect(await found(await get(request, word, "admin"))).toEqual([`${word} credentials leaked`]);
  expect(await found(await get(request, word, "viewer"))).toEqual([]);
  // A signed-in responder who is not on it: nothing either.
  const session = await sessionFor(playwright, baseURL!, "responder2");
  const res = await session.get(`/api/v1/search?q=${word}`);
  expect(res.status()).toBe(200);
  expect(await found(res)).toEqual([]);
  await session.dispose();
});

test("bad q or limit → 400 naming the field; no credentials → 401", async ({ request }) => {
  await expectError(await request.get("/api/v1/search?q=", { headers: bearer("viewer") }), 400, "q");
  await expectError(await request.get("/api/v1/search", { headers: bearer("viewer") }), 400, "q");
  await expectError(await request.get(`/api/v1/search?q=${"x".repeat(101)}`, { headers: bearer("viewer") }), 400, "q");
  await expectError(await request.get("/api/v1/search?q=a&limit=0", { headers: bearer("viewer") }), 400, "limit");
  await expectError(await request.get("/api/v1/search?q=a&limit=many", { headers: bearer("viewer") }), 400, "limit");
  await expectError(await request.get("/api/v1/search?q=a&limit=500", { headers: bearer("viewer") }), 400, "limit");
  const limited = (await (await request.get("/api/v1/search?q=e&limit=1", { headers: bearer("admin") })).json()) as SearchJson;
  expect(limited.incidents.length).toBeLessThanOrEqual(1);
  expect(limited.people.length).toBeLessThanOrEqual(1);
  await expectError(await request.get("/api/v1/search?q=a"), 401);
});
