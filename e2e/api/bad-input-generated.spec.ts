// Over 2,000 generated malformed requests across every write endpoint and list query under
// /api/v1 (e2e/support/api/bad-input-generators.ts): never a 5xx, every 4xx in the DESIGN.md error
// shape, and the server healthy after. Runs on a server of its own (port BAD_INPUT_PORT, else
// a free one) so the incidents, services and playbooks it creates stay out of other tests.
// Reproduce a failure with BAD_INPUT_SEED=<seed printed>.
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { seedFrom } from "../../lib/testing/hostile-input";
import { generateRequests, type GeneratedRequest, type Targets } from "../support/api/bad-input-generators";
import { prepareDatabase, SpawnedServer, spawnedPort } from "../support/spawned-server";

const seed = seedFrom("BAD_INPUT_SEED", 20_261_206);
const CONCURRENCY = 6;

test.describe.configure({ mode: "serial" });

let server: SpawnedServer;
let api: APIRequestContext;
let dir: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hindsight-bad-input-"));
  const { tokens } = prepareDatabase(dir);
  server = new SpawnedServer(dir, await spawnedPort("BAD_INPUT_PORT"));
  await server.start();
  api = await playwrightRequest.newContext({ baseURL: server.url, extraHTTPHeaders: { Authorization: `Bearer ${tokens.admin}` } });
});

