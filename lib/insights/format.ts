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

/** Axis label of a histogram bin: "<15m", "15–30m", "1–2h", "1–3d", "3d+". */
export function binAxisLabel(minSeconds: number, maxSeconds: number | null): string {
  const short = (s: number) => (s < 3600 ? { n: s / 60, u: "m" } : s < 86_400 ? { n: s / 3600, u: "h" } : { n: s / 86_400, u: "d" });
  const a = short(minSeconds);
  if (maxSeconds === null) return `${a.n}${a.u}+`;
  const b = short(maxSeconds);
  if (minSeconds === 0) return `<${b.n}${b.u}`;
  // "8–24h" reads better than "8h–1d".
  if (b.u === "d" && a.u === "h") return `${a.n}–${maxSeconds / 3600}h`;
  return a.u === b.u ? `${a.n}–${b.n}${b.u}` : `${a.n}${a.u}–${b.n}${b.u}`;
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
