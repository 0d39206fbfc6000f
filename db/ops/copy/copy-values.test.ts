import { describe, expect, it } from "vitest";
import { canonicalJson, canonicalText, kindOfPgType, sqliteValueToText } from "./column-values";
import { ValueProblem } from "./copy-errors";
import { planCopyOrder } from "./copy-order";
import { describeMismatches, formatComparison } from "./copy-report";
import { compareTables, summarize, TableDigest } from "./table-digest";

describe("values on the way from SQLite to PostgreSQL", () => {
  it("maps the PostgreSQL types of the derived schema to kinds, and knows no others", () => {
    expect(["bigint", "boolean", "jsonb", "double precision", "text", "bytea"].map(kindOfPgType)).toEqual([
      "integer",
      "boolean",
      "json",
      "real",
      "text",
      "bytes",
    ]);
    expect(kindOfPgType("character varying(20)")).toBe("text");
    expect(kindOfPgType("timestamp with time zone")).toBeNull();
  });

  it("sends SQLite's 0/1 as booleans, integers exactly, JSON as stored and bytes as hex", () => {
    expect(sqliteValueToText("boolean", 1n)).toBe("true");
    expect(sqliteValueToText("boolean", 0n)).toBe("false");
    expect(sqliteValueToText("integer", 9_007_199_254_740_993n)).toBe("9007199254740993");
    expect(sqliteValueToText("integer", 1_764_000_000_000)).toBe("1764000000000");
    expect(sqliteValueToText("json", '{"b": 1, "a": 12345678901234567890}')).toBe('{"b": 1, "a": 12345678901234567890}');
    expect(sqliteValueToText("real", 0.1)).toBe("0.1");
    expect(sqliteValueToText("bytes", Buffer.from([0, 255]))).toBe("\\x00ff");
    expect(sqliteValueToText("text", null)).toBeNull();
  });

  it("refuses values the PostgreSQL column cannot hold, saying what they are", () => {
    expect(() => sqliteValueToText("boolean", 2n)).toThrow(new ValueProblem("2 (integer) is not a boolean (0 or 1)"));
    expect(() => sqliteValueToText("integer", 1.5)).toThrow(/1.5 \(number\) is not an integer/);
    expect(() => sqliteValueToText("integer", "12")).toThrow(/"12" \(string\) is not an integer/);
    expect(() => sqliteValueToText("json", "{oops")).toThrow(/is not valid JSON/);
    expect(() => sqliteValueToText("json", '{"a":"x\\u0000"}')).toThrow(/\\u0000/);
    expect(sqliteValueToText("json", '{"a":"x\\\\u0000"}')).toBe('{"a":"x\\\\u0000"}');
    expect(() => sqliteValueToText("text", "a\u0000b")).toThrow(/NUL/);
  });

  it("puts what was sent and what PostgreSQL prints into the same canonical form", () => {
    // jsonb reorders keys and respaces; float8 prints exponents its own way.
    expect(canonicalText("json", '{"b": 1, "a": [1, {"d": null, "c": 2.50}]}')).toBe(canonicalText("json", '{"a": [1, {"c": 2.5, "d": null}], "b": 1}'));
    expect(canonicalText("real", "1e+100")).toBe(canonicalText("real", sqliteValueToText("real", 1e100)));
    expect(canonicalText("real", "1e-05")).toBe(canonicalText("real", sqliteValueToText("real", 0.00001)));
    expect(canonicalText("json", "null")).toBe("null");
    expect(canonicalText("json", null)).toBeNull();
    expect(canonicalJson({ b: [true, "x"], a: { z: 1, y: 2 } })).toBe('{"a":{"y":2,"z":1},"b":[true,"x"]}');
  });
});

