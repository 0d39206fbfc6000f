import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { marker, timeline } from "../support/api/helpers";
import { createIntegration, deliveries } from "../support/api/integrations";
import { freePort } from "../support/ports";

// A real Prometheus Alertmanager (Debian's prometheus-alertmanager) sends its webhook to the test server:
// alerts posted to its API declare an incident, its repeats are deduplicated, a resolved alert reaches
// the timeline. .ci/run installs the package; without the binary the test is skipped, saying why.

const BINARY = process.env.ALERTMANAGER_BIN ?? "/usr/bin/prometheus-alertmanager";

let child: ChildProcess | null = null;
let dir: string | null = null;
test.afterAll(async () => {
  // Alertmanager writes its data directory as it stops: remove the directory once it has exited.
  const running = child;
  if (running && running.exitCode === null && running.signalCode === null) {
    const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
    running.kill("SIGTERM");
    const killLater = setTimeout(() => running.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(killLater);
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
});

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

test("a real Alertmanager declares, repeats are deduplicated, resolved reaches the timeline", async ({ request, baseURL }) => {
  test.skip(!fs.existsSync(BINARY), `${BINARY} is not installed (apt-get install prometheus-alertmanager; .ci/run does)`);
  test.setTimeout(120_000);
  const { integration, secret } = await createIntegration(request, { name: marker("real-am"), kind: "alertmanager" });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hindsight-am-"));
  const port = await freePort();
  const config = [
    "route:",
    "  receiver: hindsight",
    "  group_by: [alertname]",
    "  group_wait: 1s",
    "  group_interval: 2s",
    "  repeat_interval: 3s",
    "receivers:",
    "  - name: hindsight",
    "    webhook_configs:",
    `      - url: ${JSON.stringify(new URL(integration.endpointPath, baseURL).toString())}`,
    "        send_resolved: true",
    "        http_config:",
    "          authorization:",
    "            type: Bearer",
    `            credentials: ${JSON.stringify(secret)}`,
    "",
  ].join("\n");
  fs.writeFileSync(path.join(dir, "alertmanager.yml"), config);
  let output = "";
  child = spawn(
    BINARY,
    [
      `--config.file=${path.join(dir, "alertmanager.yml")}`,
      `--storage.path=${path.join(dir, "data")}`,
      `--web.listen-address=127.0.0.1:${port}`,
      "--cluster.listen-address=",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const am = `http://127.0.0.1:${port}`;
  await waitFor(`Alertmanager on ${am} (output: ${output})`, async () => {
    const ready = await request.get(`${am}/-/ready`).catch(() => null);
    return ready?.ok() ? true : undefined;
  });

  const alertname = marker("DiskFull");
  const startsAt = new Date(Date.now() - 60_000).toISOString();
  const alert = {
    labels: { alertname, severity: "critical", instance: "db-1:9100" },
    annotations: { summary: `${alertname} on db-1` },
    startsAt,
    generatorURL: "http://prometheus:9090/graph",
  };
  const posted = await request.post(`${am}/api/v2/alerts`, { data: [alert] });
  expect(posted.status(), await posted.text()).toBe(200);

  const declared = await waitFor(`a declaring delivery (Alertmanager output: ${output})`, async () =>
    (await deliveries(request, integration.id)).find((d) => d.result?.declared.length),
  );
  const reference = declared.result!.declared[0]!;
  // repeat_interval 3s: Alertmanager sends the group again; nothing new is declared or written.
  await waitFor("a repeat", async () => ((await deliveries(request, integration.id)).some((d) => d.outcome === "deduplicated") ? true : undefined));
  const log = await deliveries(request, integration.id);
  expect(log.filter((d) => d.result?.declared.length)).toHaveLength(1);
  expect(log.every((d) => d.httpStatus === 200)).toBe(true);
  const firingEntries = (await timeline(request, reference)).filter((e) => e.body === `Alert firing: ${alertname} on db-1`);
  expect(firingEntries).toHaveLength(1);

  // Resolve: the same alert with endsAt in the past.
  const resolved = await request.post(`${am}/api/v2/alerts`, { data: [{ ...alert, endsAt: new Date(Date.now() - 1000).toISOString() }] });
  expect(resolved.status()).toBe(200);
  await waitFor("the resolved alert on the timeline", async () =>
    (await timeline(request, reference)).some((e) => e.body === `Alert resolved: ${alertname} on db-1`) ? true : undefined,
  );
  const entries = await timeline(request, reference);
  expect(entries.filter((e) => e.body.startsWith("Alert firing:"))).toHaveLength(1);
  expect(entries.filter((e) => e.body.startsWith("Alert resolved:"))).toHaveLength(1);
});
