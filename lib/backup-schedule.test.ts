import { describe, expect, it } from "vitest";
import {
  BackupConfigError,
  backupFileName,
  backupScheduleFromEnv,
  backupTimeFromName,
  backupsToPrune,
  leftoverPartials,
  nextBackupDelay,
} from "./backup-schedule";

const HOUR = 3_600_000;

describe("backupScheduleFromEnv", () => {
  it("is off without BACKUP_DIR, with defaults of 24 h and 7 backups otherwise", () => {
    expect(backupScheduleFromEnv({})).toBeNull();
    expect(backupScheduleFromEnv({ BACKUP_DIR: "  " })).toBeNull();
    expect(backupScheduleFromEnv({ BACKUP_DIR: "/backups" })).toEqual({ dir: "/backups", intervalMs: 24 * HOUR, keep: 7 });
    expect(backupScheduleFromEnv({ BACKUP_DIR: "/b", BACKUP_INTERVAL_HOURS: "0.5", BACKUP_KEEP: "30" })).toEqual({ dir: "/b", intervalMs: HOUR / 2, keep: 30 });
    expect(backupScheduleFromEnv({ BACKUP_DIR: "/b", BACKUP_INTERVAL_HOURS: "", BACKUP_KEEP: "" })).toEqual({ dir: "/b", intervalMs: 24 * HOUR, keep: 7 });
  });

  it("rejects bad values with a message naming the variable, even with backups off", () => {
    for (const bad of ["0", "-1", "abc", "1e3", "0x10", "24h", "9000", "0.001", " "]) {
      if (bad.trim() === "") continue;
      const attempt = () => backupScheduleFromEnv({ BACKUP_DIR: "/b", BACKUP_INTERVAL_HOURS: bad });
      expect(attempt, bad).toThrow(BackupConfigError);
      expect(attempt, bad).toThrow(/BACKUP_INTERVAL_HOURS/);
    }
    for (const bad of ["0", "-3", "2.5", "seven", "10001", "1e2"]) {
      expect(() => backupScheduleFromEnv({ BACKUP_DIR: "/b", BACKUP_KEEP: bad }), bad).toThrow(/BACKUP_KEEP must be a whole number/);
    }
    expect(() => backupScheduleFromEnv({ BACKUP_KEEP: "0" })).toThrow(/BACKUP_KEEP/);
  });
});

describe("backup file names", () => {
  it("name the UTC time, sort as text, and read back", () => {
    const at = new Date("2026-12-06T00:54:21.987Z");
    expect(backupFileName(at)).toBe("hindsight-20261206T005421Z.db");
    expect(backupTimeFromName("hindsight-20261206T005421Z.db")).toBe(Date.parse("2026-12-06T00:54:21Z"));
    for (const other of [
      "hindsight.db",
      "hindsight-20261306T005421Z.db",
      "hindsight-20261206T005421Z.db-wal",
      "x-hindsight-20261206T005421Z.db",
      "hindsight-20261206T005421Z.db.auth-secret",
      "notes.txt",
    ]) {
      expect(backupTimeFromName(other), other).toBeNull();
    }
  });
});

describe("backupsToPrune", () => {
  const names = [
    "hindsight-20261201T000000Z.db",
    "hindsight-20261203T000000Z.db",
    "hindsight-20261202T000000Z.db",
    "hindsight-20261204T000000Z.db",
    "hindsight.db",
    "my-own-copy.db",
    "hindsight-20261101T000000Z.db.keep",
    ".hindsight-20261205T000000Z.db.partial-1-ab",
  ];

  it("deletes the oldest scheduled backups beyond KEEP and never another file", () => {
    expect(backupsToPrune(names, 2)).toEqual(["hindsight-20261202T000000Z.db", "hindsight-20261201T000000Z.db"]);
    expect(backupsToPrune(names, 4)).toEqual([]);
    expect(backupsToPrune(names, 1)).toHaveLength(3);
    expect(backupsToPrune(["notes.txt"], 1)).toEqual([]);
  });
});

describe("leftoverPartials", () => {
  it("finds only the temp files of cut-short scheduled backups", () => {
    expect(
      leftoverPartials([
        ".hindsight-20261205T000000Z.db.partial-4242-0a1b2c3d",
        "hindsight-20261205T000000Z.db",
        ".hindsight-20261205T000000Z.db.partial-4242-0a1b2c3d-journal",
        ".mine.db.partial-1-ab",
        "hindsight.db",
      ]),
    ).toEqual([".hindsight-20261205T000000Z.db.partial-4242-0a1b2c3d"]);
  });
});

describe("nextBackupDelay", () => {
  const now = Date.parse("2026-12-06T12:00:00Z");

  it("backs up at once when there is no backup or the newest is older than the interval", () => {
    expect(nextBackupDelay(now, [], 24 * HOUR)).toBe(0);
    expect(nextBackupDelay(now, ["notes.txt"], 24 * HOUR)).toBe(0);
    expect(nextBackupDelay(now, ["hindsight-20261205T110000Z.db"], 24 * HOUR)).toBe(0);
  });

  it("otherwise waits until an interval after the newest backup, never longer than one interval", () => {
    expect(nextBackupDelay(now, ["hindsight-20261206T060000Z.db", "hindsight-20261205T060000Z.db"], 24 * HOUR)).toBe(18 * HOUR);
    // A backup stamped in the future (the clock went back) does not postpone the next one further.
    expect(nextBackupDelay(now, ["hindsight-20261210T000000Z.db"], 24 * HOUR)).toBe(24 * HOUR);
  });
});
