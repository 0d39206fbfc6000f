import { expect, test, type APIRequestContext } from "@playwright/test";
import Database from "better-sqlite3";
import { hash } from "@node-rs/argon2";
import path from "node:path";
import { bearer } from "../support/fixtures";
import { declare, expectError, getIncident, marker } from "../support/api/helpers";
import { openEventStream, sessionCookie, signInCookie, type EventStream, type Frame } from "../support/api/event-stream";

// Server-Sent Events: GET /api/v1/incidents/{ref}/events and GET /api/v1/events.

const streams: EventStream[] = [];
test.afterEach(() => streams.splice(0).forEach((s) => s.close()));

async function open(baseURL: string, path: string, headers: Record<string, string>) {
  const stream = await openEventStream(baseURL, path, headers);
  streams.push(stream);
  return stream;
}

async function note(request: APIRequestContext, reference: string, body: string, role: "admin" | "responder" = "responder") {
  const res = await request.post(`/api/v1/incidents/${reference}/timeline`, { headers: bearer(role), data: { body } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: number };
}

const noteBody = (frame: Frame) => (frame.data?.type === "timeline.entry_added" ? (frame.data.payload.entry as { body: string }).body : undefined);
const hasNote = (body: string) => (frame: Frame) => noteBody(frame) === body;
const notes = (stream: EventStream) => stream.frames().flatMap((f) => noteBody(f) ?? []);

test.describe("event streams", () => {
  test("bearer token and session cookie both stream one event per change, with increasing ids", async ({ request, baseURL }) => {
    const incident = await declare(request, { title: marker("Streams"), severity: "SEV3" });
    const path = `/api/v1/incidents/${incident.reference}/events`;
    const viaToken = await open(baseURL!, path, bearer("viewer"));
    const viaCookie = await open(baseURL!, path, { Cookie: sessionCookie("responder") });
    for (const stream of [viaToken, viaCookie]) {
      expect(stream.status).toBe(200);
      expect(stream.headers["content-type"]).toMatch(/^text\/event-stream/);
      expect(stream.headers["cache-control"]).toContain("no-transform");
      expect(stream.headers["x-accel-buffering"]).toBe("no");
      expect((await stream.waitFor((f) => f.retry !== undefined)).retry).toBe(3000);
    }
    const bodies = [marker("one"), marker("two"), marker("three")];
    for (const body of bodies) await note(request, incident.reference, body);
    for (const stream of [viaToken, viaCookie]) {
      await stream.waitFor(hasNote(bodies[2]!));
      expect(notes(stream)).toEqual(bodies);
      const frames = stream.frames().filter((f) => f.data);
      frames.forEach((f) => expect(f.id).toBe(f.data!.id));
      const ids = frames.map((f) => f.id!);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(ids.length);
      expect(frames[0]!.data).toMatchObject({ incidentId: incident.id, reference: incident.reference, type: "timeline.entry_added" });
    }
  });

  test("Last-Event-ID header and ?lastEventId= replay exactly the missed events; a bad value is a 400 naming lastEventId", async ({ request, baseURL }) => {
    const incident = await declare(request, { title: marker("Replay"), severity: "SEV3" });
    const other = await declare(request, { title: marker("Replay other"), severity: "SEV4" });
    const path = `/api/v1/incidents/${incident.reference}/events`;
    const first = await open(baseURL!, path, bearer("responder"));
    await first.waitFor((f) => f.retry !== undefined);
    const seen = marker("seen");
    await note(request, incident.reference, seen);
    const lastId = (await first.waitFor(hasNote(seen))).id!;
    first.close();

    const missed = [marker("missed-1"), marker("missed-2")];
    await note(request, incident.reference, missed[0]!);
    const elsewhere = marker("elsewhere");
    await note(request, other.reference, elsewhere);
    await note(request, incident.reference, missed[1]!);

    const byHeader = await open(baseURL!, path, { ...bearer("responder"), "Last-Event-ID": String(lastId) });
    const byQuery = await open(baseURL!, `${path}?lastEventId=${lastId}`, bearer("responder"));
    const all = await open(baseURL!, `/api/v1/events?lastEventId=${lastId}`, bearer("responder"));
    for (const stream of [byHeader, byQuery]) {
      await stream.waitFor(hasNote(missed[1]!));
      expect(stream.events().map((e) => e.type)).toEqual(["timeline.entry_added", "timeline.entry_added"]);
      expect(notes(stream)).toEqual(missed);
    }
    await all.waitFor(hasNote(missed[1]!));
    expect(notes(all)).toEqual([missed[0], elsewhere, missed[1]]);
    // Then live, without repeating what was replayed.
    const live = marker("live");
    await note(request, incident.reference, live);
    await byHeader.waitFor(hasNote(live));
    expect(notes(byHeader)).toEqual([...missed, live]);

    for (const bad of ["abc", "-1", "1.5", "99999999999999999999"]) {
      await expectError(await request.get(`${path}?lastEventId=${encodeURIComponent(bad)}`, { headers: bearer("responder") }), 400, "lastEventId");
      await expectError(await request.get("/api/v1/events", { headers: { ...bearer("responder"), "Last-Event-ID": bad } }), 400, "lastEventId");
    }
    // Authentication first, like every API route.
    await expectError(await request.get(path), 401);
  });

  test("a private incident's stream is a 404 to outsiders, and an incident made private stops reaching them", async ({ request, baseURL }) => {
    const secret = await declare(request, { title: marker("Secret"), severity: "SEV2", private: true });
    await expectError(await request.get(`/api/v1/incidents/${secret.reference}`, { headers: bearer("viewer") }), 404);
    await expectError(await request.get(`/api/v1/incidents/${secret.reference}/events`, { headers: bearer("viewer") }), 404);
    await expectError(await request.get("/api/v1/incidents/INC-999999999/events", { headers: bearer("viewer") }), 404);

    const incident = await declare(request, { title: marker("Going private"), severity: "SEV2" });
    const outsiderAll = await open(baseURL!, "/api/v1/events", bearer("viewer"));
    const outsiderOne = await open(baseURL!, `/api/v1/incidents/${incident.reference}/events`, bearer("viewer"));
    const admin = await open(baseURL!, "/api/v1/events", bearer("admin"));
    await Promise.all([outsiderAll, outsiderOne, admin].map((s) => s.waitFor((f) => f.retry !== undefined)));
    const before = marker("before");
    await note(request, incident.reference, before);
    await outsiderAll.waitFor(hasNote(before));
    await outsiderOne.waitFor(hasNote(before));

    const { version } = await getIncident(request, incident.reference);
    const res = await request.patch(`/api/v1/incidents/${incident.reference}`, { headers: bearer("responder"), data: { version, private: true } });
    expect(res.status()).toBe(200);
    const after = marker("after");
    await note(request, incident.reference, after);
    const secretNote = marker("secret note");
    await note(request, secret.reference, secretNote);
    await admin.waitFor(hasNote(secretNote));
    await outsiderOne.ended;
    // The admin saw everything; the outsider nothing from the private flag on.
    // Other tests write beside this one: only these two incidents' entries count.
    const ours = (stream: EventStream) =>
      stream.frames().flatMap((f) => (f.data && [incident.id, secret.id].includes(f.data.incidentId) ? (noteBody(f) ?? []) : []));
    expect(ours(admin)).toEqual([before, "Marked private", after, secretNote]);
    expect(outsiderAll.events().filter((e) => e.incidentId === incident.id || e.incidentId === secret.id)).toHaveLength(1);
    expect(notes(outsiderOne)).toEqual([before]);
    await expectError(await request.get(`/api/v1/incidents/${incident.reference}/events`, { headers: bearer("viewer") }), 404);
  });

  test("a person whose role is lowered or who is disabled loses their streams within 5 s", async ({ request, baseURL }) => {
    const db = new Database(path.join(process.env.HINDSIGHT_E2E_DIR!, "hindsight.db"));
    db.pragma("busy_timeout = 5000");
    try {
      const password = "stream-watcher-passphrase-42";
      const passwordHash = await hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
      const person = (label: string) => {
        const email = `${marker(label)}@example.test`;
        const now = Date.now();
        const id = db
          .prepare("INSERT INTO users (email, name, password_hash, role, created_at, updated_at) VALUES (?, ?, ?, 'responder', ?, ?)")
          .run(email, `Watcher ${label}`, passwordHash, now, now).lastInsertRowid;
        return { id: Number(id), email };
      };
      const demoted = person("demoted");
      const disabled = person("disabled");
      const incident = await declare(request, { title: marker("Watched"), severity: "SEV1" });
      const demotedCookie = await signInCookie(baseURL!, demoted.email, password);
      const disabledCookie = await signInCookie(baseURL!, disabled.email, password);
      const demotedStream = await open(baseURL!, `/api/v1/incidents/${incident.reference}/events`, { Cookie: demotedCookie });
      const disabledStream = await open(baseURL!, "/api/v1/events", { Cookie: disabledCookie });
      await Promise.all([demotedStream, disabledStream].map((s) => s.waitFor((f) => f.retry !== undefined)));
      const live = marker("still watching");
      await note(request, incident.reference, live);
      await Promise.all([demotedStream, disabledStream].map((s) => s.waitFor(hasNote(live))));

      // What the admin screen does (db/commands/admin/users.ts): change the row, end the sessions.
      const started = Date.now();
      db.prepare("UPDATE users SET role = 'viewer', session_version = session_version + 1 WHERE id = ?").run(demoted.id);
      db.prepare("UPDATE users SET disabled = 1, session_version = session_version + 1 WHERE id = ?").run(disabled.id);
      await Promise.all([demotedStream.ended, disabledStream.ended]);
      expect(Date.now() - started).toBeLessThan(5_000);
      await expectError(await request.get("/api/v1/events", { headers: { Cookie: disabledCookie } }), 401);
    } finally {
      db.close();
    }
  });

  test("heartbeat comments keep the stream open (every HINDSIGHT_SSE_HEARTBEAT_MS, 15 s by default)", async ({ baseURL }) => {
    const stream = await open(baseURL!, "/api/v1/events", bearer("viewer"));
    expect(stream.frames()[0] ?? (await stream.waitFor(() => true))).toEqual({ retry: 3000 });
    // The test server runs with the default (15 s) unless this run sets a shorter interval for it.
    const interval = Number(process.env.HINDSIGHT_SSE_HEARTBEAT_MS || 0);
    if (interval && interval <= 5_000) expect((await stream.waitFor((f) => f.comment !== undefined, interval * 3)).comment).toBe("heartbeat");
  });
});