test.afterAll(async () => {
  await api?.dispose();
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function created<T>(res: Awaited<ReturnType<APIRequestContext["post"]>>): Promise<T> {
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as T;
}

/** Real ids for every path parameter, so validation runs past the "not found". */
async function makeTargets(): Promise<Targets> {
  const incident = await created<{ reference: string }>(await api.post("/api/v1/incidents", { data: { title: "Bad-input target", severity: "SEV3" } }));
  const note = await created<{ id: number }>(await api.post(`/api/v1/incidents/${incident.reference}/timeline`, { data: { body: "target note" } }));
  const service = await created<{ slug: string }>(
    await api.post("/api/v1/services", { data: { slug: "bad-input-target", name: "Bad input target", tier: 3 } }),
  );
  const slo = await created<{ id: number }>(await api.post(`/api/v1/services/${service.slug}/slos`, { data: { name: "Availability", objective: 99.9 } }));
  expect((await api.post(`/api/v1/incidents/${incident.reference}/services`, { data: { service: service.slug, impact: "degraded" } })).ok()).toBe(true);
  const playbook = await created<{ id: number }>(
    await api.post("/api/v1/playbooks", { data: { name: "Bad-input target", severities: ["SEV3"], items: [{ text: "Check the thing" }] } }),
  );
  const item = await created<{ id: number }>(
    await api.post(`/api/v1/incidents/${incident.reference}/action-items`, {
      data: { title: "Target item", priority: "P3", kind: "repair", ownerEmail: "responder@example.test" },
    }),
  );
  await created(await api.post(`/api/v1/incidents/${incident.reference}/postmortem`));
  // The playbook was made after the incident: a fresh SEV3 incident gets its checklist item.
  const withChecklist = await created<{ reference: string }>(
    await api.post("/api/v1/incidents", { data: { title: "Bad-input checklist target", severity: "SEV3" } }),
  );
  const checklist = (await (await api.get(`/api/v1/incidents/${withChecklist.reference}/checklist`)).json()) as { items: { id: number }[] };
  const integration = await created<{ integration: { id: number } }>(
    await api.post("/api/v1/integrations", { data: { name: "Bad-input target", kind: "alertmanager" } }),
  );
  expect(checklist.items.length).toBeGreaterThan(0);
  return {
    incident: incident.reference,
    timelineEntryId: note.id,
    actionItemId: item.id,
    checklistItemId: checklist.items[0]!.id,
    service: service.slug,
    sloId: slo.id,
    playbookId: playbook.id,
    integrationId: integration.integration.id,
  };
}

/** What is wrong with a response, or null: no 5xx, and a 4xx is {error: {code, message, fields?}}. */
function problemWith(status: number, contentType: string, text: string): string | null {
  if (status >= 500) return `status ${status}`;
  if (status < 400) return null;
  // Node's HTTP parser refuses a request head over 16 kB before the app sees it (no body to shape).
  if (status === 431) return null;
  if (/\bat .+\.(js|ts):\d+/.test(text)) return "stack trace in the body";
  if (!contentType.includes("application/json")) return `4xx is not JSON (${contentType || "no content type"})`;
  let body: { error?: { code?: unknown; message?: unknown; fields?: unknown } };
  try {
    body = JSON.parse(text);
  } catch {
    return "4xx body is not valid JSON";
  }
  const error = body.error;
  if (!error || typeof error.code !== "string" || !error.code) return "no error.code";
  if (typeof error.message !== "string" || !error.message) return "no error.message";
  if (error.fields !== undefined) {
    if (typeof error.fields !== "object" || error.fields === null || Array.isArray(error.fields)) return "error.fields is not an object";
    for (const [field, message] of Object.entries(error.fields))
      if (typeof message !== "string") return `error.fields[${JSON.stringify(field)}] is not a string`;
  }
  return null;
}

const preview = (body: GeneratedRequest["body"]) => {
  if (body === undefined) return "(none)";
  const text = typeof body === "string" ? body : `<bytes ${body.toString("hex")}>`;
  return text.length > 1_500 ? `${text.slice(0, 1_500)}… (${text.length} characters)` : text;
};

test("generated malformed requests: no 5xx, every 4xx in the error shape, the server healthy after", async () => {
  test.setTimeout(240_000);
  const targets = await makeTargets();
  const cadence = await (await api.get("/api/v1/settings/update-cadence")).json();
  const requests = generateRequests(seed, targets);
  expect(requests.length).toBeGreaterThanOrEqual(2_000);

  const failures: { request: GeneratedRequest; problem: string; status: number; response: string }[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const started = Date.now();
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++]!;
      let res;
      try {
        res = await api.fetch(request.path, { method: request.method, headers: request.headers, data: request.body, timeout: 30_000, maxRedirects: 0 });
      } catch (error) {
        failures.push({ request, problem: "no response", status: 0, response: String(error).split("\n")[0]! });
        continue;
      }
      const text = await res.text();
      statuses.set(res.status(), (statuses.get(res.status()) ?? 0) + 1);
      const problem = problemWith(res.status(), res.headers()["content-type"] ?? "", text);
      if (problem) failures.push({ request, problem, status: res.status(), response: text.slice(0, 1_000) });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const summary = [...statuses]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status}×${n}`)
    .join(" ");
  console.log(`[bad-input] ${requests.length} requests in ${((Date.now() - started) / 1000).toFixed(1)} s with BAD_INPUT_SEED=${seed}: ${summary}`);

  if (failures.length) {
    const first = failures[0]!;
    const problems = new Map<string, number>();
    for (const f of failures)
      problems.set(
        `${f.request.method} ${f.request.path.split("?")[0]}: ${f.problem}`,
        (problems.get(`${f.request.method} ${f.request.path.split("?")[0]}: ${f.problem}`) ?? 0) + 1,
      );
    throw new Error(
      [
        `${failures.length} of ${requests.length} generated requests failed (reproduce with BAD_INPUT_SEED=${seed})`,
        ...[...problems].map(([what, n]) => `  ${n}× ${what}`),
        `first failing request (${first.request.label}): ${first.request.method} ${first.request.path}`,
        `  headers: ${JSON.stringify(first.request.headers)}`,
        `  body: ${preview(first.request.body)}`,
        `  → ${first.status}: ${first.response}`,
        `server log tail:\n${server.log.slice(-3_000)}`,
      ].join("\n"),
    );
  }

  const health = await api.get("/api/health");
  expect(health.status()).toBe(200);
  const declared = await api.post("/api/v1/incidents", { data: { title: "After the bad input", severity: "SEV4" } });
  expect(declared.status(), await declared.text()).toBe(201);
  const restored = await api.put("/api/v1/settings/update-cadence", { data: cadence });
  expect(restored.status()).toBe(200);
});
