import { afterEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { setUpTestDb, thrown } from "../../testing/test-db";
import { moreUsers } from "../../testing/incident-fixtures";
import { apiTokens, users } from "../../schema";
import { declareIncident } from "../../commands/incidents/declare";
import { updateIncident } from "../../commands/incidents/update";
import { addNote } from "../../commands/incidents/timeline";
import { getIncident } from "../incidents/detail";
import { EventFeed, lastEventId } from "./feed";
import { watchEvents, type WatchOptions } from "./watch";
import type { LiveEvent } from "./types";

const ctx = setUpTestDb();
const more = moreUsers(ctx, { ada: "responder", outsider: "responder", demoted: "responder", leaving: "responder" });
const decoder = new TextDecoder();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Watcher = { frames: Uint8Array[]; events: () => LiveEvent[]; ended: string | null; stop: () => void };
const open: Watcher[] = [];
afterEach(() => open.splice(0).forEach((w) => w.stop()));

async function watch(feed: EventFeed, options: Omit<WatchOptions, "send" | "end" | "feed">): Promise<Watcher> {
  const watcher: Watcher = {
    frames: [],
    ended: null,
    stop: () => {},
    events: () =>
      watcher.frames.map((frame) => {
        const text = decoder.decode(frame);
        const [idLine, dataLine] = text.split("\n");
        const event = JSON.parse(dataLine!.slice("data: ".length)) as LiveEvent;
        expect(idLine).toBe(`id: ${event.id}`);
        expect(text.endsWith("\n\n")).toBe(true);
        return event;
      }),
  };
  const { stop } = await watchEvents({ ...options, feed, send: (f) => watcher.frames.push(f), end: (reason) => (watcher.ended = reason) });
  watcher.stop = stop;
  open.push(watcher);
  return watcher;
}

const newFeed = () => new EventFeed(undefined, 60_000);
const declare = async (actor: Actor, input: Record<string, unknown> = {}) =>
  (await declareIncident({ actor, input: { title: "Stream test", severity: "SEV3", ...input } })).incident;
const note = (actor: Actor, incidentId: number, body: string) => addNote({ actor, incidentId, input: { body } });

describe("event feed", () => {
  it("hands every watcher the events in id order, in the wire shape, serialized once", async () => {
    const feed = newFeed();
    const a = await watch(feed, { actor: ctx.responder.actor, afterId: null });
    const b = await watch(feed, { actor: ctx.admin.actor, afterId: null });
    const incident = await declare(ctx.responder.actor);
    await note(ctx.responder.actor, incident.id, "first");
    await note(more.ada.actor, incident.id, "second");
    // The commits' nudges may already have polled (PostgreSQL's reads race them): poll for whatever is left.
    await feed.poll();
    const got = a.events();
    expect(got.map((e) => e.type)).toEqual(["incident.declared", "timeline.entry_added", "timeline.entry_added", "timeline.entry_added"]);
    expect(got.map((e) => e.id)).toEqual([...got.map((e) => e.id)].sort((x, y) => x - y));
    expect(got[3]).toMatchObject({
      incidentId: incident.id,
      reference: `INC-${incident.id}`,
      actor: { label: more.ada.name, userId: more.ada.id, tokenId: null },
      payload: { entry: { body: "second", kind: "note" } },
    });
    // The same bytes for every watcher: no per-watcher serialization.
    expect(b.frames).toHaveLength(4);
    b.frames.forEach((frame, i) => expect(frame).toBe(a.frames[i]));
  });

  it("starts live from now without lastEventId, and a local write nudges the feed without waiting for the poll", async () => {
    const feed = newFeed();
    const incident = await declare(ctx.responder.actor);
    const w = await watch(feed, { actor: ctx.responder.actor, incidentId: incident.id, afterId: null });
    expect(w.frames).toHaveLength(0);
    await note(ctx.responder.actor, incident.id, "nudged");
    // The feed polls every minute here: the event arrives within moments only because the commit nudged it
    // (SQLite: within a tick; PostgreSQL: after the nudged poll's round trip).
    await vi.waitFor(() => expect(w.events().map((e) => e.type)).toEqual(["timeline.entry_added"]), { timeout: 2_000, interval: 5 });
  });

  it("replays exactly the events after lastEventId, then follows without gaps or repeats", async () => {
    const feed = newFeed();
    const keepAlive = await watch(feed, { actor: ctx.admin.actor, afterId: null });
    const incident = await declare(ctx.responder.actor);
    const other = await declare(ctx.responder.actor);
    await note(ctx.responder.actor, incident.id, "one");
    const seen = await lastEventId(ctx.t.db);
    await note(ctx.responder.actor, other.id, "elsewhere");
    await note(ctx.responder.actor, incident.id, "two");
    await note(ctx.responder.actor, incident.id, "three");
    await feed.poll();
    const missed = await watch(feed, { actor: ctx.responder.actor, incidentId: incident.id, afterId: seen });
    expect(missed.events().map((e) => (e.type === "timeline.entry_added" ? e.payload.entry.body : e.type))).toEqual(["two", "three"]);
    // Written while the next watch opens: delivered once, by the replay or by the feed (the poll its commit
    // nudged may run while the watch starts: at once on SQLite, which reads synchronously, not on PostgreSQL).
    await note(ctx.responder.actor, incident.id, "four");
    const all = await watch(feed, { actor: ctx.responder.actor, afterId: seen });
    const replayed = all.events().map((e) => e.type === "timeline.entry_added" && e.payload.entry.body);
    expect(replayed).toEqual(["elsewhere", "two", "three", "four"].slice(0, Math.max(3, replayed.length)));
    await feed.poll();
    expect(missed.events().map((e) => e.type === "timeline.entry_added" && e.payload.entry.body)).toEqual(["two", "three", "four"]);
    expect(all.events().map((e) => e.type === "timeline.entry_added" && e.payload.entry.body)).toEqual(["elsewhere", "two", "three", "four"]);
    expect(keepAlive.events().length).toBeGreaterThan(4);
  });

  it("private incidents: 404 for an outsider's incident stream, left out of their list stream from the moment they become private", async () => {
    const feed = newFeed();
    const secret = await declare(more.ada.actor, { private: true });
    expect((await thrown(() => watch(feed, { actor: more.outsider.actor, incidentId: secret.id, afterId: null }))).status).toBe(404);
    const outsider = await watch(feed, { actor: more.outsider.actor, afterId: 0 });
    expect(outsider.events().filter((e) => e.incidentId === secret.id)).toEqual([]);

    const open = await declare(more.ada.actor);
    const onIncident = await watch(feed, { actor: more.outsider.actor, incidentId: open.id, afterId: null });
    const insider = await watch(feed, { actor: more.ada.actor, afterId: null });
    await note(more.ada.actor, open.id, "still public");
    await feed.poll();
    expect(outsider.events().at(-1)).toMatchObject({ incidentId: open.id, type: "timeline.entry_added" });
    const before = outsider.frames.length;
    await updateIncident({
      actor: more.ada.actor,
      incidentId: open.id,
      input: { version: (await getIncident({ actor: more.ada.actor, incidentId: open.id })).version, private: true },
    });
    await note(more.ada.actor, open.id, "now private");
    await feed.poll();
    expect(outsider.frames).toHaveLength(before);
    expect(outsider.ended).toBeNull();
    expect(onIncident.ended).toBe("incident no longer readable");
    expect(onIncident.events().map((e) => e.type)).toEqual(["timeline.entry_added"]);
    expect(insider.events().map((e) => e.type)).toEqual(["timeline.entry_added", "incident.updated", "timeline.entry_added", "timeline.entry_added"]);
  });

  it("ends a stream within the re-check interval when the role changes, the account is disabled or the token is revoked", async () => {
    const feed = newFeed();
    const incident = await declare(ctx.responder.actor);
    const token = await ctx.t.createToken("responder");
    const demoted = await watch(feed, { actor: more.demoted.actor, incidentId: incident.id, afterId: null, recheckMs: 20 });
    const leaving = await watch(feed, { actor: more.leaving.actor, afterId: null, recheckMs: 20 });
    const viaToken = await watch(feed, { actor: token.actor, afterId: null, recheckMs: 20 });
    const staying = await watch(feed, { actor: ctx.responder.actor, afterId: null, recheckMs: 20 });
    await ctx.t.db.update(users).set({ role: "viewer" }).where(eq(users.id, more.demoted.id));
    await ctx.t.db.update(users).set({ disabled: true }).where(eq(users.id, more.leaving.id));
    await ctx.t.db.update(apiTokens).set({ revokedAt: Date.now() }).where(eq(apiTokens.id, token.id));
    await sleep(80);
    expect([demoted.ended, leaving.ended, viaToken.ended, staying.ended]).toEqual(["access changed", "access changed", "access changed", null]);
    expect(feed.size).toBe(1);
    // Ended watchers get nothing more.
    await note(ctx.responder.actor, incident.id, "after");
    await feed.poll();
    expect(demoted.frames).toHaveLength(0);
    expect(staying.frames).toHaveLength(1);
  });

  it("stops polling when nobody listens and ends every stream on closeAll (shutdown)", async () => {
    const feed = newFeed();
    const a = await watch(feed, { actor: ctx.responder.actor, afterId: null });
    const b = await watch(feed, { actor: ctx.admin.actor, afterId: null });
    feed.closeAll();
    expect([a.ended, b.ended]).toEqual(["server stopping", "server stopping"]);
    expect(feed.size).toBe(0);
    expect(await feed.poll()).toBe(0);
  });
});
