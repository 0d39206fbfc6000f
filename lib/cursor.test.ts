import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

describe("list cursors", () => {
  it("round-trips", () => {
    const cursor = { rank: 1, at: 1767261600123, id: 42 };
    const encoded = encodeCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(encoded)).toEqual(cursor);
  });

  it("rejects garbage", () => {
    expect(decodeCursor("")).toBeNull();
    expect(decodeCursor("not a cursor!")).toBeNull();
    expect(decodeCursor("%%%")).toBeNull();
  });

  it("rejects well-formed JSON of the wrong shape", () => {
    const enc = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    expect(decodeCursor(enc({ rank: 1, at: 2, id: 3 }))).toBeNull();
    expect(decodeCursor(enc([1, 2]))).toBeNull();
    expect(decodeCursor(enc([1, 2, 3, 4]))).toBeNull();
    expect(decodeCursor(enc([1, "2", 3]))).toBeNull();
    expect(decodeCursor(enc([1, 2.5, 3]))).toBeNull();
    expect(decodeCursor(enc([1, 2, 2 ** 60]))).toBeNull();
    expect(decodeCursor(enc([1, 2, 3]))).toEqual({ rank: 1, at: 2, id: 3 });
  });
});
