// Several app processes on one PostgreSQL (issue 14): two production servers from the same build,
// as behind a load balancer (one database, one NEXTAUTH_SECRET), on a throwaway cluster
// (scripts/pg-cluster.mjs). Concurrent edits split across both, live updates and webhook deliveries
// across processes, a sign-in throttle shared by both, the insights cache invalidated by the other.
import { expect, test } from "@playwright/test";
import { randomBytes, randomInt } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openEventStream, type EventStream, type Frame } from "../support/api/event-stream";
import { marker } from "../support/api/helpers";
import type { IncidentJson, TimelineEntryJson } from "../support/api/types";
import { BAD_CREDENTIALS, csrfFor, PAUSED_PAIR, signInOverHttp } from "../support/sign-in-http";
import { prepareDatabase, SpawnedServer, spawnedPort } from "../support/spawned-server";
import { WebhookReceiver } from "../support/webhook-receiver";

test.describe.configure({ mode: "serial" });

type ClusterScript = typeof import("../../scripts/pg-cluster.mjs");
let cluster: Awaited<ReturnType<ClusterScript["startCluster"]>> | null = null;
const servers: SpawnedServer[] = [];
const receiver = new WebhookReceiver();
let token = "";
const dirs: string[] = [];

const a = () => servers[0]!;
const b = () => servers[1]!;
/** The i-th request's server: even ones on A, odd ones on B. */
const alternate = (i: number) => servers[i % 2]!;

type Reply<T> = { status: number; json: T; text: string };

async function api<T>(server: SpawnedServer, method: string, url: string, body?: unknown): Promise<Reply<T>> {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: T = null as T;
  try {
    json = (text ? JSON.parse(text) : null) as T;
  } catch {}
  return { status: res.status, json, text };
}

async function declare(server: SpawnedServer, title: string, severity = "SEV2"): Promise<IncidentJson> {
  const res = await api<IncidentJson>(server, "POST", "/api/v1/incidents", { title, severity });
  expect(res.status, res.text).toBe(201);
  return res.json;
}

async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  // Imported at run time: Playwright compiles static imports of a spec to require(), which an .mjs refuses.
  const { findPgBin, startCluster } = await import("../../scripts/pg-cluster.mjs");
  const bin = findPgBin();
  test.skip(!bin, "No PostgreSQL binaries (PG_BIN, /usr/lib/postgresql/<version>/bin or PATH): install Debian's postgresql, as .ci/run does");
  cluster = await startCluster({ bin });
  const databaseUrl = await createDatabase(cluster.url, "hindsight_multi");
  await receiver.start();
  const shared = {
    DATABASE_URL: databaseUrl,
    // Behind a load balancer every process signs and checks the same session and CSRF cookies.
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    HINDSIGHT_WEBHOOK_TICK_MS: "100",
    HINDSIGHT_WEBHOOK_BACKOFF_SCALE: "0.002",
    HINDSIGHT_WEBHOOK_TIMEOUT_MS: "3000",
    LOG_LEVEL: "warn",
  };
  for (const name of ["a", "b"]) {
    // Each process has a directory of its own (as on another machine); the data is in PostgreSQL.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hindsight-multi-${name}-`));
    dirs.push(dir);
    servers.push(new SpawnedServer(dir, await spawnedPort(`MULTI_PG_PORT_${name.toUpperCase()}`), shared));
  }
  token = prepareDatabase(dirs[0]!, shared).tokens.admin;
  // Both start at once: migrations are applied once (advisory lock), both workers run.
  await Promise.all(servers.map((server) => server.start(180_000)));
});

test.afterEach(async () => {
  const testInfo = test.info();
  if (testInfo.status === testInfo.expectedStatus) return;
  for (const [i, server] of servers.entries()) await testInfo.attach(`server ${"AB"[i]} log`, { body: server.log, contentType: "text/plain" });
});

