"use client";
import { useEffect, useState } from "react";
import { formatRelative } from "@/lib/format-time";

const absolute = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
const utc = (ms: number) => new Date(ms).toISOString().replace("T", " ").slice(0, 19) + " UTC";

/**
 * A time in the viewer's zone: relative ("12 min ago") or absolute, with local and UTC on hover.
 * The server render shows UTC; the browser swaps in its own zone after hydration.
 */
export function LocalTime({ ms, mode = "relative" }: { ms: number; mode?: "relative" | "absolute" | "time" }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    if (mode !== "relative") return;
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, [mode]);
  const iso = new Date(ms).toISOString();
  let text: string;
  if (now === null) text = utc(ms).slice(0, 16) + " UTC";
  else if (mode === "relative") text = formatRelative(ms, now);
  else if (mode === "time")
    text =
      new Date(ms).toDateString() === new Date(now).toDateString()
        ? new Date(ms).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })
        : new Date(ms).toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
  else text = absolute(ms);
  return (
    <time dateTime={iso} title={now === null ? utc(ms) : `${absolute(ms)} (your time)\n${utc(ms)}`} suppressHydrationWarning>
      {text}
    </time>
  );
}

/** Live "elapsed since" counter, e.g. for an open incident's duration. */
export function Elapsed({ since, until }: { since: number; until?: number | null }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    if (until) return;
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, [until]);
  const end = until ?? now;
  if (end === null) return <span>—</span>;
  const s = Math.max(0, Math.floor((end - since) / 1000));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  return <span suppressHydrationWarning>{d > 0 ? `${d}d ${h}h` : h > 0 ? `${h}h ${m}m` : `${m}m`}</span>;
}
