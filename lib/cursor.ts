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

/** A cursor of lists sorted by a rank, a text key (such as a name) and an id. */
export type TextCursor = { rank: number; key: string; id: number };

export function encodeTextCursor(cursor: TextCursor): string {
  return Buffer.from(JSON.stringify([cursor.rank, cursor.key, cursor.id])).toString("base64url");
}

export function decodeTextCursor(value: string): TextCursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [rank, key, id] = parsed as unknown[];
    if (!Number.isSafeInteger(rank) || typeof key !== "string" || !Number.isSafeInteger(id)) return null;
    return { rank: rank as number, key, id: id as number };
  } catch {
    return null;
  }
}