describe("table checksums", () => {
  const digestOf = (rows: (string | null)[][]) => {
    const digest = new TableDigest();
    rows.forEach((row) => digest.add(row));
    return summarize(digest);
  };
  const rows = [
    ["1", "true", "Checkout"],
    ["2", "false", null],
    ["3", "false", "a,b"],
  ];

  it("is the same in any row order, and changes with any value, NULL versus text, or a moved boundary", () => {
    expect(digestOf(rows)).toEqual(digestOf([...rows].reverse()));
    expect(digestOf(rows).checksum).not.toBe(digestOf([rows[0]!, ["2", "false", "null"], rows[2]!]).checksum);
    expect(digestOf(rows).checksum).not.toBe(digestOf([rows[0]!, rows[1]!, ["3", "false,a", "b"]]).checksum);
    expect(digestOf(rows).checksum).not.toBe(digestOf([rows[0]!, rows[1]!, ["3", "true", "a,b"]]).checksum);
    expect(digestOf([]).checksum).toBe("0".repeat(64));
    // A duplicated row is not cancelled out (a sum, not an exclusive or).
    expect(digestOf([rows[0]!, rows[0]!]).checksum).not.toBe(digestOf([]).checksum);
  });

  it("reports a table whose counts or contents differ as a mismatch, and the others as ok", () => {
    const source = new Map([
      ["incidents", digestOf(rows)],
      ["users", digestOf(rows)],
      ["teams", digestOf(rows)],
    ]);
    const target = new Map([
      ["incidents", digestOf([rows[0]!, rows[1]!, ["3", "false", "a;b"]])],
      ["users", digestOf(rows.slice(1))],
      ["teams", digestOf(rows)],
    ]);
    const compared = compareTables(source, target);
    expect(compared.map((t) => [t.table, t.matches])).toEqual([
      ["incidents", false],
      ["users", false],
      ["teams", true],
    ]);
    const mismatches = describeMismatches(compared);
    expect(mismatches[0]).toMatch(/^incidents: same row count \(3\) but different contents \(checksum [0-9a-f]{16}… in SQLite, [0-9a-f]{16}… in PostgreSQL\)$/);
    expect(mismatches[1]).toBe("users: 3 rows in SQLite, 2 in PostgreSQL");
    const printed = formatComparison(compared).split("\n");
    expect(printed[0]).toMatch(/^table\s+SQLite rows\s+PostgreSQL rows\s+SQLite checksum\s+PostgreSQL checksum$/);
    expect(printed.slice(1).map((line) => line.split(/\s+/).at(-1))).toEqual(["MISMATCH", "MISMATCH", "ok"]);
  });
});

describe("the order tables are copied in", () => {
  const table = (name: string, refs: [string, string][], required: string[] = []) => ({
    name,
    foreignKeys: refs.map(([column, refTable]) => ({ columns: [column], refTable })),
    requiredColumns: new Set(required),
  });

  it("puts referenced tables first", () => {
    const { order, deferred } = planCopyOrder([
      table(
        "timeline_entries",
        [
          ["incident_id", "incidents"],
          ["author_user_id", "users"],
        ],
        ["incident_id"],
      ),
      table("incidents", [["created_by_id", "users"]]),
      table("users", []),
    ]);
    expect(order).toEqual(["users", "incidents", "timeline_entries"]);
    expect(deferred.size).toBe(0);
  });

  it("defers a nullable self-reference and one nullable link of a cycle", () => {
    const { order, deferred } = planCopyOrder([
      table("incidents", [["merged_into_id", "incidents"]]),
      table("teams", [["lead_service_id", "services"]]),
      table("services", [["team_id", "teams"]], ["team_id"]),
      table("notes", [["team_id", "teams"]], ["team_id"]),
    ]);
    expect(order).toEqual(["incidents", "teams", "notes", "services"]);
    expect(Object.fromEntries(deferred)).toEqual({ incidents: ["merged_into_id"], teams: ["lead_service_id"] });
  });

  it("refuses a cycle (or self-reference) through required columns", () => {
    expect(() => planCopyOrder([table("a", [["b_id", "b"]], ["b_id"]), table("b", [["a_id", "a"]], ["a_id"])])).toThrow(/cycle of required columns/);
    expect(() => planCopyOrder([table("a", [["parent_id", "a"]], ["parent_id"])])).toThrow(/references itself through required column parent_id/);
  });
});
