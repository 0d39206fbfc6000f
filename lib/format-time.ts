/** "2026-11-25 14:03 UTC", or "not set". Used in timeline text, which must read the same for everyone. */
export function formatUtc(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "not set";
  return new Date(ms).toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

/** "3h 12m", "45m", "2d 4h", "30s". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return `${m}m`;
  return `${s}s`;
}

/** "just now", "12 min ago", "3 h ago", "5 d ago"; future times read "in …". */
export function formatRelative(ms: number, now: number): string {
  const diff = now - ms;
  const abs = Math.abs(diff);
  const suffix = (text: string) => (diff >= 0 ? `${text} ago` : `in ${text}`);
  if (abs < 45_000) return "just now";
  if (abs < 3_600_000) return suffix(`${Math.round(abs / 60_000)} min`);
  if (abs < 86_400_000) return suffix(`${Math.round(abs / 3_600_000)} h`);
  if (abs < 30 * 86_400_000) return suffix(`${Math.round(abs / 86_400_000)} d`);
  return suffix(`${Math.round(abs / (30 * 86_400_000))} mo`);
}