test.afterAll(async () => {
  await Promise.allSettled(servers.map((server) => server.stop()));
  await receiver.stop().catch(() => {});
  await cluster?.stop();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

test("100 concurrent edits with the same version, split across both servers: exactly one succeeds, once on the timeline", async () => {
  test.setTimeout(120_000);
  const incident = await declare(a(), marker("Concurrent edits"));
  const outcomes = await Promise.all(
    Array.from({ length: 100 }, async (_, i) => {
      const res = await api<{ current?: IncidentJson }>(alternate(i), "PATCH", `/api/v1/incidents/${incident.reference}`, {
        version: incident.version,
        title: `Edit ${i}`,
      });
      return { i, ...res };
    }),
  );
  const counts: Record<number, number> = {};
  for (const o of outcomes) counts[o.status] = (counts[o.status] ?? 0) + 1;
  console.log(`[multi-process] 100 same-version edits (50 on A, 50 on B): ${JSON.stringify(counts)}`);
  const unexpected = outcomes.filter((o) => o.status !== 200 && o.status !== 409);
  expect(unexpected.map((o) => `${o.status} ${o.text.slice(0, 300)}`)).toEqual([]);
  const winners = outcomes.filter((o) => o.status === 200);
  expect(winners).toHaveLength(1);
  expect(outcomes.filter((o) => o.status === 409)).toHaveLength(99);
  const winner = winners[0]!;
  for (const loser of outcomes.filter((o) => o.status === 409)) {
    expect(loser.json.current).toMatchObject({ title: `Edit ${winner.i}`, version: incident.version + 1 });
  }

  const current = await api<IncidentJson>(b(), "GET", `/api/v1/incidents/${incident.reference}`);
  expect(current.json).toMatchObject({ title: `Edit ${winner.i}`, version: incident.version + 1 });
  const timeline = await api<{ items: TimelineEntryJson[] }>(b(), "GET", `/api/v1/incidents/${incident.reference}/timeline`);
  const titleChanges = timeline.json.items.filter((entry) => entry.body.startsWith("Title changed"));
  expect(titleChanges.map((entry) => entry.body)).toEqual([`Title changed from “${incident.title}” to “Edit ${winner.i}”`]);
});

const noteBody = (frame: Frame) => (frame.data?.type === "timeline.entry_added" ? (frame.data.payload.entry as { body: string }).body : undefined);

test("a note posted on one server reaches a watcher connected to the other within 1 s", async () => {
  const incident = await declare(a(), marker("Live across processes"));
  const streams: EventStream[] = [];
  try {
    for (const server of servers) {
      const stream = await openEventStream(server.url, `/api/v1/incidents/${incident.reference}/events`, { Authorization: `Bearer ${token}` });
      streams.push(stream);
      expect(stream.status, stream.text()).toBe(200);
      await stream.waitFor((frame) => frame.retry !== undefined);
    }
    const sentToSeen: number[] = [];
    const postedToSeen: number[] = [];
    for (let i = 0; i < 6; i++) {
      // Posted on A and watched on B, then the other way round.
      const [poster, watcher] = i % 2 === 0 ? [a(), streams[1]!] : [b(), streams[0]!];
      const body = marker(`note ${i}`);
      let seenAt = 0;
      const seen = watcher.waitFor((frame) => noteBody(frame) === body, 5_000).then(() => (seenAt = performance.now()));
      const sent = performance.now();
      const res = await api(poster, "POST", `/api/v1/incidents/${incident.reference}/timeline`, { body });
      const posted = performance.now();
      expect(res.status, res.text).toBe(201);
      await seen;
      sentToSeen.push(seenAt - sent);
      postedToSeen.push(Math.max(0, seenAt - posted));
    }
    const ms = (values: number[]) => values.map((v) => `${Math.round(v)} ms`).join(", ");
    console.log(`[multi-process] note on one server → watcher on the other: from sending the POST ${ms(sentToSeen)}; after its 201 ${ms(postedToSeen)}`);
    for (const latency of sentToSeen) expect(latency).toBeLessThan(1_000);
  } finally {
    for (const stream of streams) stream.close();
  }
});

test("one webhook endpoint, events caused on both servers: every delivery arrives, each webhook-id once", async () => {
  test.setTimeout(120_000);
  const created = await api<{ id: number }>(a(), "POST", "/api/v1/webhooks", {
    name: "Multi-process receiver",
    url: `${receiver.url}/multi`,
    events: ["incident.declared", "incident.status_changed"],
    format: "standard",
  });
  expect(created.status, created.text).toBe(201);
  const title = marker("Webhook across processes");
  // 10 declared on each server at once, then each one's status changed on the other server.
  const incidents = await Promise.all(Array.from({ length: 20 }, (_, i) => declare(alternate(i), `${title} ${i}`)));
  const changed = await Promise.all(
    incidents.map((incident, i) =>
      api(alternate(i + 1), "PATCH", `/api/v1/incidents/${incident.reference}`, { version: incident.version, status: "identified" }),
    ),
  );
  expect(changed.filter((res) => res.status !== 200).map((res) => `${res.status} ${res.text}`)).toEqual([]);

  const expected = incidents.flatMap((incident) => [`incident.declared ${incident.reference}`, `incident.status_changed ${incident.reference}`]).sort();
  const mine = () =>
    receiver.at("/multi").filter((r) => (JSON.parse(r.body) as { data: { incident: { title: string } } }).data.incident.title.startsWith(title));
  const started = Date.now();
  await expect.poll(() => mine().length, { timeout: 30_000 }).toBeGreaterThanOrEqual(expected.length);
  const allArrived = Date.now() - started;
  // Well past the worker's tick: a second sender of any delivery would have sent it by now.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const received = mine();
  const ids = receiver.at("/multi").map((r) => r.headers["webhook-id"]);
  console.log(
    `[multi-process] webhooks: ${received.length} requests for ${expected.length} expected deliveries (all within ${allArrived} ms of the last change); ${new Set(ids).size} distinct webhook-ids of ${ids.length} requests`,
  );
  expect(new Set(ids).size).toBe(ids.length);
  const arrived = received.map((r) => {
    const payload = JSON.parse(r.body) as { type: string; data: { incident: { reference: string } } };
    return `${payload.type} ${payload.data.incident.reference}`;
  });
  expect(arrived.sort()).toEqual(expected);

  const deliveries = await api<{ items: { status: string; attempts: number }[] }>(b(), "GET", `/api/v1/webhooks/${created.json.id}/deliveries?limit=100`);
  expect(deliveries.status, deliveries.text).toBe(200);
  expect(deliveries.json.items.filter((d) => d.status !== "delivered" || d.attempts !== 1)).toEqual([]);
  expect(deliveries.json.items.length).toBeGreaterThanOrEqual(expected.length);
});

test("the sign-in throttle is shared: failures split across both servers pause the account after the same total as on one", async () => {
  test.setTimeout(120_000);
  // A loopback address of its own per case (any 127.x.y.z connects on Linux): the servers count the socket address.
  const address = () => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(2, 255)}`;
  const attempt = (server: SpawnedServer, from: string, email: string, csrf: { token: string; cookie: string }) =>
    signInOverHttp({ baseURL: server.url, localAddress: from }, email, `wrong-${randomInt(1e9)}`, csrf);

  // One server: the 6th failure in a row from one address is refused.
  const alone = { email: `alone-${randomInt(1e9)}@example.test`, from: address() };
  const aloneCsrf = await csrfFor({ baseURL: a().url, localAddress: alone.from });
  const oneServer: (string | null)[] = [];
  for (let i = 0; i < 6; i++) oneServer.push(await attempt(a(), alone.from, alone.email, aloneCsrf));

  // Both servers, alternating (the CSRF cookie of A is good on B: same secret).
  const split = { email: `split-${randomInt(1e9)}@example.test`, from: address() };
  const splitCsrf = await csrfFor({ baseURL: a().url, localAddress: split.from });
  const twoServers: (string | null)[] = [];
  for (let i = 0; i < 7; i++) twoServers.push(await attempt(alternate(i), split.from, split.email, splitCsrf));

  const paused = (results: (string | null)[]) => results.findIndex((r) => r !== BAD_CREDENTIALS);
  console.log(`[multi-process] sign-in: first refused attempt on one server #${paused(oneServer) + 1}, split across two #${paused(twoServers) + 1}`);
  expect(oneServer.slice(0, 5)).toEqual(Array(5).fill(BAD_CREDENTIALS));
  expect(oneServer[5]).toMatch(PAUSED_PAIR);
  expect(twoServers.slice(0, 5)).toEqual(Array(5).fill(BAD_CREDENTIALS));
  expect(twoServers[5]).toMatch(PAUSED_PAIR);
  expect(twoServers[6]).toMatch(PAUSED_PAIR);

  // In parallel, split across both: still exactly 5 get their password checked.
  const burst = { email: `burst-${randomInt(1e9)}@example.test`, from: address() };
  const burstCsrf = await csrfFor({ baseURL: b().url, localAddress: burst.from });
  const parallel = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(alternate(i), burst.from, burst.email, burstCsrf)));
  const checked = parallel.filter((r) => r === BAD_CREDENTIALS).length;
  console.log(`[multi-process] sign-in: 12 parallel attempts split across two servers → ${checked} checked, ${12 - checked} refused`);
  expect(checked).toBe(5);
  for (const r of parallel.filter((r) => r !== BAD_CREDENTIALS)) expect(r).toMatch(PAUSED_PAIR);
});

