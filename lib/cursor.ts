/** Opaque list cursors: base64url JSON of the last row's sort key. */
export type Cursor = { rank: number; at: number; id: number };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.rank, cursor.at, cursor.id])).toString("base64url");
}

export function decodeCursor(value: string): Cursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((n) => Number.isSafeInteger(n))) return null;
    const [rank, at, id] = parsed as number[];
    return { rank: rank!, at: at!, id: id! };
  } catch {
    return null;
  }
}
