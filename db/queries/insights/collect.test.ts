import { describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { getDb } from "../../client";
import { setUpTestDb } from "../../testing/test-db";

vi.mock("server-only", () => ({}));

setUpTestDb();

type CollectModule = typeof import("./collect");

/** A separate copy of collect.ts, as Next bundles it once per route while the connection is shared. */
async function freshCopy(): Promise<CollectModule> {
  vi.resetModules();
  return import("./collect");
}

describe("collect", () => {
  it("gathers numbers and texts of every row", async () => {
    const { collect } = await freshCopy();
    const from = sql`FROM (SELECT 1 AS a, 'x' AS t UNION ALL SELECT 2, NULL UNION ALL SELECT NULL, 'z') AS v`;
    const result = await collect(getDb(), [sql`a`, sql`a * 10`], [sql`t`], from);
    expect(result.n).toBe(3);
    expect([...result.numbers[0]!]).toEqual([1, 2, NaN]);
    expect([...result.numbers[1]!]).toEqual([10, 20, NaN]);
    expect(result.texts).toEqual(["x;;z"]);
  });

  it("works from every bundled copy of the module, whichever registered the aggregate last", async () => {
    const from = sql`FROM (SELECT 1 AS a UNION ALL SELECT 2 UNION ALL SELECT 3) AS v`;
    const first = await freshCopy();
    expect((await first.collect(getDb(), [sql`a`], [], from)).n).toBe(3);
    const second = await freshCopy();
    expect((await second.collect(getDb(), [sql`a`, sql`a`], [], from)).n).toBe(3);
    const again = await first.collect(getDb(), [sql`a`], [], from);
    expect(again.n).toBe(3);
    expect([...again.numbers[0]!]).toEqual([1, 2, 3]);
  });

  it("reads epoch-ms, negative and null values, and no rows at all", async () => {
    const { collect } = await freshCopy();
    const from = sql`FROM (SELECT 1780000000123 AS a, -42 AS b, '1,2' AS t UNION ALL SELECT NULL, NULL, '') AS v`;
    const result = await collect(getDb(), [sql`a`, sql`b`], [sql`t`], from);
    expect(result.n).toBe(2);
    expect([...result.numbers[0]!]).toEqual([1780000000123, NaN]);
    expect([...result.numbers[1]!]).toEqual([-42, NaN]);
    expect(result.texts).toEqual(["1,2;"]);
    const none = await collect(getDb(), [sql`a`], [sql`t`], sql`${from} WHERE 1 = 0`);
    expect(none).toEqual({ n: 0, numbers: [new Float64Array(0)], texts: [""] });
  });
});

describe("parseNumbers (PostgreSQL's joined rows)", () => {
  it("splits rows and columns, with empty values as NaN and non-integers through Number", async () => {
    const { parseNumbers } = await freshCopy();
    expect(parseNumbers("1,2,,-5;,,1.5,1e+21;3,4,5,6", 3, 4).map((c) => [...c])).toEqual([
      [1, NaN, 3],
      [2, NaN, 4],
      [NaN, 1.5, 5],
      [-5, 1e21, 6],
    ]);
    expect(parseNumbers("", 1, 1).map((c) => [...c])).toEqual([[NaN]]);
    expect(parseNumbers(";", 2, 1).map((c) => [...c])).toEqual([[NaN, NaN]]);
    expect(parseNumbers("", 0, 2).map((c) => c.length)).toEqual([0, 0]);
  });
});
