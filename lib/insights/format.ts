import type { Coverage, Ratio } from "./types";

// Figures as a person reads them. A fixed locale so server and browser render the same text.
const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export const formatCount = (n: number) => whole.format(n);

/** "45 s", "42 min", "3 h 10 min", "2 d 4 h"; "—" when there is no figure. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "—";
  const s = Math.max(0, seconds);
  if (s < 59.5) return `${Math.round(s)} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  const hours = Math.round(s / 3600);
  const d = Math.floor(hours / 24);
  const h = hours % 24;
  return h ? `${d} d ${h} h` : `${d} d`;
}

/** The same, compact for dense tables: "45s", "42m", "3h 10m", "2d 4h". */
export function formatSecondsCompact(seconds: number | null): string {
  return formatSeconds(seconds).replace(/ (s|min|h|d)\b/g, (_, unit: string) => (unit === "min" ? "m" : unit));
}

/**
 * Axis label of a histogram bin on two short lines, range over unit ("15–30" / "min"), so
 * nine bins fit side by side in a half-width chart without running into each other.
 */
export function binAxisLines(minSeconds: number, maxSeconds: number | null): [string, string] {
  const unitOf = (s: number) => (s < 3600 ? { div: 60, unit: "min" } : s < 86_400 ? { div: 3600, unit: "h" } : { div: 86_400, unit: "days" });
  if (maxSeconds === null) {
    const u = unitOf(minSeconds);
    return [`${minSeconds / u.div}+`, u.unit];
  }
  // A bin is named in the unit of its upper bound less a second, so "30–60 min" and "8–24 h", not "30 min–1 h".
  const u = unitOf(maxSeconds - 1);
  return [minSeconds === 0 ? `<${maxSeconds / u.div}` : `${minSeconds / u.div}–${maxSeconds / u.div}`, u.unit];
}

/** The same on one line for a slanted axis: "<15m", "15–30m", "30–60m", "1–2h", "1–3d", "3d+". */
export function binAxisLabel(minSeconds: number, maxSeconds: number | null): string {
  const [range, unit] = binAxisLines(minSeconds, maxSeconds);
  const short = unit === "min" ? "m" : unit === "days" ? "d" : unit;
  return range.endsWith("+") ? `${range.slice(0, -1)}${short}+` : `${range}${short}`;
}

/** "84%" from a 0–1 rate; "—" without a denominator. */
export function formatRate(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 100)}%`;
}

/** "34 of 40 (85%)", or "none due" when nothing was due. */
export function formatRatio(ratio: Ratio): string {
  if (ratio.denominator === 0) return "none due";
  return `${formatCount(ratio.numerator)} of ${formatCount(ratio.denominator)} (${formatRate(ratio.rate)})`;
}

/**
 * "n = 40 · 3 missing a timestamp · 5 reconstructed": what a figure covers. `missing` says
 * why incidents were left out when it is not a timestamp (no service named, no factor tagged).
 */
export function coverageText(coverage: Coverage, missing = "missing a timestamp"): string {
  const parts = [`n = ${formatCount(coverage.incidents)}`];
  if (coverage.missing) parts.push(`${formatCount(coverage.missing)} ${missing}`);
  if (coverage.reconstructed) parts.push(`${formatCount(coverage.reconstructed)} reconstructed`);
  return parts.join(" · ");
}

function dayParts(day: string) {
  const [y, m, d] = day.split("-").map(Number);
  return { year: y!, month: MONTHS[m! - 1]!, day: d! };
}

/** "27 Aug – 24 Nov 2026", or "27 Dec 2025 – 24 Mar 2026" across a new year. */
export function formatDayRange(from: string, to: string): string {
  const a = dayParts(from);
  const b = dayParts(to);
  const start = a.year === b.year ? `${a.day} ${a.month}` : `${a.day} ${a.month} ${a.year}`;
  return `${start} – ${b.day} ${b.month} ${b.year}`;
}

/** "12 Sep 2026". */
export function formatDay(day: string): string {
  const p = dayParts(day);
  return `${p.day} ${p.month} ${p.year}`;
}

/** "12 Sep 2026" for an ISO instant, in the organisation's time zone. */
export function formatInstantDay(iso: string, timeZone: string): string {
  return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone });
}

export const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;
