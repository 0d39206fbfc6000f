import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { setUpTestDb, thrown } from "@/db/testing/test-db";
import { declareIncident } from "@/db/commands/incidents/declare";
import { addNote } from "@/db/commands/incidents/timeline";
import { eventFeed } from "@/db/queries/events/feed";
import { eventStreamResponse, lastEventIdOf } from "./event-stream";

const ctx = setUpTestDb();
const decoder = new TextDecoder();
const request = (query = "", headers: Record<string, string> = {}, signal?: AbortSignal) =>
  new NextRequest(`http://localhost/api/v1/events${query}`, { headers, signal });

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, text: string) {
  let got = "";
  while (!got.includes(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    got += decoder.decode(value);
  }
  return got;
}

describe("lastEventIdOf", () => {
  it("prefers the Last-Event-ID header (what EventSource sends on reconnect) over ?lastEventId=", async () => {
    expect(lastEventIdOf(request())).toBeNull();
    expect(lastEventIdOf(request("?lastEventId="))).toBeNull();
    expect(lastEventIdOf(request("?lastEventId=12"))).toBe(12);
    expect(lastEventIdOf(request("?lastEventId=12", { "Last-Event-ID": "40" }))).toBe(40);
    for (const bad of ["x", "-1", "2.5", "1e3", "99999999999999999"]) {
      expect(await thrown(() => lastEventIdOf(request(`?lastEventId=${bad}`)))).toMatchObject({ status: 400, fields: { lastEventId: expect.any(String) } });
    }
  });
});

describe("eventStreamResponse", () => {
  it("streams retry first, then events; aborting the request or cancelling the body unsubscribes", async () => {
    const feed = eventFeed();
    const abort = new AbortController();
    const res = await eventStreamResponse(request("", {}, abort.signal), { actor: ctx.responder.actor });
    expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(feed.size).toBe(1);
    const reader = res.body!.getReader();
    const incident = (await declareIncident({ actor: ctx.responder.actor, input: { title: "Streamed", severity: "SEV3" } })).incident;
    await addNote({ actor: ctx.responder.actor, incidentId: incident.id, input: { body: "through the stream" } });
    const text = await readUntil(reader, "through the stream");
    expect(text.startsWith("retry: 3000\n\n")).toBe(true);
    expect(text).toMatch(/\nid: \d+\ndata: \{"id":\d+,"type":"incident.declared"/);
    abort.abort();
    expect(feed.size).toBe(0);
    expect(await reader.read()).toEqual({ done: true, value: undefined });

    const second = await eventStreamResponse(request(), { actor: ctx.responder.actor });
    expect(feed.size).toBe(1);
    await second.body!.cancel();
    expect(feed.size).toBe(0);
  });

  it("refuses before streaming: 404 for an incident the caller may not read", async () => {
    const secret = (await declareIncident({ actor: ctx.admin.actor, input: { title: "Hidden", severity: "SEV3", private: true } })).incident;
    expect(await thrown(() => eventStreamResponse(request(), { actor: ctx.viewer.actor, incidentId: secret.id }))).toMatchObject({ status: 404 });
    expect(eventFeed().size).toBe(0);
  });
});
