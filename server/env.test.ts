import { afterEach, describe, expect, it, vi } from "vitest";
import { BackupConfigError, ENV_NAMES, EnvError, backupSchedule, env, envProblems, exitOnInvalidEnv } from "./env";

afterEach(() => vi.restoreAllMocks());

describe("env", () => {
  it("reads unset and empty values as not set", () => {
    expect(env("DATABASE_PATH", {})).toBeUndefined();
    expect(env("DATABASE_PATH", { DATABASE_PATH: "" })).toBeUndefined();
    expect(env("DATABASE_PATH", { DATABASE_PATH: "/srv/hindsight.db" })).toBe("/srv/hindsight.db");
    expect(env("NEXTAUTH_SECRET", { NEXTAUTH_SECRET: "" })).toBeUndefined();
    expect(env("HINDSIGHT_ADMIN_PASSWORD", { HINDSIGHT_ADMIN_PASSWORD: "" })).toBeUndefined();
  });

  it("reads process.env when asked, not once at import", () => {
    vi.stubEnv("DATABASE_PATH", "/tmp/one.db");
    expect(env("DATABASE_PATH")).toBe("/tmp/one.db");
    vi.stubEnv("DATABASE_PATH", "/tmp/two.db");
    expect(env("DATABASE_PATH")).toBe("/tmp/two.db");
    vi.unstubAllEnvs();
  });

  it("turns TRUST_PROXY into a number of hops, and names it when invalid", () => {
    expect(env("TRUST_PROXY", {})).toBe(0);
    expect(env("TRUST_PROXY", { TRUST_PROXY: "true" })).toBe(1);
    expect(env("TRUST_PROXY", { TRUST_PROXY: "3" })).toBe(3);
    expect(() => env("TRUST_PROXY", { TRUST_PROXY: "all" })).toThrow(EnvError);
    expect(() => env("TRUST_PROXY", { TRUST_PROXY: "all" })).toThrow(/^TRUST_PROXY="all" is not valid/);
  });

  it("accepts an http(s) NEXTAUTH_URL only", () => {
    expect(env("NEXTAUTH_URL", { NEXTAUTH_URL: "https://hindsight.example.com" })).toBe("https://hindsight.example.com");
    expect(env("NEXTAUTH_URL", { NEXTAUTH_URL: "" })).toBeUndefined();
    expect(() => env("NEXTAUTH_URL", { NEXTAUTH_URL: "hindsight.example.com" })).toThrow(/^NEXTAUTH_URL must be the public address/);
  });

  it("checks BACKUP_INTERVAL_HOURS and BACKUP_KEEP with the messages of lib/backup-schedule", () => {
    expect(() => env("BACKUP_KEEP", { BACKUP_KEEP: "0" })).toThrow(/^BACKUP_KEEP must be a whole number of backups from 1 to 10000; got "0"/);
    expect(() => env("BACKUP_INTERVAL_HOURS", { BACKUP_INTERVAL_HOURS: "24h" })).toThrow(/^BACKUP_INTERVAL_HOURS must be a number of hours/);
    expect(backupSchedule({ BACKUP_DIR: "/b", BACKUP_KEEP: "3" })).toEqual({ dir: "/b", intervalMs: 24 * 3_600_000, keep: 3 });
    expect(backupSchedule({})).toBeNull();
    expect(() => backupSchedule({ BACKUP_KEEP: "x" })).toThrow(BackupConfigError);
  });

  it('HINDSIGHT_BENCH_FLOOR: on only for "1", a name-bearing error for anything but 0/1', () => {
    expect(env("HINDSIGHT_BENCH_FLOOR", {})).toBe(false);
    expect(env("HINDSIGHT_BENCH_FLOOR", { HINDSIGHT_BENCH_FLOOR: "0" })).toBe(false);
    expect(env("HINDSIGHT_BENCH_FLOOR", { HINDSIGHT_BENCH_FLOOR: "1" })).toBe(true);
    expect(() => env("HINDSIGHT_BENCH_FLOOR", { HINDSIGHT_BENCH_FLOOR: "yes" })).toThrow(/HINDSIGHT_BENCH_FLOOR must/);
  });

  it("lists every invalid variable, each message naming it", () => {
    expect(envProblems({})).toEqual([]);
    const problems = envProblems({ TRUST_PROXY: "yes", BACKUP_KEEP: "-1", NEXTAUTH_URL: "localhost:3000", DATABASE_PATH: "data/x.db" });
    expect(problems).toHaveLength(3);
    expect(problems.join("\n")).toMatch(/TRUST_PROXY=/);
    expect(problems.join("\n")).toMatch(/BACKUP_KEEP must/);
    expect(problems.join("\n")).toMatch(/NEXTAUTH_URL must/);
    expect(ENV_NAMES).toContain("HINDSIGHT_ADMIN_EMAIL");
  });

  it("exitOnInvalidEnv stops the process with status 1 and one line per bad variable", () => {
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    exitOnInvalidEnv({ TRUST_PROXY: "2" });
    expect(exit).not.toHaveBeenCalled();
    exitOnInvalidEnv({ TRUST_PROXY: "all", BACKUP_INTERVAL_HOURS: "0" });
    expect(exit).toHaveBeenCalledWith(1);
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/^\[hindsight\] Refusing to start: TRUST_PROXY="all" is not valid/));
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/^\[hindsight\] Refusing to start: BACKUP_INTERVAL_HOURS must be/));
  });
});

