import "server-only";
import { asc, count, eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { hasRole } from "@/lib/roles";
import { parseInput } from "@/lib/validation/parse";
import { teamSchema } from "@/lib/validation/service";
import { getDb } from "../client";
import { services, teamMembers, teams, users } from "../schema";
import { recordAudit } from "../access/audit";

const requireAdmin = (actor: Actor) => {
  if (!hasRole(actor.role, "admin")) throw forbidden("Only admins can manage teams");
};

export type TeamWithMembers = { id: number; name: string; members: { id: number; name: string; email: string }[]; serviceCount: number };

export function listTeams(): TeamWithMembers[] {
  const db = getDb();
  const rows = db
    // A join, not a correlated subquery: in a single-table select drizzle leaves columns in
    // `sql` fields unqualified, so `team_id = id` compared services with themselves.
    .select({ id: teams.id, name: teams.name, serviceCount: count(services.id) })
    .from(teams)
    .leftJoin(services, eq(services.teamId, teams.id))
    .groupBy(teams.id)
    .orderBy(asc(teams.name))
    .all();
  const members = db
    .select({ teamId: teamMembers.teamId, id: users.id, name: users.name, email: users.email })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .orderBy(asc(users.name))
    .all();
  return rows.map((t) => ({ ...t, members: members.filter((m) => m.teamId === t.id).map(({ teamId: _t, ...m }) => m) }));
}

export function createTeam({ actor, input }: { actor: Actor; input: unknown }) {
  requireAdmin(actor);
  const data = parseInput(teamSchema, input);
  return getDb().transaction(
    (tx) => {
      if (tx.select().from(teams).where(sql`lower(${teams.name}) = lower(${data.name})`).get()) {
        throw new AppError("conflict", "A team with this name already exists", { name: "A team with this name already exists" });
      }
      const now = Date.now();
      const team = tx.insert(teams).values({ name: data.name, createdAt: now, updatedAt: now }).returning().get();
      recordAudit(tx, actor, { action: "team.create", entityType: "team", entityId: team.id, after: team }, now);
      return team;
    },
    { behavior: "immediate" },
  );
}

export function renameTeam({ actor, teamId, input }: { actor: Actor; teamId: number; input: unknown }) {
  requireAdmin(actor);
  const data = parseInput(teamSchema, input);
  return getDb().transaction(
    (tx) => {
      const before = tx.select().from(teams).where(eq(teams.id, teamId)).get();
      if (!before) throw notFound("Team");
      const clash = tx.select().from(teams).where(sql`lower(${teams.name}) = lower(${data.name}) AND ${teams.id} <> ${teamId}`).get();
      if (clash) throw new AppError("conflict", "A team with this name already exists", { name: "A team with this name already exists" });
      const after = tx.update(teams).set({ name: data.name, updatedAt: Date.now() }).where(eq(teams.id, teamId)).returning().get()!;
      recordAudit(tx, actor, { action: "team.rename", entityType: "team", entityId: teamId, before, after });
      return after;
    },
    { behavior: "immediate" },
  );
}

export function deleteTeam({ actor, teamId }: { actor: Actor; teamId: number }) {
  requireAdmin(actor);
  getDb().transaction(
    (tx) => {
      const before = tx.select().from(teams).where(eq(teams.id, teamId)).get();
      if (!before) throw notFound("Team");
      // Services it owned become unowned (ON DELETE SET NULL); memberships go with it.
      tx.delete(teams).where(eq(teams.id, teamId)).run();
      recordAudit(tx, actor, { action: "team.delete", entityType: "team", entityId: teamId, before });
    },
    { behavior: "immediate" },
  );
}

export function setTeamMember({ actor, teamId, userId, member }: { actor: Actor; teamId: number; userId: number; member: boolean }) {
  requireAdmin(actor);
  getDb().transaction(
    (tx) => {
      if (!tx.select().from(teams).where(eq(teams.id, teamId)).get()) throw notFound("Team");
      const user = tx.select().from(users).where(eq(users.id, userId)).get();
      if (!user) throw new AppError("validation_failed", "No such user", { userId: "No such user" });
      const now = Date.now();
      if (member) {
        const res = tx.insert(teamMembers).values({ teamId, userId, addedAt: now }).onConflictDoNothing().run();
        if (res.changes) recordAudit(tx, actor, { action: "team.member_add", entityType: "team", entityId: teamId, after: { email: user.email } }, now);
      } else {
        const res = tx.delete(teamMembers).where(sql`${teamMembers.teamId} = ${teamId} AND ${teamMembers.userId} = ${userId}`).run();
        if (res.changes) recordAudit(tx, actor, { action: "team.member_remove", entityType: "team", entityId: teamId, before: { email: user.email } }, now);
      }
    },
    { behavior: "immediate" },
  );
}
