// Timing summaries and an aligned text table for the bench output.

export type Summary = { runs: number; median: number; p90: number; min: number; max: number };

/** Percentile by linear interpolation between closest ranks (q in 0..1) of sorted values. */
export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = (sorted.length - 1) * q;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    median: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/**
 * Runs `fn` `warmup` times untimed, then `runs` times timed; returns the timings in ms. With a
 * budget, a slow case stops early: warm-ups once half the budget is spent, timed runs once all
 * of it is (always at least one of each), so a pathological case cannot stall the bench.
 */
export async function timeRuns<T>(
  fn: () => T | Promise<T>,
  { warmup, runs, budgetMs = Infinity }: { warmup: number; runs: number; budgetMs?: number },
): Promise<{ samples: number[]; cpu: number[]; last: T; cut: boolean }> {
  let last!: T;
  const started = performance.now();
  const spent = () => performance.now() - started;
  let cut = false;
  for (let i = 0; i < warmup; i++) {
    if (i > 0 && spent() > budgetMs / 2) {
      cut = true;
      break;
    }
    last = await fn();
  }
  const samples: number[] = [];
  // CPU time of this process (all its threads) per run: on a shared machine the wall time also counts waiting for a core.
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (i > 0 && spent() > budgetMs) {
      cut = true;
      break;
    }
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    last = await fn();
    samples.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { samples, cpu, last, cut };
}

export const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "-");

/** Columns padded to their widest cell; numbers (and "-") right-aligned. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const numeric = header.map((_, i) => rows.every((r) => /^[-\d.,]+( ms| MB)?$/.test(r[i] ?? "")));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
