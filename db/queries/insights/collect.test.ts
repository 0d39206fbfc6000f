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
});
