// Generates the bench database: a NEW SQLite file opened through db/client.ts (so migrations
// apply as in production), filled with prepared statements inside a few big transactions.
// Deterministic for a given seed, size and `now`.
import fs from "node:fs";
import type Database from "better-sqlite3";
import { getDb, getSqlite } from "@/db/client";
import { reconcileIncidentFacts } from "@/db/access/incident-facts";
import { rebuildAllSpend } from "@/db/access/slo-spend-segments";
import { transaction } from "@/db/transaction";
import { hashPassword } from "@/server/auth/password";
import { BENCH_ADMIN_EMAIL, BENCH_PASSWORD, insertCatalog, type Catalog } from "./catalog";
import { planFollowups, type PostmortemPlan } from "./followup-plan";
import { planIncident, planStartTimes, type IncidentPlan } from "./incident-plan";
import { createRandom } from "../random";
import { planTimeline } from "./timeline-plan";

export const DEFAULT_BENCH_INCIDENTS = 100_000;
export const DEFAULT_BENCH_SEED = 20_260_101;
const BATCH = 10_000;

export type GenerateOptions = { file: string; incidents?: number; seed?: number; now?: number; log?: (line: string) => void };
export type GenerateResult = {
  file: string;
  counts: Record<string, number>;
  ms: number;
  bytes: number;
  admin: { id: number; email: string; password: string };
};

const REVIEWED = JSON.stringify({ data: true, impact: true, causes: true, actions: true, stakeholders: true });

function statements(sqlite: Database.Database) {
  return {
    incident: sqlite.prepare(
      `INSERT INTO incidents (title, summary, severity, status, private, drill, started_at, started_at_source, detected_at, detected_at_source,
        declared_at, acknowledged_at, acknowledged_at_source, mitigated_at, mitigated_at_source, resolved_at, resolved_at_source,
        closed_at, closed_at_source, created_by_id, created_by_token_id, version, updated_at)
       VALUES (?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
    ),
    service: sqlite.prepare("INSERT INTO incident_services (incident_id, service_id, impact, linked_at) VALUES (?, ?, ?, ?)"),
    role: sqlite.prepare("INSERT INTO incident_roles (incident_id, user_id, role, assigned_at) VALUES (?, ?, ?, ?)"),
    timeline: sqlite.prepare(
      `INSERT INTO timeline_entries (incident_id, occurred_at, kind, body, author_user_id, author_token_id, author_label, highlighted, meta, created_at)
       VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)`,
    ),
    postmortem: sqlite.prepare(
      `INSERT INTO postmortems (incident_id, status, owner_id, sections, tags, review_checklist, version, created_at, updated_at, submitted_at, published_at, published_by_id)
       VALUES (?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, ?)`,
    ),
    factor: sqlite.prepare("INSERT INTO postmortem_factors (postmortem_id, factor_id) VALUES (?, ?)"),
    reviewer: sqlite.prepare("INSERT INTO postmortem_reviewers (postmortem_id, user_id, added_at) VALUES (?, ?, ?)"),
    actionItem: sqlite.prepare(
      `INSERT INTO action_items (incident_id, title, description, owner_id, due_date, priority, kind, status, tracker_url, service_id, version,
        created_by_id, created_at, updated_at, completed_at)
       VALUES (?, ?, '', ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
    ),
  };
}
type Statements = Awaited<ReturnType<typeof statements>>;