describe("HINDSIGHT_SSE_HEARTBEAT_MS", () => {
  it("defaults to 15 s, takes milliseconds between 100 and 600000, and names itself when wrong", () => {
    expect(env("HINDSIGHT_SSE_HEARTBEAT_MS", {})).toBe(15_000);
    expect(env("HINDSIGHT_SSE_HEARTBEAT_MS", { HINDSIGHT_SSE_HEARTBEAT_MS: "500" })).toBe(500);
    for (const bad of ["abc", "50", "1.5", "700000"]) {
      expect(() => env("HINDSIGHT_SSE_HEARTBEAT_MS", { HINDSIGHT_SSE_HEARTBEAT_MS: bad })).toThrow(/HINDSIGHT_SSE_HEARTBEAT_MS/);
    }
  });
});

describe("DATABASE_URL and DATABASE_POOL_SIZE", () => {
  it("DATABASE_URL: unset for SQLite, a postgres:// or postgresql:// URL for PostgreSQL, anything else named as invalid", () => {
    expect(env("DATABASE_URL", {})).toBeUndefined();
    expect(env("DATABASE_URL", { DATABASE_URL: " " })).toBeUndefined();
    expect(env("DATABASE_URL", { DATABASE_URL: "postgres://u:p@db:5432/hindsight" })).toBe("postgres://u:p@db:5432/hindsight");
    expect(env("DATABASE_URL", { DATABASE_URL: " postgresql://db/hindsight " })).toBe("postgresql://db/hindsight");
    for (const bad of ["mysql://db/hindsight", "data/hindsight.db", "postgres://", "file:hindsight.db"]) {
      expect(() => env("DATABASE_URL", { DATABASE_URL: bad })).toThrow(/^DATABASE_URL must be a PostgreSQL connection URL/);
    }
    expect(envProblems({ DATABASE_URL: "sqlite://x" })).toEqual([expect.stringMatching(/^DATABASE_URL /)]);
  });

  it("DATABASE_POOL_SIZE: 10 by default, a whole number from 1 to 200, named when invalid", () => {
    expect(env("DATABASE_POOL_SIZE", {})).toBe(10);
    expect(env("DATABASE_POOL_SIZE", { DATABASE_POOL_SIZE: "" })).toBe(10);
    expect(env("DATABASE_POOL_SIZE", { DATABASE_POOL_SIZE: "1" })).toBe(1);
    expect(env("DATABASE_POOL_SIZE", { DATABASE_POOL_SIZE: "200" })).toBe(200);
    for (const bad of ["0", "201", "2.5", "ten", "-3"]) {
      expect(() => env("DATABASE_POOL_SIZE", { DATABASE_POOL_SIZE: bad })).toThrow(/^DATABASE_POOL_SIZE=".*" is not valid/);
    }
  });
});
