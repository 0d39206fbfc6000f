import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { bearer } from "../support/fixtures";
import { expectError, marker } from "../support/api/helpers";
import type { IncidentJson } from "../support/api/types";

test("the same Idempotency-Key with the same body returns the first incident", async ({ request }) => {
  const key = randomUUID();
  const title = marker("Idempotent declare");
  const first = await request.post("/api/v1/incidents", {
    headers: { ...bearer("responder"), "Idempotency-Key": key },
    data: { title, severity: "SEV3", summary: "Queue backlog" },
  });
  expect(first.status()).toBe(201);
  const created = (await first.json()) as IncidentJson;
  // The same body with its keys in another order and other spacing is the same request.
  const again = await request.post("/api/v1/incidents", {
    headers: { ...bearer("responder"), "Idempotency-Key": key, "Content-Type": "application/json" },
    data: `{ "summary": "Queue backlog",  "severity": "SEV3", "title": ${JSON.stringify(title)} }`,
  });
  expect(again.status()).toBe(201);
  expect(again.headers()["idempotent-replayed"]).toBe("true");
  expect(((await again.json()) as IncidentJson).reference).toBe(created.reference);
});

test("the same Idempotency-Key with a different body is refused with 422", async ({ request }) => {
  const key = randomUUID();
  const title = marker("Idempotent mismatch");
  const first = await request.post("/api/v1/incidents", { headers: { ...bearer("responder"), "Idempotency-Key": key }, data: { title, severity: "SEV3" } });
  expect(first.status()).toBe(201);
  const created = (await first.json()) as IncidentJson;

  const other = await request.post("/api/v1/incidents", { headers: { ...bearer("responder"), "Idempotency-Key": key }, data: { title, severity: "SEV1" } });
  const body = await expectError(other, 422, "Idempotency-Key");
  expect(body.error.code).toBe("unprocessable");
  expect(body.error.message).toContain("Idempotency-Key");
  expect(other.headers()["idempotent-replayed"]).toBeUndefined();

  // Nothing was declared by the refused request, and the first incident is unchanged.
  const list = await request.get(`/api/v1/incidents?q=${encodeURIComponent(title)}`, { headers: bearer("responder") });
  const items = ((await list.json()) as { items: IncidentJson[] }).items;
  expect(items.map((i) => i.reference)).toEqual([created.reference]);
  expect(items[0]!.severity).toBe("SEV3");
});

test("another caller may use the same key for its own request", async ({ request }) => {
  const key = randomUUID();
  const a = await request.post("/api/v1/incidents", {
    headers: { ...bearer("responder"), "Idempotency-Key": key },
    data: { title: marker("Key A"), severity: "SEV4" },
  });
  const b = await request.post("/api/v1/incidents", {
    headers: { ...bearer("admin"), "Idempotency-Key": key },
    data: { title: marker("Key B"), severity: "SEV4" },
  });
  expect([a.status(), b.status()]).toEqual([201, 201]);
  expect(((await a.json()) as IncidentJson).reference).not.toBe(((await b.json()) as IncidentJson).reference);
});
