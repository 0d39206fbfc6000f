// kill -9 during concurrent writes: every write the server acknowledged (201) is there after a
// restart, and the database passes PRAGMA integrity_check. A production server of its own on a
// temporary database (port DURABILITY_PORT, else a free one), killed mid-way a few times.
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { prepareDatabase, SpawnedServer, spawnedPort } from "../support/spawned-server";

const ROUNDS = Number(process.env.DURABILITY_ROUNDS ?? 3);
const WRITERS = 8;
const MIN_WRITES = 30;

type Acknowledged = { incidents: { id: number; title: string }[]; notes: { incidentId: number; body: string }[] };

/** Writers declaring incidents and adding notes until the server goes away; returns what got a 201. */
function startWriters(url: string, token: string, round: number, acknowledged: Acknowledged) {
  const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
  const post = async (pathName: string, body: unknown) => {
    const res = await fetch(`${url}${pathName}`, { method: "POST", headers, body: JSON.stringify(body), signal: AbortSignal.timeout(20_000) });
    const json = res.status === 201 ? ((await res.json()) as { id: number; reference?: string }) : null;
    if (!json) await res.body?.cancel();
    return json;
  };
  let sent = 0;
  const writer = async (w: number) => {
    try {
      for (let n = 0; ; n++) {
        const title = `Durability r${round} w${w} n${n} ${randomUUID().slice(0, 8)}`;
        sent++;
        const incident = await post("/api/v1/incidents", { title, severity: "SEV4" });
        if (!incident) continue;
        acknowledged.incidents.push({ id: incident.id, title });
        for (let k = 0; k < 2; k++) {
          const body = `note ${k} of ${title}`;
          sent++;
          const note = await post(`/api/v1/incidents/${incident.reference}/timeline`, { body });
          if (note) acknowledged.notes.push({ incidentId: incident.id, body });
        }
      }
    } catch {
      // The server was killed: this writer is done.
    }
  };
  const done = Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  return { done, sent: () => sent };
}

test("kill -9 during concurrent writes loses no acknowledged write, and the database stays intact", async () => {
  test.setTimeout(240_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hindsight-durability-"));
  const server = new SpawnedServer(dir, await spawnedPort("DURABILITY_PORT"));
  try {
    const { tokens } = prepareDatabase(dir);
    const acknowledged: Acknowledged = { incidents: [], notes: [] };
    const started = Date.now();
    for (let round = 1; round <= ROUNDS; round++) {
      await server.start();
      const before = acknowledged.incidents.length + acknowledged.notes.length;
      const writers = startWriters(server.url, tokens.responder, round, acknowledged);
      // Let the writes get going (at least MIN_WRITES acknowledged, or 15 s), then pull the plug
      // mid-stream: eight writers always have requests in flight.
      const until = Date.now() + 15_000;
      while (Date.now() < until && acknowledged.incidents.length + acknowledged.notes.length - before < MIN_WRITES)
        await new Promise((resolve) => setTimeout(resolve, 25));
      await new Promise((resolve) => setTimeout(resolve, 150 * round));
      await server.kill9();
      await writers.done;
      const writes = acknowledged.incidents.length + acknowledged.notes.length - before;
      console.log(`[durability] round ${round}: ${writes} acknowledged of ${writers.sent()} sent before kill -9`);
      expect(writes, `round ${round} acknowledged no write before the kill: the test proves nothing\n${server.log}`).toBeGreaterThan(0);
    }

    // Restart once more: the server recovers and serves what it acknowledged.
    await server.start();
    const last = acknowledged.incidents.at(-1)!;
    const res = await fetch(`${server.url}/api/v1/incidents/INC-${last.id}`, { headers: { Authorization: `Bearer ${tokens.admin}` } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { title: string }).title).toBe(last.title);
    await server.stop();

    const db = new Database(server.databasePath, { readonly: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      const incident = db.prepare("SELECT title FROM incidents WHERE id = ?");
      const missingIncidents = acknowledged.incidents.filter((i) => (incident.get(i.id) as { title: string } | undefined)?.title !== i.title);
      const note = db.prepare("SELECT count(*) AS n FROM timeline_entries WHERE incident_id = ? AND kind = 'note' AND body = ?");
      const missingNotes = acknowledged.notes.filter((n) => (note.get(n.incidentId, n.body) as { n: number }).n !== 1);
      expect(missingIncidents, "acknowledged incidents missing after kill -9").toEqual([]);
      expect(missingNotes, "acknowledged notes missing after kill -9").toEqual([]);
    } finally {
      db.close();
    }
    console.log(
      `[durability] ${ROUNDS} kill -9 rounds: ${acknowledged.incidents.length} incidents and ${acknowledged.notes.length} notes acknowledged, all present; integrity_check ok (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
