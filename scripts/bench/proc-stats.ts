// CPU time and memory of a server's process tree, read from /proc (Linux): every process in the
// process group the bench started it in (scripts/start.mjs and anything it spawned).
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

/** utime + stime and resident memory summed over the processes of group `pgid`; null off Linux. */
export function sampleProcessGroup(pgid: number): TreeSample | null {
  if (!fs.existsSync("/proc/self/stat")) return null;
  let ticks = 0;
  let pages = 0;
  let processes = 0;
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
    // fields[0] is field 3 (state): pgrp is field 5, utime 14, stime 15, rss 24 (in pages).
    if (Number(fields[2]) !== pgid) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
    pages += Number(fields[21]);
    processes++;
  }
  return { cpuMs: (ticks / clockTicks()) * 1000, rssBytes: pages * PAGE_SIZE, processes };
}

/** Samples the group every `everyMs` until stopped: CPU used in between and the highest RSS seen. */
export function watchProcessGroup(pgid: number, everyMs = 250) {
  const first = sampleProcessGroup(pgid);
  const started = performance.now();
  let peakRss = first?.rssBytes ?? 0;
  const timer = setInterval(() => {
    const s = sampleProcessGroup(pgid);
    if (s) peakRss = Math.max(peakRss, s.rssBytes);
  }, everyMs);
  return {
    stop(): { cpuMs: number; wallMs: number; peakRssBytes: number } | null {
      clearInterval(timer);
      const last = sampleProcessGroup(pgid);
      if (!first || !last) return null;
      peakRss = Math.max(peakRss, last.rssBytes);
      return { cpuMs: last.cpuMs - first.cpuMs, wallMs: performance.now() - started, peakRssBytes: peakRss };
    },
  };
}
