import { describe, expect, it } from "vitest";
import { dialectOf } from "./dialect";

describe("dialectOf", () => {
  it("selects PostgreSQL for postgres:// and postgresql:// URLs, SQLite otherwise", () => {
    expect(dialectOf("postgres://u@db/hindsight")).toBe("pg");
    expect(dialectOf("POSTGRESQL://db/hindsight")).toBe("pg");
    expect(dialectOf(undefined)).toBe("sqlite");
    expect(dialectOf("")).toBe("sqlite");
  });
});
