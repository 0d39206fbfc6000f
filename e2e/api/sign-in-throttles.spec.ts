import { expect, test } from "@playwright/test";
import { randomInt } from "node:crypto";
import { bearer } from "../support/fixtures";
import { demoBaseURL } from "../support/demo";
import { BAD_CREDENTIALS, csrfFor, PAUSED_ADDRESS, PAUSED_PAIR, signInOverHttp, testAddress } from "../support/sign-in-http";

const uniqueEmail = (prefix: string) => `${prefix}-${randomInt(1e9)}@example.test`;
type Item = { kind: string; email: string | null; address: string | null; failures: number; until: string; delayMs?: number };

test("viewers and responders may not list or clear sign-in limits", async ({ request }) => {
  for (const role of ["viewer", "responder"] as const) {
    expect((await request.get("/api/v1/sign-in-throttles", { headers: bearer(role) })).status()).toBe(403);
    const res = await request.delete("/api/v1/sign-in-throttles?email=a@example.test", { headers: bearer(role) });
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
  }
  expect((await request.get("/api/v1/sign-in-throttles")).status()).toBe(401);
});

test("an admin lists an active pause and the account's slowdown, clears the pair, and may try again", async ({ request, baseURL }) => {
  const email = uniqueEmail("api-paused");
  const ip = testAddress();
  const client = { baseURL: baseURL!, headers: { "X-Forwarded-For": ip } };
  const csrf = await csrfFor(client);
  for (let i = 0; i < 5; i++) expect(await signInOverHttp(client, email, `guess-${i}`, csrf)).toBe(BAD_CREDENTIALS);
  expect(await signInOverHttp(client, email, "guess-6", csrf)).toMatch(PAUSED_PAIR);

  const list = await request.get("/api/v1/sign-in-throttles", { headers: bearer("admin") });
  expect(list.status()).toBe(200);
  const body = (await list.json()) as { items: Item[]; total: number };
  const items = body.items;
  expect(body.total).toBeGreaterThanOrEqual(items.length);
  const pair = items.find((i) => i.kind === "account_address" && i.email === email);
  expect(pair).toMatchObject({ address: ip, failures: 5 });
  const minutesLeft = (Date.parse(pair!.until) - Date.now()) / 60_000;
  expect(minutesLeft).toBeGreaterThan(14);
  expect(minutesLeft).toBeLessThanOrEqual(15);
  expect(items.find((i) => i.kind === "account" && i.email === email)).toMatchObject({ address: null, failures: 5, delayMs: 1000 });

  const cleared = await request.delete(`/api/v1/sign-in-throttles?email=${encodeURIComponent(email)}&address=${encodeURIComponent(ip)}`, {
    headers: bearer("admin"),
  });
  expect(cleared.status()).toBe(204);
  const after = (await (await request.get("/api/v1/sign-in-throttles", { headers: bearer("admin") })).json()).items as Item[];
  expect(after.filter((i) => i.email === email)).toEqual([]);
  expect(await signInOverHttp(client, email, "guess-7", csrf)).toBe(BAD_CREDENTIALS);

  // Nothing left to clear for that pair.
  const again = await request.delete(`/api/v1/sign-in-throttles?email=${encodeURIComponent(email)}&address=${encodeURIComponent("203.0.113.254")}`, {
    headers: bearer("admin"),
  });
  expect(again.status()).toBe(404);
});

test("clearing answers 400 naming the field", async ({ request }) => {
  const cases: [string, string[]][] = [
    ["", ["email", "address"]],
    ["?email=&address=", ["email", "address"]],
    ["?address=not-an-address", ["address"]],
    [`?email=${"x".repeat(255)}`, ["email"]],
  ];
  for (const [query, fields] of cases) {
    const res = await request.delete(`/api/v1/sign-in-throttles${query}`, { headers: bearer("admin") });
    expect(res.status(), query).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("validation_failed");
    expect(Object.keys(body.error.fields).sort(), query).toEqual(fields.sort());
  }
});

test("without TRUST_PROXY (the demo server) a forged X-Forwarded-For is ignored: the socket address is limited", async () => {
  // A loopback address of its own (any 127.x.y.z connects on Linux), so no other test shares the pause.
  const options = { baseURL: demoBaseURL, localAddress: `127.0.${randomInt(1, 255)}.${randomInt(2, 255)}` };
  const csrf = await csrfFor(options);
  for (let n = 0; n < 20; n++) {
    const forged = { ...options, headers: { "X-Forwarded-For": `10.${n}.${randomInt(255)}.1` } };
    expect(await signInOverHttp(forged, uniqueEmail(`forged${n}`), "guess", csrf)).toBe(BAD_CREDENTIALS);
  }
  const result = await signInOverHttp({ ...options, headers: { "X-Forwarded-For": "10.99.99.99" } }, uniqueEmail("forged-last"), "guess", csrf);
  expect(result).toMatch(PAUSED_ADDRESS);
});
