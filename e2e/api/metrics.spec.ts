// GET /metrics on the main port, which scripts/e2e-server.mjs starts with METRICS_TOKEN=e2e-metrics-token.
import { expect, test } from "@playwright/test";
import { bearer } from "../support/fixtures";
import { declare, marker } from "../support/api/helpers";

const METRICS = { Authorization: "Bearer e2e-metrics-token" };

async function scrape(request: import("@playwright/test").APIRequestContext) {
  const res = await request.get("/metrics", { headers: METRICS });
  expect(res.status()).toBe(200);
  return res.text();
}

const openIncidents = (text: string, severity: string) =>
  Number(new RegExp(`^hindsight_open_incidents\\{severity="${severity}"\\} (\\d+)$`, "m").exec(text)?.[1]);

test("refuses a scrape without the metrics token, or with an API token instead", async ({ request }) => {
  const none = await request.get("/metrics");
  expect(none.status()).toBe(401);
  expect(none.headers()["www-authenticate"]).toMatch(/^Bearer/);
  const body = await none.json();
  expect(body.error).toMatchObject({ code: "unauthenticated" });
  expect(body.error.requestId).toBe(none.headers()["x-request-id"]);
  expect((await request.get("/metrics", { headers: { Authorization: "Bearer e2e-metrics-tokeN" } })).status()).toBe(401);
  expect((await request.get("/metrics", { headers: bearer("admin") })).status()).toBe(401);
});

test("serves Prometheus text with request, database, incident and process metrics", async ({ request }) => {
  const res = await request.get("/metrics", { headers: METRICS });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await res.text();
  for (const name of [
    "# TYPE hindsight_http_requests_total counter",
    "# TYPE hindsight_http_request_duration_seconds histogram",
    "# TYPE hindsight_db_statement_duration_seconds histogram",
    "# TYPE hindsight_open_incidents gauge",
    "process_cpu_user_seconds_total",
    "process_resident_memory_bytes",
    "nodejs_eventloop_lag_seconds",
  ]) {
    expect(text).toContain(name);
  }
  for (const severity of ["SEV1", "SEV2", "SEV3", "SEV4"]) expect(openIncidents(text, severity)).toBeGreaterThanOrEqual(0);
  expect(text).toMatch(/^hindsight_db_statement_duration_seconds_count\{operation="all"\} [1-9]\d*$/m);
});

test("labels requests by route pattern, never by the raw path", async ({ request }) => {
  const incident = await declare(request, { title: marker("metrics"), severity: "SEV4" });
  const before = await scrape(request);
  for (let i = 0; i < 3; i++) {
    expect((await request.get(`/api/v1/incidents/${incident.reference}`, { headers: bearer("viewer") })).status()).toBe(200);
  }
  await request.get(`/no-such-page-${marker("x")}`);
  const count = (text: string) =>
    Number(/^hindsight_http_requests_total\{method="GET",route="\/api\/v1\/incidents\/\[ref\]",status="200"\} (\d+)$/m.exec(text)?.[1] ?? 0);
  // A request is counted when its answer has finished, which may be a moment after the client has it.
  await expect.poll(async () => count(await scrape(request)) - count(before)).toBe(3);
  const after = await scrape(request);
  expect(after).toMatch(/^hindsight_http_request_duration_seconds_bucket\{le="0\.1",method="GET",route="\/api\/v1\/incidents\/\[ref\]",status="200"\} \d+$/m);
  expect(after).toContain('route="(unmatched)"');
  expect(after).not.toContain(incident.reference);
  expect(after).not.toContain("no-such-page");
});

test("counts open incidents by severity on each scrape", async ({ request }) => {
  const before = openIncidents(await scrape(request), "SEV4");
  await declare(request, { title: marker("gauge"), severity: "SEV4" });
  expect(openIncidents(await scrape(request), "SEV4")).toBe(before + 1);
});
