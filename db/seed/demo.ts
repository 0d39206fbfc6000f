// Fills an empty database with a believable demo: people of each role, teams, a service
// catalogue with SLOs, and ~40 incidents over the last six months with their timelines and
// affected services. Used by `npm run seed:demo`.
import { eq, sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { actorLabel } from "@/lib/actor";
import { DEMO_PASSWORD, DEMO_PEOPLE, type DemoPersonKey } from "@/lib/demo/people";
import { planDemo } from "@/lib/demo/plan";
import { ensureFirstAdmin } from "../bootstrap";
import { ensureDefaultPlaybooks } from "./default-playbooks";
import { ensureDefaultFactors } from "./default-factors";
import { seedDemoPostmortems, type DemoPostmortemResult } from "./demo-postmortems";
import { applyMatchingPlaybooks } from "../queries/checklist";
import { isActive } from "@/lib/incident-status";
import { linkDemoIncident, seedCatalog, unknownLinkedTitles } from "./demo-catalog";
import { getDb } from "../client";
import { auditLog, incidentRoles, incidents, timelineEntries, users } from "../schema";

/** The database already holds incidents; the demo only fills an empty one. */
export class DemoSeedRefused extends Error {}

export type DemoSeedResult = {
  people: { email: string; name: string; role: string; created: boolean }[];
  incidents: number;
  open: number;
  private: number;
  drills: number;
  timelineEntries: number;
  teams: number;
  services: number;
  slos: number;
  postmortems: DemoPostmortemResult["postmortems"];
  actionItems: number;
  password: string;
};

export async function seedDemo({ now = Date.now(), log = console.log }: { now?: number; log?: (line: string) => void } = {}): Promise<DemoSeedResult> {
  const db = getDb();
  await ensureFirstAdmin(log);
  const countIncidents = (d: Pick<typeof db, "select">) => d.select({ n: sql<number>`count(*)` }).from(incidents).get()!.n;
  const refuse = (n: number) =>
    new DemoSeedRefused(`The database already has ${n} incident${n === 1 ? "" : "s"}; the demo only fills an empty database. Point DATABASE_PATH at a new file to try it.`);
  const existing = countIncidents(db);
  if (existing > 0) throw refuse(existing);

  const plan = planDemo(now);
  const unknown = unknownLinkedTitles(plan);
  if (unknown.length) throw new Error(`lib/demo/catalog.ts links incidents that are not in the demo: ${unknown.join("; ")}`);
  // A database from before playbooks existed gets the defaults too (does nothing once any exists).
  ensureDefaultPlaybooks(db);
  // Likewise the contributing-factor taxonomy the demo postmortems use.
  ensureDefaultFactors(db);
  // Hash outside the transaction: argon2 is async, and the transaction callback must be synchronous.
  const missing = DEMO_PEOPLE.filter((p) => !db.select({ id: users.id }).from(users).where(eq(users.email, p.email)).get());
  const hashes = new Map<string, string>();
  for (const person of missing) hashes.set(person.email, await hashPassword(DEMO_PASSWORD));

  const result = db.transaction(
    (tx) => {
      const already = countIncidents(tx);
      if (already > 0) throw refuse(already);

      const ids = new Map<DemoPersonKey, { id: number; name: string; email: string; role: (typeof DEMO_PEOPLE)[number]["role"] }>();
      const people: DemoSeedResult["people"] = [];
      // People joined before the first incident.
      const joined = Math.min(now, ...plan.map((i) => i.declaredAt)) - 14 * 24 * 60 * 60 * 1000;
      for (const person of DEMO_PEOPLE) {
        const found = tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, person.email)).get();
        if (found) {
          ids.set(person.key, { id: found.id, name: found.name, email: person.email, role: person.role });
          people.push({ email: person.email, name: found.name, role: person.role, created: false });
          continue;
        }
        const passwordHash = hashes.get(person.email);
        if (!passwordHash) throw new Error(`${person.email} appeared while seeding; run the seed again`);
        const row = tx
          .insert(users)
          .values({ email: person.email, name: person.name, role: person.role, passwordHash, createdAt: joined, updatedAt: joined })
          .returning({ id: users.id })
          .get();
        tx.insert(auditLog)
          .values({
            at: joined,
            actorLabel: "system",
            action: "user.create",
            entityType: "user",
            entityId: String(row.id),
            after: JSON.stringify({ email: person.email, name: person.name, role: person.role, demo: true }),
          })
          .run();
        ids.set(person.key, { id: row.id, name: person.name, email: person.email, role: person.role });
        people.push({ email: person.email, name: person.name, role: person.role, created: true });
      }
      const who = (key: DemoPersonKey) => ids.get(key)!;
      const catalog = seedCatalog(tx, who, joined);

      let entryCount = 0;
      for (const planned of plan) {
        const { roles, entries, createdBy, declaredSeverity, ...fields } = planned;
        const author = who(createdBy);
        const incident = tx
          .insert(incidents)
          .values({ ...fields, createdById: author.id, createdByTokenId: null })
          .returning({ id: incidents.id })
          .get();
        for (const role of roles) {
          tx.insert(incidentRoles).values({ incidentId: incident.id, userId: who(role.person).id, role: role.role, assignedAt: role.assignedAt }).run();
        }
        for (const entry of entries) {
          const person = who(entry.author);
          tx.insert(timelineEntries)
            .values({
              incidentId: incident.id,
              occurredAt: entry.occurredAt,
              kind: entry.kind,
              body: entry.body,
              authorUserId: person.id,
              authorLabel: person.name,
              highlighted: entry.highlighted,
              meta: entry.meta === null ? null : JSON.stringify(entry.meta),
              createdAt: entry.createdAt,
            })
            .run();
          entryCount += 1;
        }
        entryCount += linkDemoIncident(tx, catalog, planned, incident.id, author);
        const actor = { kind: "user" as const, userId: author.id, role: author.role, email: author.email, name: author.name };
        // Open incidents carry their playbook checklists, as if declared in the app.
        if (isActive(planned.status)) {
          const before = tx.select({ n: sql<number>`count(*)` }).from(timelineEntries).where(eq(timelineEntries.incidentId, incident.id)).get()!.n;
          applyMatchingPlaybooks(tx, actor, { id: incident.id, severity: planned.severity }, [], planned.declaredAt);
          entryCount += tx.select({ n: sql<number>`count(*)` }).from(timelineEntries).where(eq(timelineEntries.incidentId, incident.id)).get()!.n - before;
        }
        tx.insert(auditLog)
          .values({
            at: planned.declaredAt,
            actorUserId: author.id,
            actorLabel: actorLabel(actor),
            action: "incident.declare",
            entityType: "incident",
            entityId: String(incident.id),
            after: JSON.stringify({ id: incident.id, title: planned.title, severity: declaredSeverity, private: planned.private, drill: planned.drill }),
          })
          .run();
      }
      // Postmortems in every state and their action items, on the incidents just written.
      const learning = seedDemoPostmortems(tx, who, now);
      entryCount += learning.timelineEntries;
      tx.insert(auditLog)
        .values({
          at: now,
          actorLabel: "system",
          action: "demo.seed",
          entityType: "database",
          after: JSON.stringify({
            incidents: plan.length,
            people: people.filter((p) => p.created).length,
            teams: catalog.teams,
            services: catalog.services,
            slos: catalog.slos,
          }),
        })
        .run();

      return {
        people,
        incidents: plan.length,
        open: plan.filter((i) => i.status !== "resolved" && i.status !== "closed").length,
        private: plan.filter((i) => i.private).length,
        drills: plan.filter((i) => i.drill).length,
        timelineEntries: entryCount,
        teams: catalog.teams,
        services: catalog.services,
        slos: catalog.slos,
        postmortems: learning.postmortems,
        actionItems: learning.actionItems,
        password: DEMO_PASSWORD,
      };
    },
    { behavior: "immediate" },
  );
  const pm = result.postmortems;
  log(`[seed:demo] Added ${pm.published + pm.in_review + pm.draft} postmortems (${pm.published} published, ${pm.in_review} in review, ${pm.draft} drafts) and ${result.actionItems} action items.`);
  log(`[seed:demo] Added ${result.teams} teams and ${result.services} services with ${result.slos} SLOs; demo incidents are linked to the services they affected.`);
  return result;
}
