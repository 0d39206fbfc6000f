import "server-only";
import type { Actor } from "@/lib/actor";
import { readTeams, type TeamWithMembers } from "../../access/teams";

export type { TeamWithMembers };

/** Every team with members and service count (anyone signed in: team filters and owners). */
export async function listTeams(_: { actor: Actor }): Promise<TeamWithMembers[]> {
  return await readTeams();
}
