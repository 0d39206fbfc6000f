// CPU time and memory of a server's process tree, read from /proc (Linux): every process in the
// process group the bench started it in (scripts/start.mjs and anything it spawned), or a PostgreSQL
// server's postmaster and its children.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

export type TreeSample = { cpuMs: number; rssBytes: number; processes: number };

let ticksPerSecond: number | null = null;
function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

const PAGE_SIZE = 4096;

type Stat = { pid: number; ppid: number; pgrp: number; ticks: number; childTicks: number; pages: number };

function readStats(): Stat[] | null {
  if (!fs.existsSync("/proc/self/stat")) return null;
  const stats: Stat[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // The command name is in parentheses and may hold spaces: the fields start after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields[0] is field 3 (state): ppid is field 4, pgrp 5, utime 14, stime 15, cutime 16, cstime 17, rss 24 (in pages).
    stats.push({
      pid: Number(entry),
      ppid: Number(fields[1]),
      pgrp: Number(fields[2]),
      ticks: Number(fields[11]) + Number(fields[12]),
      childTicks: Number(fields[13]) + Number(fields[14]),
      pages: Number(fields[21]),
    });
  }
  return stats;
}

const sampleOf = (stats: Stat[], extraTicks = 0): TreeSample => ({
  cpuMs: ((stats.reduce((sum, s) => sum + s.ticks, 0) + extraTicks) / clockTicks()) * 1000,
  rssBytes: stats.reduce((sum, s) => sum + s.pages, 0) * PAGE_SIZE,
  processes: stats.length,
});

/** utime + stime and resident memory summed over the processes of group `pgid`; null off Linux. */
export function sampleProcessGroup(pgid: number): TreeSample | null {
  const stats = readStats();
  return stats && sampleOf(stats.filter((s) => s.pgrp === pgid));
}

/** Proportional set size (shared pages divided among the processes sharing them), else RSS. */
function pssBytes(stat: Stat): number {
  try {
    const kb = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${stat.pid}/smaps_rollup`, "utf8"));
    if (kb) return Number(kb[1]) * 1024;
  } catch {
    // Exited, or not readable: RSS instead.
  }
  return stat.pages * PAGE_SIZE;
}

/**
 * A PostgreSQL server: the postmaster and its children (backends, background workers), plus the CPU of
 * children that already exited (the postmaster's cutime/cstime: a closed connection's backend). Memory
 * is the sum of proportional set sizes: shared buffers count once, not once per backend that touched them.
 */
export function samplePostgres(postmasterPid: number, { memory = true } = {}): TreeSample | null {
  const stats = readStats();
  if (!stats) return null;
  const postmaster = stats.find((s) => s.pid === postmasterPid);
  if (!postmaster) return null;
  const tree = stats.filter((s) => s.pid === postmasterPid || s.ppid === postmasterPid);
  const sample = sampleOf(tree, postmaster.childTicks);
  return memory ? { ...sample, rssBytes: tree.reduce((sum, s) => sum + pssBytes(s), 0) } : sample;
}

/** Samples the group every `everyMs` until stopped: CPU used in between and the highest RSS seen. */
export function watchProcessGroup(pgid: number, everyMs = 250) {
  return watchProcesses(() => sampleProcessGroup(pgid), everyMs);
}

/** Samples with `sample` every `everyMs` until stopped: CPU used in between and the highest RSS seen. */
export function watchProcesses(sample: () => TreeSample | null, everyMs = 250) {
  const first = sample();
  const started = performance.now();
  let peakRss = first?.rssBytes ?? 0;
  const timer = setInterval(() => {
    const s = sample();
    if (s) peakRss = Math.max(peakRss, s.rssBytes);
  }, everyMs);
  return {
    stop(): { cpuMs: number; wallMs: number; peakRssBytes: number } | null {
      clearInterval(timer);
      const last = sample();
      if (!first || !last) return null;
      peakRss = Math.max(peakRss, last.rssBytes);
      return { cpuMs: last.cpuMs - first.cpuMs, wallMs: performance.now() - started, peakRssBytes: peakRss };
    },
  };
}
