// Fills an empty database with a believable demo: people of each role, teams, a service
// catalogue with SLOs, and ~40 incidents over the last six months with their timelines and
// affected services, a third of them declared by the alerting integration's API token.
// Used by `npm run seed:demo`.
import { createHash, randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { hashPassword } from "@/server/auth/password";
import { actorLabel, type Actor } from "@/lib/actor";
import { DEMO_ALERT_TOKEN, DEMO_PASSWORD, DEMO_PEOPLE, type DemoPersonKey } from "@/db/seed/demo/people";
import { ALERTING, planDemo, type DemoAuthor, type PlannedIncident } from "@/db/seed/demo/plan";
import { ensureFirstAdmin } from "../../bootstrap";
import { ensureDefaultPlaybooks } from "../defaults/default-playbooks";
import { ensureDefaultFactors } from "../defaults/default-factors";
import { seedDemoPostmortems, type DemoPostmortemResult } from "./write-postmortems";
import { applyMatchingPlaybooks } from "../../commands/incidents/checklist";
import { isActive } from "@/lib/incident-status";
import { linkDemoIncident, seedCatalog, unknownLinkedTitles, type DemoWriter } from "./write-catalog";
import { getDb } from "../../client";
import { reconcileIncidentFacts } from "../../access/incident-facts";
import { deriveAllSpend } from "../../access/slo-spend-segments";
import type { Reader, Writer } from "../../types";
import { apiTokens, auditLog, incidentRoles, incidents, timelineEntries, users } from "../../schema";
import { transaction } from "../../transaction";

/** The database already holds incidents; the demo only fills an empty one. */
export class DemoSeedRefused extends Error {}

export type DemoSeedResult = {
  people: { email: string; name: string; role: string; created: boolean }[];
  incidents: number;
  open: number;
  private: number;
  drills: number;
  /** Declared by the alerting integration's API token (DEMO_ALERT_TOKEN) rather than a person. */
  alertDeclared: number;
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
  const countIncidents = async (d: Reader) => (await d.select({ n: sql<number>`count(*)` }).from(incidents))[0]!.n;
  const refuse = (n: number) =>
    new DemoSeedRefused(
      `The database already has ${n} incident${n === 1 ? "" : "s"}; the demo only fills an empty database. Point DATABASE_PATH at a new file to try it.`,
    );
  const existing = await countIncidents(db);
  if (existing > 0) throw refuse(existing);

  const plan = planDemo(now);
  const unknown = unknownLinkedTitles(plan);
  if (unknown.length) throw new Error(`db/seed/demo/catalog.ts links incidents that are not in the demo: ${unknown.join("; ")}`);
  // A database from before playbooks existed gets the defaults too (does nothing once any exists).
  await ensureDefaultPlaybooks(db);
  // Likewise the contributing-factor taxonomy the demo postmortems use.
  await ensureDefaultFactors(db);
  // Hash outside the transaction: argon2 is async, and the transaction callback must be synchronous.
  const missing: (typeof DEMO_PEOPLE)[number][] = [];
  for (const p of DEMO_PEOPLE) if (!(await db.select({ id: users.id }).from(users).where(eq(users.email, p.email)))[0]) missing.push(p);
  const hashes = new Map<string, string>();
  for (const person of missing) hashes.set(person.email, await hashPassword(DEMO_PASSWORD));

  const result = await transaction(async (tx) => {
    const already = await countIncidents(tx);
    if (already > 0) throw refuse(already);

    const ids = new Map<DemoPersonKey, { id: number; name: string; email: string; role: (typeof DEMO_PEOPLE)[number]["role"] }>();
    const people: DemoSeedResult["people"] = [];
    // People joined before the first incident.
    const joined = Math.min(now, ...plan.map((i) => i.declaredAt)) - 14 * 24 * 60 * 60 * 1000;
    for (const person of DEMO_PEOPLE) {
      const found = (await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, person.email)))[0];
      if (found) {
        ids.set(person.key, { id: found.id, name: found.name, email: person.email, role: person.role });
        people.push({ email: person.email, name: found.name, role: person.role, created: false });
        continue;
      }
      const passwordHash = hashes.get(person.email);
      if (!passwordHash) throw new Error(`${person.email} appeared while seeding; run the seed again`);
      const row = (
        await tx
          .insert(users)
          .values({ email: person.email, name: person.name, role: person.role, passwordHash, createdAt: joined, updatedAt: joined })
          .returning({ id: users.id })
      )[0]!;
      await tx.insert(auditLog).values({
        at: joined,
        actorLabel: "system",
        action: "user.create",
        entityType: "user",
        entityId: String(row.id),
        after: JSON.stringify({ email: person.email, name: person.name, role: person.role, demo: true }),
      });
      ids.set(person.key, { id: row.id, name: person.name, email: person.email, role: person.role });
      people.push({ email: person.email, name: person.name, role: person.role, created: true });
    }
    const who = (key: DemoPersonKey) => ids.get(key)!;
    const catalog = await seedCatalog(tx, who, joined);
    const alerting = await createAlertToken(tx, plan, who("priya"), joined);
    const actorOf = (author: DemoAuthor): Actor => {
      if (author === ALERTING) {
        if (!alerting) throw new Error("An alert-declared demo incident without the alerting token");
        return alerting;
      }
      const person = who(author);
      return { kind: "user", userId: person.id, role: person.role, email: person.email, name: person.name };
    };
    const writerOf = (author: DemoAuthor): DemoWriter => {
      const actor = actorOf(author);
      return { userId: actor.kind === "user" ? actor.userId : null, tokenId: actor.kind === "token" ? actor.tokenId : null, label: actorLabel(actor) };
    };

    let entryCount = 0;
    for (const planned of plan) {
      const { roles, entries, declaredBy, firstCommander, declaredSeverity, ...fields } = planned;
      const declarer = writerOf(declaredBy);
      // As the app records it: a token-declared incident has a token and no person as its creator.
      const incident = (
        await tx
          .insert(incidents)
          .values({ ...fields, createdById: declarer.userId, createdByTokenId: declarer.tokenId })
          .returning({ id: incidents.id })
      )[0]!;
      for (const role of roles) {
        await tx.insert(incidentRoles).values({ incidentId: incident.id, userId: who(role.person).id, role: role.role, assignedAt: role.assignedAt });
      }
      for (const entry of entries) {
        const author = writerOf(entry.author);
        await tx.insert(timelineEntries).values({
          incidentId: incident.id,
          occurredAt: entry.occurredAt,
          kind: entry.kind,
          body: entry.body,
          authorUserId: author.userId,
          authorTokenId: author.tokenId,
          authorLabel: author.label,
          highlighted: entry.highlighted,
          meta: entry.meta === null ? null : JSON.stringify(entry.meta),
          createdAt: entry.createdAt,
        });
        entryCount += 1;
      }
      entryCount += await linkDemoIncident(tx, catalog, planned, incident.id, declarer, who(firstCommander));
      // Open incidents carry their playbook checklists, as if declared in the app.
      if (isActive(planned.status)) {
        const before = (
          await tx
            .select({ n: sql<number>`count(*)` })
            .from(timelineEntries)
            .where(eq(timelineEntries.incidentId, incident.id))
        )[0]!.n;
        await applyMatchingPlaybooks(tx, actorOf(declaredBy), { id: incident.id, severity: planned.severity }, [], planned.declaredAt);
        entryCount +=
          (
            await tx
              .select({ n: sql<number>`count(*)` })
              .from(timelineEntries)
              .where(eq(timelineEntries.incidentId, incident.id))
          )[0]!.n - before;
      }
      await tx.insert(auditLog).values({
        at: planned.declaredAt,
        actorUserId: declarer.userId,
        actorTokenId: declarer.tokenId,
        actorLabel: declarer.label,
        action: "incident.declare",
        entityType: "incident",
        entityId: String(incident.id),
        after: JSON.stringify({ id: incident.id, title: planned.title, severity: declaredSeverity, private: planned.private, drill: planned.drill }),
      });
    }
    // Postmortems in every state and their action items, on the incidents just written.
    const learning = await seedDemoPostmortems(tx, who, now);
    entryCount += learning.timelineEntries;
    await tx.insert(auditLog).values({
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
    });
    // Rows above went in directly, so the derived spend segments are built from them once.
    await deriveAllSpend(tx);

    return {
      people,
      incidents: plan.length,
      open: plan.filter((i) => i.status !== "resolved" && i.status !== "closed").length,
      private: plan.filter((i) => i.private).length,
      drills: plan.filter((i) => i.drill).length,
      alertDeclared: plan.filter((i) => i.declaredBy === ALERTING).length,
      timelineEntries: entryCount,
      teams: catalog.teams,
      services: catalog.services,
      slos: catalog.slos,
      postmortems: learning.postmortems,
      actionItems: learning.actionItems,
      password: DEMO_PASSWORD,
    };
  });
  await transaction((tx) => reconcileIncidentFacts(tx));
  const pm = result.postmortems;
  log(
    `[seed:demo] Added ${pm.published + pm.in_review + pm.draft} postmortems (${pm.published} published, ${pm.in_review} in review, ${pm.draft} drafts) and ${result.actionItems} action items.`,
  );
  log(
    `[seed:demo] Added ${result.teams} teams and ${result.services} services with ${result.slos} SLOs; demo incidents are linked to the services they affected.`,
  );
  return result;
}

