// The writers of the war-room bench: each posts a timeline note (mostly) or changes the incident's
// status, severity or summary with the version it last saw (a 409 answers with the current
// incident: the writer takes its version and tries again), pausing writeIntervalMs ±50 % between writes.
export type WriteKind = "note" | "status" | "severity" | "summary";
/** start/end: epoch ms (performance.timeOrigin-based, comparable with the watcher thread). */
export type WriteRecord = { kind: WriteKind; start: number; end: number; status: number; key: string | null };

export type WriterOptions = { url: string; ref: string; token: string; writers: number; seconds: number; intervalMs: number; version: number };

const now = () => performance.timeOrigin + performance.now();
const ACTIVE = ["investigating", "identified", "monitoring"] as const;

function pickKind(): WriteKind {
  const r = Math.random();
  return r < 0.8 ? "note" : r < 0.87 ? "status" : r < 0.94 ? "severity" : "summary";
}

export async function runWriters(opts: WriterOptions): Promise<{ writes: WriteRecord[]; conflicts: number; failures: string[] }> {
  const writes: WriteRecord[] = [];
  const failures: string[] = [];
  let conflicts = 0;
  const incident = { version: opts.version, status: "investigating" as string, severity: "SEV1", n: 0 };
  const headers = { Authorization: `Bearer ${opts.token}`, "Content-Type": "application/json" };
  const base = `${opts.url}/api/v1/incidents/${opts.ref}`;
  const deadline = performance.now() + opts.seconds * 1000;

  const send = async (kind: WriteKind, method: string, url: string, body: () => object): Promise<void> => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const start = now();
      const res = await fetch(url, { method, headers, body: JSON.stringify(body()) });
      const json = (await res.json()) as { id?: number; version?: number; status?: string; severity?: string; current?: { version: number } };
      const end = now();
      if (res.status === 409 && json.current) {
        conflicts++;
        incident.version = Math.max(incident.version, json.current.version);
        continue;
      }
      if (!res.ok) {
        failures.push(`${method} ${url.replace(opts.url, "")}: ${res.status} ${JSON.stringify(json).slice(0, 200)}`);
        writes.push({ kind, start, end, status: res.status, key: null });
        return;
      }
      if (kind === "note") writes.push({ kind, start, end, status: res.status, key: `e:${json.id}` });
      else {
        incident.version = Math.max(incident.version, json.version!);
        writes.push({ kind, start, end, status: res.status, key: `v:${json.version}` });
      }
      return;
    }
  };

  const writer = async (w: number) => {
    // Spread the writers' first writes over one interval.
    await new Promise((r) => setTimeout(r, Math.random() * opts.intervalMs));
    while (performance.now() < deadline) {
      const kind = pickKind();
      const n = ++incident.n;
      if (kind === "note") {
        await send(kind, "POST", `${base}/timeline`, () => ({
          body: `Writer ${w}: observation #${n} — error rate and latency checked, still elevated on checkout`,
        }));
      } else if (kind === "status") {
        await send(kind, "PATCH", base, () => {
          incident.status = ACTIVE.filter((s) => s !== incident.status)[Math.floor(Math.random() * 2)]!;
          return { version: incident.version, status: incident.status };
        });
      } else if (kind === "severity") {
        await send(kind, "PATCH", base, () => {
          incident.severity = incident.severity === "SEV1" ? "SEV2" : "SEV1";
          return { version: incident.version, severity: incident.severity };
        });
      } else {
        await send(kind, "PATCH", base, () => ({ version: incident.version, summary: `Checkout failing for a share of users; update #${n} from writer ${w}` }));
      }
      await new Promise((r) => setTimeout(r, opts.intervalMs * (0.5 + Math.random())));
    }
  };
  await Promise.all(Array.from({ length: opts.writers }, (_, w) => writer(w + 1)));
  return { writes, conflicts, failures };
}
