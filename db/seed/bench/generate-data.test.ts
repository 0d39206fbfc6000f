// Invariants of the `npm run bench` data generator (scripts/bench), on a small size.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, getSqlite } from "../../client";
import { findUserByEmail } from "../../access/users";
import { readOrgTimeZone as getOrgTimeZone, readRequiredSeverities as getRequiredSeverities } from "../../access/settings";
import { timestampOrderErrors } from "@/lib/incident-timestamps";
import { verifyPassword } from "@/server/auth/password";
import { generateBenchData, type GenerateResult } from "@/db/seed/bench/generate-data";

const SIZE = 500;
const NOW = Date.parse("2026-03-15T10:30:00Z");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hindsight-bench-test-"));
let result: GenerateResult;

const rows = <T>(sql: string, ...params: unknown[]) =>
  getSqlite()
    .prepare(sql)
    .all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]) =>
  getSqlite()
    .prepare(sql)
    .get(...params) as T;
const count = (sql: string) => one<{ n: number }>(sql).n;
/** The query counts no offending row. */
const expectNone = (sql: string) => expect(count(sql), sql).toBe(0);

/** A digest of the generated rows (what determinism is about), without volatile columns. */
function digest(): string {
  const hash = createHash("sha256");
  for (const table of ["incidents", "incident_services", "incident_roles", "timeline_entries", "postmortems", "postmortem_factors", "action_items"]) {
    hash.update(JSON.stringify(rows(`SELECT * FROM ${table} ORDER BY rowid`)));
  }
  return hash.digest("hex");
}

beforeAll(async () => {
  result = await generateBenchData({ file: path.join(dir, "bench.db"), incidents: SIZE, now: NOW });
}, 60_000);

