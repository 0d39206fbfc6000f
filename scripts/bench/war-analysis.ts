// The war-room figures from the writers' records, what each watcher received and the event table.
import { percentile } from "./stats";
import type { WriteRecord } from "./war-writers";

/** One watcher's stream as the worker recorded it: [event id, arrival epoch ms, match key]. */
export type WatcherResult = { events: [number, number, string][]; reconnects: number; drops: number };

export type Percentiles = { n: number; p50: number; p95: number; p99: number; max: number };

export function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const [p50, p95, p99] = [0.5, 0.95, 0.99].map((q) => percentile(sorted, q)) as [number, number, number];
  return { n: sorted.length, p50, p95, p99, max: sorted.at(-1) ?? Number.NaN };
}

export type WarRoomFigures = {
  latency: Percentiles;
  fromResponse: Percentiles;
  fromStart: Percentiles;
  /** Events in the table for the incident after the watchers connected. */
  expected: number;
  lost: number;
  outOfOrder: number;
  unexpected: number;
  watchersWithLoss: number;
  watchersOutOfOrder: number;
  reconnects: number;
  unmatchedWrites: number;
};

/**
 * Propagation is matched by key (timeline entry id, incident version) for keys only one write
 * produced; loss and order by event id against the event table: every watcher must receive
 * exactly `expected`, in increasing id order.
 */
export function analyse(writes: WriteRecord[], watchers: WatcherResult[], expectedIds: number[]): WarRoomFigures {
  const ok = writes.filter((w) => w.key !== null);
  const keyCount = new Map<string, number>();
  for (const w of ok) keyCount.set(w.key!, (keyCount.get(w.key!) ?? 0) + 1);
  const fromResponse: number[] = [];
  const fromStart: number[] = [];
  let unmatchedWrites = 0;
  const arrivals = watchers.map((w) => {
    const byKey = new Map<string, number>();
    for (const [, at, key] of w.events) if (!byKey.has(key)) byKey.set(key, at);
    return byKey;
  });
  for (const write of ok) {
    if (keyCount.get(write.key!) !== 1) continue;
    let seen = 0;
    for (const byKey of arrivals) {
      const at = byKey.get(write.key!);
      if (at === undefined) continue;
      seen++;
      fromResponse.push(at - write.end);
      fromStart.push(at - write.start);
    }
    if (seen === 0) unmatchedWrites++;
  }

  const expected = new Set(expectedIds);
  let lost = 0;
  let outOfOrder = 0;
  let unexpected = 0;
  let watchersWithLoss = 0;
  let watchersOutOfOrder = 0;
  for (const w of watchers) {
    const ids = w.events.map(([id]) => id);
    let disorder = 0;
    for (let i = 1; i < ids.length; i++) if (ids[i]! <= ids[i - 1]!) disorder++;
    const got = new Set(ids);
    const missing = expectedIds.filter((id) => !got.has(id)).length;
    unexpected += ids.filter((id) => !expected.has(id)).length;
    lost += missing;
    outOfOrder += disorder;
    if (missing) watchersWithLoss++;
    if (disorder) watchersOutOfOrder++;
  }
  return {
    latency: percentiles(ok.map((w) => w.end - w.start)),
    fromResponse: percentiles(fromResponse),
    fromStart: percentiles(fromStart),
    expected: expectedIds.length,
    lost,
    outOfOrder,
    unexpected,
    watchersWithLoss,
    watchersOutOfOrder,
    reconnects: watchers.reduce((n, w) => n + w.reconnects, 0),
    unmatchedWrites,
  };
}
