// A small Hindsight SQLite database for the db:copy tests, written with plain inserts (no app
// commands): every kind of column the copy converts, a deleted incident, text that needs escaping.
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import path from "node:path";

export const AWKWARD_TEXT = `quotes " ' and \\ backslashes, {braces}, commas, NULL, a tab\tand a newline\n, emoji 🚒, accents é, 漢字`;

export const LIVE_INCIDENTS = 4;
/** The highest incident id SQLite handed out (incident 5 was deleted), so PostgreSQL must continue at 6. */
export const HIGHEST_INCIDENT_ID = 5;

/** Creates `file` as a migrated Hindsight database holding a few rows in most tables. */
export function createCopySource(file: string): void {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  migrate(drizzle(sqlite), { migrationsFolder: path.join(process.cwd(), "db", "migrations") });
  const t = 1_764_000_000_000;
  sqlite.exec(`
    INSERT INTO users (id, email, name, password_hash, role, disabled, session_version, created_at, updated_at) VALUES
      (1, 'admin@example.test', 'Admin', 'hash-1', 'admin', 0, 1, ${t}, ${t}),
      (2, 'gone@example.test', 'Former ''Responder''', 'hash-2', 'responder', 1, 3, ${t}, ${t + 1});
    INSERT INTO api_tokens (id, name, token_hash, prefix, role, created_by_id, created_at, last_used_at, revoked_at) VALUES
      (1, 'ci', 'token-hash', 'hs_abc', 'responder', 1, ${t}, NULL, NULL);
    INSERT INTO teams (id, name, created_at, updated_at) VALUES (1, 'Payments', ${t}, ${t});
    INSERT INTO team_members (team_id, user_id, added_at) VALUES (1, 1, ${t}), (1, 2, ${t});
    INSERT INTO services (id, slug, name, description, team_id, tier, runbook_url, links, created_at, updated_at) VALUES
      (1, 'checkout', 'Checkout', '', 1, 1, NULL, '[{"label":"Dashboard","url":"https://grafana.example.test/d/1"}]', ${t}, ${t});
    INSERT INTO slos (id, service_id, name, objective, window_days, created_at, updated_at) VALUES
      (1, 1, 'Availability', 99.95, 28, ${t}, ${t}), (2, 1, 'Latency', 0.1, 7, ${t}, ${t});
    INSERT INTO settings (key, value, updated_at) VALUES ('postmortem_required', '{"severities":["SEV1","SEV2"]}', ${t});
    INSERT INTO login_attempts (email, ip, at, success) VALUES ('admin@example.test', '127.0.0.1', ${t}, 1), ('x@example.test', '::1', ${t}, 0);
  `);
  const incident = sqlite.prepare(
    `INSERT INTO incidents (id, title, summary, severity, status, private, drill, started_at, started_at_source, declared_at, resolved_at, resolved_at_source, created_by_id, created_by_token_id, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'manual', ?, ?, ?, ?, ?, ?)`,
  );
  const entry = sqlite.prepare(
    `INSERT INTO timeline_entries (incident_id, occurred_at, kind, body, author_user_id, author_label, highlighted, meta, created_at) VALUES (?, ?, 'note', ?, 1, 'Admin', ?, ?, ?)`,
  );
  for (let id = 1; id <= LIVE_INCIDENTS; id++) {
    const resolved = id % 2 === 0 ? t + id * 60_000 : null;
    incident.run(
      id,
      `Incident ${id}: ${AWKWARD_TEXT}`,
      id === 1 ? AWKWARD_TEXT : "",
      `SEV${id}`,
      resolved ? "resolved" : "investigating",
      id === 3 ? 1 : 0,
      id === 2 ? 1 : 0,
      t + id,
      t + id,
      resolved,
      resolved ? "status_change" : null,
      1,
      id === 1 ? 1 : null,
      t + id,
    );
    for (let n = 0; n < 3; n++)
      entry.run(id, t + id * 1000 + n, `${AWKWARD_TEXT} #${n}`, n === 0 ? 1 : 0, n === 1 ? JSON.stringify({ from: "investigating", n }) : null, t);
  }
  sqlite.exec(`
    INSERT INTO incident_roles (incident_id, user_id, role, assigned_at) VALUES (1, 1, 'commander', ${t}), (1, 2, 'responder', ${t});
    INSERT INTO incident_services (incident_id, service_id, impact, linked_at) VALUES (1, 1, 'degraded', ${t});
    INSERT INTO idempotency_keys (actor_key, key, incident_id, created_at, request_hash) VALUES ('token:1', 'déclare-1', 1, ${t}, NULL), ('user:1', 'Z', 2, ${t}, 'abc');
    INSERT INTO slo_spend_segments (slo_id, start, "end", incident_id, weight) VALUES (1, ${t}, ${t + 3_600_000}, 1, 0.3333333333333333);
  `);
  // The highest incident is deleted: its number must not be handed out again after the move.
  sqlite.exec(`INSERT INTO incidents (id, title, severity, status, started_at, started_at_source, declared_at, updated_at) VALUES (5, 'deleted', 'SEV4', 'closed', ${t}, 'manual', ${t}, ${t});
    DELETE FROM incidents WHERE id = 5;`);
  sqlite.close();
}
