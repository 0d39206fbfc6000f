import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { timePgQueries, timeStatements } from "./timed-statements";

describe("timed statements", () => {
  it("reports each run, get and all, also through raw() and pluck()", () => {
    const seen: [string, number][] = [];
    const sqlite = timeStatements(new Database(":memory:"), (operation, seconds) => seen.push([operation, seconds]));
    sqlite.prepare("CREATE TABLE t (n INTEGER)").run();
    sqlite.prepare("INSERT INTO t VALUES (?)").run(1);
    expect(sqlite.prepare("SELECT n FROM t").get()).toEqual({ n: 1 });
    expect(sqlite.prepare("SELECT n FROM t").all()).toEqual([{ n: 1 }]);
    expect(sqlite.prepare("SELECT n FROM t").raw().all()).toEqual([[1]]);
    expect(sqlite.prepare("SELECT n FROM t").pluck().get()).toBe(1);
    expect(seen.map(([operation]) => operation)).toEqual(["run", "run", "get", "all", "all", "get"]);
    for (const [, seconds] of seen) expect(seconds).toBeGreaterThanOrEqual(0);
    sqlite.close();
  });

  it("reports a statement that throws, and rethrows", () => {
    const seen: string[] = [];
    const sqlite = timeStatements(new Database(":memory:"), (operation) => seen.push(operation));
    sqlite.prepare("CREATE TABLE t (n INTEGER NOT NULL)").run();
    expect(() => sqlite.prepare("INSERT INTO t VALUES (NULL)").run()).toThrow(/NOT NULL/);
    expect(seen).toEqual(["run", "run"]);
    sqlite.close();
  });

  it("PostgreSQL: reports each query of a client, promise or callback form, as all (rows) or run", async () => {
    const seen: string[] = [];
    const answers: Record<string, object> = { select: { fields: [{ name: "n" }], rows: [[1]] }, insert: { fields: [], rows: [] } };
    const fake = {
      query: (text: string, ...rest: unknown[]) => {
        const callback = rest.at(-1);
        if (typeof callback === "function") return void setImmediate(() => callback(null, answers[text]));
        return text === "fail" ? Promise.reject(new Error("boom")) : Promise.resolve(answers[text]);
      },
    };
    const client = timePgQueries(fake as never as { query: (...args: unknown[]) => unknown }, (operation) => seen.push(operation));
    expect(await client.query("select")).toEqual(answers.select);
    await client.query("insert");
    await new Promise((resolve) => client.query("select", [], (_: unknown, result: unknown) => resolve(result)));
    await expect(client.query("fail")).rejects.toThrow("boom");
    expect(seen).toEqual(["all", "run", "all"]);
  });
});