/**
 * The alerting integration's API token (DEMO_ALERT_TOKEN), as an admin would have created it
 * for Alertmanager before the first incident it declared: a stored hash of a secret nobody is
 * shown (the demo only needs its name on what it declared), last used at its latest declaration.
 * Null when no demo incident is alert-declared.
 */
async function createAlertToken(
  tx: Writer,
  plan: PlannedIncident[],
  admin: { id: number; name: string; email: string },
  at: number,
): Promise<Extract<Actor, { kind: "token" }> | null> {
  const declared = plan.filter((i) => i.declaredBy === ALERTING).map((i) => i.declaredAt);
  if (declared.length === 0) return null;
  // The shape db/queries/tokens.ts gives every token: "hs_" + 32 random bytes, stored as a SHA-256 hash.
  const secret = "hs_" + randomBytes(32).toString("base64url");
  const row = (
    await tx
      .insert(apiTokens)
      .values({
        name: DEMO_ALERT_TOKEN.name,
        role: DEMO_ALERT_TOKEN.role,
        tokenHash: createHash("sha256").update(secret).digest("hex"),
        prefix: secret.slice(0, 10),
        createdById: admin.id,
        createdAt: at,
        lastUsedAt: Math.max(...declared),
      })
      .returning({ id: apiTokens.id, name: apiTokens.name, role: apiTokens.role, prefix: apiTokens.prefix })
  )[0]!;
  await tx.insert(auditLog).values({
    at,
    actorUserId: admin.id,
    actorLabel: admin.name,
    action: "token.create",
    entityType: "api_token",
    entityId: String(row.id),
    after: JSON.stringify(row),
  });
  return { kind: "token", tokenId: row.id, role: row.role, name: row.name };
}