afterAll(async () => {
  await closeDatabase();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("bench data generator", () => {
  it("writes the requested size and reports what it wrote", () => {
    expect(count("SELECT count(*) n FROM incidents")).toBe(SIZE);
    for (const [table, n] of Object.entries(result.counts)) {
      expect(count(`SELECT count(*) n FROM ${table}`), table).toBe(n);
    }
    expect(count("SELECT count(*) n FROM users")).toBe(60);
    expect(count("SELECT count(*) n FROM teams")).toBe(8);
    expect(count("SELECT count(*) n FROM services")).toBe(40);
    expect(count("SELECT count(*) n FROM slos")).toBeGreaterThanOrEqual(48);
    expect(count("SELECT count(*) n FROM contributing_factors")).toBe(8);
    expect(result.bytes).toBeGreaterThan(0);
  });

  it("keeps foreign keys and the database intact", () => {
    expect(rows("PRAGMA foreign_key_check")).toEqual([]);
    expect(one<{ integrity_check: string }>("PRAGMA integrity_check").integrity_check).toBe("ok");
  });

  it("keeps every timestamp in the order DESIGN.md requires and none in the future", () => {
    type Row = { [K in "detected_at" | "acknowledged_at" | "mitigated_at" | "resolved_at" | "closed_at"]: number | null } & {
      started_at: number;
      declared_at: number;
    };
    const incidents = rows<Row>("SELECT started_at, detected_at, declared_at, acknowledged_at, mitigated_at, resolved_at, closed_at FROM incidents");
    for (const i of incidents) {
      const set = {
        startedAt: i.started_at,
        detectedAt: i.detected_at,
        declaredAt: i.declared_at,
        acknowledgedAt: i.acknowledged_at,
        mitigatedAt: i.mitigated_at,
        resolvedAt: i.resolved_at,
        closedAt: i.closed_at,
      };
      expect(timestampOrderErrors(set, NOW)).toEqual({});
      expect(i.declared_at).toBeGreaterThanOrEqual(i.started_at);
      if (i.detected_at !== null) expect(i.declared_at).toBeGreaterThanOrEqual(i.detected_at);
      expect(i.started_at).toBeGreaterThan(NOW - 731 * 86_400_000);
    }
    // A timestamp and its source are set together.
    for (const f of ["detected", "acknowledged", "mitigated", "resolved", "closed"]) {
      expect(count(`SELECT count(*) n FROM incidents WHERE (${f}_at IS NULL) <> (${f}_at_source IS NULL)`), f).toBe(0);
    }
  });

  it("gives statuses that match the timestamps", () => {
    expectNone("SELECT count(*) n FROM incidents WHERE status IN ('resolved','closed') AND resolved_at IS NULL");
    expectNone("SELECT count(*) n FROM incidents WHERE status NOT IN ('resolved','closed') AND resolved_at IS NOT NULL");
    expectNone("SELECT count(*) n FROM incidents WHERE (status = 'closed') <> (closed_at IS NOT NULL)");
    expectNone("SELECT count(*) n FROM incidents WHERE status = 'monitoring' AND mitigated_at IS NULL");
    // Open ones are recent.
    expect(count(`SELECT count(*) n FROM incidents WHERE resolved_at IS NULL AND started_at < ${NOW - 31 * 86_400_000}`)).toBe(0);
  });

  it("mixes severities, drills, private incidents, missing and reconstructed timestamps", () => {
    const bySeverity = Object.fromEntries(
      rows<{ severity: string; n: number }>("SELECT severity, count(*) n FROM incidents GROUP BY 1").map((r) => [r.severity, r.n]),
    );
    expect(bySeverity.SEV3! + bySeverity.SEV4!).toBeGreaterThan(SIZE * 0.7);
    expect(bySeverity.SEV1!).toBeGreaterThan(0);
    expect(bySeverity.SEV1!).toBeLessThan(SIZE * 0.1);
    expect(count("SELECT count(*) n FROM incidents WHERE detected_at IS NULL")).toBeGreaterThan(0);
    expect(count("SELECT count(*) n FROM incidents WHERE started_at_source IN ('manual','backdated')")).toBeGreaterThan(0);
    expect(count("SELECT count(*) n FROM incidents WHERE private = 1")).toBeGreaterThan(0);
  });

  it("links 1–2 services, one commander and 4–8 timeline entries to each incident", () => {
    expectNone("SELECT count(*) n FROM (SELECT incident_id, count(*) c FROM incident_services GROUP BY 1) WHERE c NOT BETWEEN 1 AND 2");
    expectNone("SELECT count(*) n FROM incidents WHERE id NOT IN (SELECT incident_id FROM incident_services)");
    expectNone("SELECT count(*) n FROM incidents i WHERE (SELECT count(*) FROM incident_roles r WHERE r.incident_id = i.id AND r.role = 'commander') <> 1");
    expectNone(
      "SELECT count(*) n FROM incidents i WHERE (SELECT count(*) FROM incident_roles r WHERE r.incident_id = i.id AND r.role = 'responder') NOT BETWEEN 1 AND 3",
    );
    expectNone("SELECT count(*) n FROM incidents i WHERE (SELECT count(*) FROM timeline_entries t WHERE t.incident_id = i.id) NOT BETWEEN 4 AND 8");
    expectNone("SELECT count(*) n FROM timeline_entries t JOIN incidents i ON i.id = t.incident_id WHERE t.occurred_at > " + NOW);
  });

  it("writes postmortems only for resolved incidents, published after resolution, with 1–3 factors", () => {
    expectNone("SELECT count(*) n FROM postmortems p JOIN incidents i ON i.id = p.incident_id WHERE i.resolved_at IS NULL OR i.drill = 1");
    expectNone("SELECT count(*) n FROM postmortems WHERE (status = 'published') <> (published_at IS NOT NULL)");
    expectNone(
      "SELECT count(*) n FROM postmortems p JOIN incidents i ON i.id = p.incident_id WHERE p.published_at < i.resolved_at OR p.created_at < i.resolved_at",
    );
    expectNone(
      "SELECT count(*) n FROM postmortems p JOIN incidents i ON i.id = p.incident_id WHERE p.status = 'published' AND (i.status <> 'closed' OR i.closed_at <> p.published_at)",
    );
    expectNone("SELECT count(*) n FROM postmortems p WHERE (SELECT count(*) FROM postmortem_factors f WHERE f.postmortem_id = p.id) NOT BETWEEN 1 AND 3");
    const major = one<{ rate: number }>(
      "SELECT avg(p.id IS NOT NULL) rate FROM incidents i LEFT JOIN postmortems p ON p.incident_id = i.id WHERE i.severity IN ('SEV1','SEV2') AND i.resolved_at IS NOT NULL AND i.drill = 0",
    );
    expect(major.rate).toBeGreaterThan(0.7);
  });

  it("gives action items due dates after creation and completion times exactly when finished", () => {
    expectNone("SELECT count(*) n FROM action_items WHERE due_date <= date(created_at / 1000, 'unixepoch')");
    expectNone("SELECT count(*) n FROM action_items WHERE (status IN ('done','wont_do')) <> (completed_at IS NOT NULL)");
    expect(count(`SELECT count(*) n FROM action_items WHERE completed_at < created_at OR completed_at > ${NOW}`)).toBe(0);
    expectNone("SELECT count(*) n FROM action_items a WHERE a.incident_id NOT IN (SELECT incident_id FROM postmortems)");
    expectNone("SELECT count(*) n FROM (SELECT incident_id, count(*) c FROM action_items GROUP BY 1) WHERE c > 4");
  });

  it("configures the organisation and a known admin", async () => {
    expect(await getOrgTimeZone()).toBe("Europe/Berlin");
    expect(await getRequiredSeverities()).toEqual(["SEV1", "SEV2"]);
    const admin = (await findUserByEmail(result.admin.email))!;
    expect(admin.role).toBe("admin");
    expect(await verifyPassword(admin.passwordHash, result.admin.password)).toBe(true);
  });

  it("is deterministic for a seed, size and time", async () => {
    const first = digest();
    await generateBenchData({ file: path.join(dir, "again.db"), incidents: SIZE, now: NOW });
    expect(digest()).toBe(first);
  });

  it("refuses to write into an existing file", async () => {
    await expect(generateBenchData({ file: result.file, incidents: 10, now: NOW })).rejects.toThrow(/already exists/);
  });
});
