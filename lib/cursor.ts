/** Opaque list cursors: base64url JSON of the last row's sort key. */
export type Cursor = { rank: number; at: number; id: number };

const encodeJson = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** The JSON inside a cursor, or null when it is not base64url JSON. */
function decodeJson(value: string): unknown {
  try {
    return JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    return null;
  }
}

export function encodeCursor(cursor: Cursor): string {
  return encodeJson([cursor.rank, cursor.at, cursor.id]);
}

export function decodeCursor(value: string): Cursor | null {
  const parsed = decodeJson(value);
  if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((n) => Number.isSafeInteger(n))) return null;
  const [rank, at, id] = parsed as number[];
  return { rank: rank!, at: at!, id: id! };
}

/** A cursor of lists sorted by a rank, a text key (such as a name) and an id. */
export type TextCursor = { rank: number; key: string; id: number };

export function encodeTextCursor(cursor: TextCursor): string {
  return encodeJson([cursor.rank, cursor.key, cursor.id]);
}

export function decodeTextCursor(value: string): TextCursor | null {
  const parsed = decodeJson(value);
  if (!Array.isArray(parsed) || parsed.length !== 3) return null;
  const [rank, key, id] = parsed as unknown[];
  if (!Number.isSafeInteger(rank) || typeof key !== "string" || !Number.isSafeInteger(id)) return null;
  return { rank: rank as number, key, id: id as number };
}
