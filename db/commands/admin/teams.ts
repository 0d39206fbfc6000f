import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError, notFound } from "@/lib/errors";
import { requirePermission } from "@/lib/policy";
import { parseInput } from "@/lib/validation/parse";
import { teamSchema } from "@/lib/validation/service";
import { getDb } from "../../client";
import { teamMembers, teams, users } from "../../schema";
import type { Reader } from "../../types";
import { recordAudit } from "../../access/audit";

const nameTaken = () => new AppError("conflict", "A team with this name already exists", { name: "A team with this name already exists" });

function findTeam(tx: Reader, teamId: number) {
  const team = tx.select().from(teams).where(eq(teams.id, teamId)).get();
  if (!team) throw notFound("Team");
  return team;
}

export function createTeam({ actor, input }: { actor: Actor; input: unknown }) {
  requirePermission(actor, "team", "manage");
  const data = parseInput(teamSchema, input);
  return getDb().transaction(
    (tx) => {
      if (
        tx
          .select()
          .from(teams)
          .where(sql`lower(${teams.name}) = lower(${data.name})`)
          .get()
      )
        throw nameTaken();
      const now = Date.now();
      const team = tx.insert(teams).values({ name: data.name, createdAt: now, updatedAt: now }).returning().get();
      recordAudit(tx, actor, { action: "team.create", entityType: "team", entityId: team.id, after: team }, now);
      return team;
    },
    { behavior: "immediate" },
  );
}

export function renameTeam({ actor, teamId, input }: { actor: Actor; teamId: number; input: unknown }) {
  requirePermission(actor, "team", "manage");
  const data = parseInput(teamSchema, input);
  return getDb().transaction(
    (tx) => {
      const before = findTeam(tx, teamId);
      if (
        tx
          .select()
          .from(teams)
          .where(sql`lower(${teams.name}) = lower(${data.name}) AND ${teams.id} <> ${teamId}`)
          .get()
      )
        throw nameTaken();
      const after = tx.update(teams).set({ name: data.name, updatedAt: Date.now() }).where(eq(teams.id, teamId)).returning().get()!;
      recordAudit(tx, actor, { action: "team.rename", entityType: "team", entityId: teamId, before, after });
      return after;
    },
    { behavior: "immediate" },
  );
}

export function deleteTeam({ actor, teamId }: { actor: Actor; teamId: number }) {
  requirePermission(actor, "team", "manage");
  getDb().transaction(
    (tx) => {
      const before = findTeam(tx, teamId);
      // Services it owned become unowned (ON DELETE SET NULL); memberships go with it.
      tx.delete(teams).where(eq(teams.id, teamId)).run();
      recordAudit(tx, actor, { action: "team.delete", entityType: "team", entityId: teamId, before });
    },
    { behavior: "immediate" },
  );
}

export function setTeamMember({ actor, teamId, userId, member }: { actor: Actor; teamId: number; userId: number; member: boolean }) {
  requirePermission(actor, "team", "manage");
  getDb().transaction(
    (tx) => {
      findTeam(tx, teamId);
      const user = tx.select().from(users).where(eq(users.id, userId)).get();
      if (!user) throw new AppError("validation_failed", "No such user", { userId: "No such user" });
      const now = Date.now();
      if (member) {
        const res = tx.insert(teamMembers).values({ teamId, userId, addedAt: now }).onConflictDoNothing().run();
        if (res.changes) recordAudit(tx, actor, { action: "team.member_add", entityType: "team", entityId: teamId, after: { email: user.email } }, now);
      } else {
        const res = tx
          .delete(teamMembers)
          .where(sql`${teamMembers.teamId} = ${teamId} AND ${teamMembers.userId} = ${userId}`)
          .run();
        if (res.changes) recordAudit(tx, actor, { action: "team.member_remove", entityType: "team", entityId: teamId, before: { email: user.email } }, now);
      }
    },
    { behavior: "immediate" },
  );
}