type Insights = { generatedAt: string; headline: { incidents: { current: { total: number; bySeverity: Record<string, number> } } } };

test("the insights report cached on B is recomputed after an incident change made through A", async () => {
  test.setTimeout(120_000);
  const incident = await declare(a(), marker("Insights across processes"), "SEV3");
  const report = async () => {
    const res = await api<Insights>(b(), "GET", "/api/v1/insights?range=30");
    expect(res.status, res.text).toBe(200);
    return res.json;
  };
  // Served again from B's cache while nothing changes (a background write may interpose once: ask again).
  let before = await report();
  await expect
    .poll(async () => {
      const again = await report();
      const same = again.generatedAt === before.generatedAt;
      before = again;
      return same;
    })
    .toBe(true);

  const changed = await api(a(), "PATCH", `/api/v1/incidents/${incident.reference}`, { version: incident.version, severity: "SEV1" });
  expect(changed.status, changed.text).toBe(200);
  const after = await report();
  expect(after.generatedAt).not.toBe(before.generatedAt);
  const counts = (r: Insights) => r.headline.incidents.current.bySeverity;
  console.log(`[multi-process] insights on B by severity before ${JSON.stringify(counts(before))}, after the change on A ${JSON.stringify(counts(after))}`);
  expect(counts(after)).toEqual({ ...counts(before), SEV1: counts(before).SEV1! + 1, SEV3: counts(before).SEV3! - 1 });
});