function writeIncident(
  st: Statements,
  plan: IncidentPlan,
  postmortem: PostmortemPlan | null,
  timeline: Awaited<ReturnType<typeof planTimeline>>,
  counts: Record<string, number>,
) {
  const bump = (table: string, n = 1) => (counts[table] = (counts[table] ?? 0) + n);
  const updatedAt = Math.max(plan.declaredAt, plan.acknowledgedAt ?? 0, plan.mitigatedAt ?? 0, plan.resolvedAt ?? 0, plan.closedAt ?? 0);
  const id = Number(
    st.incident.run(
      plan.title,
      plan.severity,
      plan.status,
      plan.private ? 1 : 0,
      plan.drill ? 1 : 0,
      plan.startedAt,
      plan.startedAtSource,
      plan.detectedAt,
      plan.detectedAtSource,
      plan.declaredAt,
      plan.acknowledgedAt,
      plan.acknowledgedAtSource,
      plan.mitigatedAt,
      plan.mitigatedAtSource,
      plan.resolvedAt,
      plan.resolvedAtSource,
      plan.closedAt,
      plan.closedAtSource,
      plan.createdBy.id,
      1 + timeline.length,
      updatedAt,
    ).lastInsertRowid,
  );
  bump("incidents");
  for (const s of plan.services) st.service.run(id, s.serviceId, s.impact, s.linkedAt);
  bump("incident_services", plan.services.length);
  for (const r of plan.roles) st.role.run(id, r.person.id, r.role, r.assignedAt);
  bump("incident_roles", plan.roles.length);
  for (const e of timeline) st.timeline.run(id, e.occurredAt, e.kind, e.body, e.author.id, e.author.name, e.highlighted ? 1 : 0, e.meta, e.occurredAt);
  bump("timeline_entries", timeline.length);
  if (!postmortem) return;

  const pm = postmortem;
  const sections = JSON.stringify({
    summary: `${plan.title}. Impact lasted until mitigation; see the timeline.`,
    lessons: "Alerting caught it; the runbook was out of date.",
  });
  const updatedPm = pm.publishedAt ?? pm.submittedAt ?? pm.createdAt;
  const pmId = Number(
    st.postmortem.run(
      id,
      pm.status,
      pm.owner.id,
      sections,
      pm.status === "published" ? REVIEWED : "{}",
      pm.version,
      pm.createdAt,
      updatedPm,
      pm.submittedAt,
      pm.publishedAt,
      pm.publishedBy?.id ?? null,
    ).lastInsertRowid,
  );
  bump("postmortems");
  for (const f of pm.factorIds) st.factor.run(pmId, f);
  bump("postmortem_factors", pm.factorIds.length);
  if (pm.submittedAt !== null && pm.publishedBy) {
    st.reviewer.run(pmId, pm.publishedBy.id, pm.submittedAt);
    bump("postmortem_reviewers");
  }
  for (const item of pm.items) {
    st.actionItem.run(
      id,
      item.title,
      item.owner.id,
      item.dueDate,
      item.priority,
      item.kind,
      item.status,
      item.trackerUrl,
      item.serviceId,
      pm.owner.id,
      item.createdAt,
      item.updatedAt,
      item.completedAt,
    );
  }
  bump("action_items", pm.items.length);
}

/** Creates `file` (which must not exist) and fills it. Leaves the connection open and pointed at it. */
export async function generateBenchData(options: GenerateOptions): Promise<GenerateResult> {
  const { file, incidents = DEFAULT_BENCH_INCIDENTS, seed = DEFAULT_BENCH_SEED, log = () => {} } = options;
  // Whole minutes, so the same seed and minute give the same rows.
  const now = Math.floor((options.now ?? Date.now()) / 60_000) * 60_000;
  if (fs.existsSync(file)) throw new Error(`${file} already exists; the generator only writes a new database`);
  const started = performance.now();
  // eslint-disable-next-line no-restricted-properties -- points the data layer (getDb) at the new file this generator writes
  process.env.DATABASE_PATH = file;
  const sqlite = getSqlite();
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const random = createRandom(seed);

  // A bigger page cache while loading (index pages stay in memory); the default is restored after.
  const cacheSize = sqlite.pragma("cache_size", { simple: true }) as number;
  sqlite.pragma("cache_size = -262144");
  let catalog: Catalog;
  const counts: Record<string, number> = {};
  try {
    catalog = sqlite.transaction(() => insertCatalog(sqlite, random, passwordHash, now))();
    Object.assign(counts, catalog.counts);
    const st = statements(sqlite);
    const starts = planStartTimes(random, incidents, now);
    const writeBatch = sqlite.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const plan = planIncident(random, catalog, starts[i]!, now);
        const postmortem = planFollowups(random, catalog, plan, plan.roles[0]!.person, now);
        writeIncident(st, plan, postmortem, planTimeline(random, plan, now), counts);
      }
    });
    for (let from = 0; from < incidents; from += BATCH) {
      writeBatch(from, Math.min(incidents, from + BATCH));
      log(`[bench] … ${Math.min(incidents, from + BATCH).toLocaleString("en-US")} incidents written (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
    const factsStarted = performance.now();
    const facts = await transaction((tx) => reconcileIncidentFacts(tx));
    log(`[bench] Incident facts: ${facts.toLocaleString("en-US")} rows in ${((performance.now() - factsStarted) / 1000).toFixed(1)} s`);
    const derived = performance.now();
    const segments = await rebuildAllSpend(getDb());
    // The derived spend, and the settings row that marks it current.
    counts.slo_spend_segments = segments;
    counts.settings = (counts.settings ?? 0) + 1;
    log(`[bench] SLO spend segments derived (${segments.toLocaleString("en-US")}) in ${((performance.now() - derived) / 1000).toFixed(1)} s`);
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  const bytes = fs.statSync(file).size;
  return { file, counts, ms: performance.now() - started, bytes, admin: { id: catalog.admin.id, email: BENCH_ADMIN_EMAIL, password: BENCH_PASSWORD } };
}
