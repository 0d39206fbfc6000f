import { describe, expect, it } from "vitest";
import { analyse, type WatcherResult } from "./war-analysis";
import type { WriteRecord } from "./war-writers";

const note = (id: number, start: number, end: number): WriteRecord => ({ kind: "note", start, end, status: 201, key: `e:${id}` });
/** A watcher's stream from "id@arrival=key" items. */
const watcher = (stream: string): WatcherResult => ({
  events: stream.split(" ").map((item) => {
    const [, id, at, key] = /^(\d+)@(\d+)=(.+)$/.exec(item)!;
    return [Number(id), Number(at), key!];
  }),
  reconnects: 0,
  drops: 0,
});

describe("war-room analysis", () => {
  const writes = [note(7, 1000, 1040), note(8, 2000, 2030)];

  it("measures propagation from the response and from the request start, matched by key", () => {
    const fig = analyse(writes, [watcher("101@1060=e:7 102@2130=e:8")], [101, 102]);
    expect(fig.fromResponse.n).toBe(2);
    expect(fig.fromResponse.p50).toBe(60); // (20 + 100) / 2
    expect(fig.fromStart.p50).toBe(95); // (60 + 130) / 2
    expect(fig.latency.p50).toBe(35);
    expect(fig.lost + fig.outOfOrder + fig.unexpected).toBe(0);
  });

  it("counts events missing from a watcher, out of order or repeated, and not in the table", () => {
    const fig = analyse(writes, [watcher("101@1060=e:7 103@2200=x"), watcher("102@2100=e:8 101@2110=e:7 101@2120=e:7 103@2200=x 99@2300=y")], [101, 102, 103]);
    expect(fig.lost).toBe(1);
    expect(fig.watchersWithLoss).toBe(1);
    expect(fig.outOfOrder).toBe(3);
    expect(fig.watchersOutOfOrder).toBe(1);
    expect(fig.unexpected).toBe(1);
  });

  it("leaves writes whose key another write shares out of propagation", () => {
    const fig = analyse([note(7, 1000, 1040), note(7, 1500, 1600)], [watcher("101@1700=e:7")], [101]);
    expect(fig.fromResponse.n).toBe(0);
    expect(fig.unmatchedWrites).toBe(0);
  });
});
