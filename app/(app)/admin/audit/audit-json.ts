/** Parses a stored before/after column; null when empty, the raw text when not JSON. */
export function parseAuditJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export const prettyJson = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value, null, 2));

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** "role: responder → viewer" for each field that differs, so the common case reads without expanding. */
export function changeSummary(before: unknown, after: unknown, max = 3): string | null {
  if (!isRecord(before) || !isRecord(after)) return null;
  const show = (v: unknown) => {
    const s = typeof v === "string" ? v : JSON.stringify(v);
    return s === undefined ? "—" : s.length > 40 ? `${s.slice(0, 39)}…` : s;
  };
  const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]) && key !== "updatedAt" && key !== "version",
  );
  if (changed.length === 0) return null;
  const parts = changed.slice(0, max).map((key) => `${key}: ${show(before[key])} → ${show(after[key])}`);
  if (changed.length > max) parts.push(`+${changed.length - max} more`);
  return parts.join("; ");
}
