import "server-only";
import { asc, count, eq } from "drizzle-orm";
import { getDb } from "../client";
import { services, teamMembers, teams, users } from "../schema";
import type { Reader } from "../types";

export type TeamWithMembers = { id: number; name: string; members: { id: number; name: string; email: string }[]; serviceCount: number };

/** Every team with its members and how many services it owns, by name. */
export async function readTeams(db: Reader = getDb()): Promise<TeamWithMembers[]> {
  const rows = await db
    // A join, not a correlated subquery: in a single-table select drizzle leaves columns in
    // `sql` fields unqualified, so `team_id = id` compared services with themselves.
    .select({ id: teams.id, name: teams.name, serviceCount: count(services.id) })
    .from(teams)
    .leftJoin(services, eq(services.teamId, teams.id))
    .groupBy(teams.id)
    .orderBy(asc(teams.name));
  const members = await db
    .select({ teamId: teamMembers.teamId, id: users.id, name: users.name, email: users.email })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .orderBy(asc(users.name));
  return rows.map((t) => ({ ...t, members: members.filter((m) => m.teamId === t.id).map(({ teamId: _t, ...m }) => m) }));
}
