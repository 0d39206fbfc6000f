import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError, notFound } from "@/lib/errors";
import { requirePermission } from "@/lib/policy";
import { parseInput } from "@/lib/validation/parse";
import { teamSchema } from "@/lib/validation/service";
import { teamMembers, teams, users } from "../../schema";
import type { Reader } from "../../types";
import { recordAudit } from "../../access/audit";
import { changedRows } from "../../sql";
import { transaction } from "../../transaction";

const nameTaken = () => new AppError("conflict", "A team with this name already exists", { name: "A team with this name already exists" });

async function findTeam(tx: Reader, teamId: number) {
  const team = (await tx.select().from(teams).where(eq(teams.id, teamId)))[0];
  if (!team) throw notFound("Team");
  return team;
}

export async function createTeam({ actor, input }: { actor: Actor; input: unknown }) {
  requirePermission(actor, "team", "manage");
  const data = parseInput(teamSchema, input);
  return await transaction(async (tx) => {
    if (
      (
        await tx
          .select()
          .from(teams)
          .where(sql`lower(${teams.name}) = lower(${data.name})`)
      )[0]
    )
      throw nameTaken();
    const now = Date.now();
    const team = (await tx.insert(teams).values({ name: data.name, createdAt: now, updatedAt: now }).returning())[0]!;
    await recordAudit(tx, actor, { action: "team.create", entityType: "team", entityId: team.id, after: team }, now);
    return team;
  });
}

export async function renameTeam({ actor, teamId, input }: { actor: Actor; teamId: number; input: unknown }) {
  requirePermission(actor, "team", "manage");
  const data = parseInput(teamSchema, input);
  return await transaction(async (tx) => {
    const before = await findTeam(tx, teamId);
    if (
      (
        await tx
          .select()
          .from(teams)
          .where(sql`lower(${teams.name}) = lower(${data.name}) AND ${teams.id} <> ${teamId}`)
      )[0]
    )
      throw nameTaken();
    const after = (await tx.update(teams).set({ name: data.name, updatedAt: Date.now() }).where(eq(teams.id, teamId)).returning())[0]!;
    await recordAudit(tx, actor, { action: "team.rename", entityType: "team", entityId: teamId, before, after });
    return after;
  });
}

export async function deleteTeam({ actor, teamId }: { actor: Actor; teamId: number }) {
  requirePermission(actor, "team", "manage");
  await transaction(async (tx) => {
    const before = await findTeam(tx, teamId);
    // Services it owned become unowned (ON DELETE SET NULL); memberships go with it.
    await tx.delete(teams).where(eq(teams.id, teamId));
    await recordAudit(tx, actor, { action: "team.delete", entityType: "team", entityId: teamId, before });
  });
}

export async function setTeamMember({ actor, teamId, userId, member }: { actor: Actor; teamId: number; userId: number; member: boolean }) {
  requirePermission(actor, "team", "manage");
  await transaction(async (tx) => {
    await findTeam(tx, teamId);
    const user = (await tx.select().from(users).where(eq(users.id, userId)))[0];
    if (!user) throw new AppError("validation_failed", "No such user", { userId: "No such user" });
    const now = Date.now();
    if (member) {
      const res = await tx.insert(teamMembers).values({ teamId, userId, addedAt: now }).onConflictDoNothing();
      if (changedRows(res))
        await recordAudit(tx, actor, { action: "team.member_add", entityType: "team", entityId: teamId, after: { email: user.email } }, now);
    } else {
      const res = await tx.delete(teamMembers).where(sql`${teamMembers.teamId} = ${teamId} AND ${teamMembers.userId} = ${userId}`);
      if (changedRows(res))
        await recordAudit(tx, actor, { action: "team.member_remove", entityType: "team", entityId: teamId, before: { email: user.email } }, now);
    }
  });
}
