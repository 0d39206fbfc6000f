"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/server/auth/session";
import { actionResult } from "@/lib/action-result";
import { validationFailed } from "@/lib/errors";
import { createTeam, deleteTeam, renameTeam, setTeamMember } from "@/db/commands/admin/teams";

// Each action is a public endpoint: it re-reads the actor, and the data functions check the admin role.

function idOf(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0)
    throw validationFailed({ [field]: field === "userId" ? "Choose a person" : "Unknown team" });
  return value;
}

const refresh = () => {
  revalidatePath("/admin/teams");
  revalidatePath("/services");
};

export async function createTeamAction(name: string) {
  const actor = await requireActor();
  return actionResult(async () => {
    const team = await createTeam({ actor, input: { name } });
    refresh();
    return { id: team.id, name: team.name };
  });
}

export async function renameTeamAction(teamId: number, name: string) {
  const actor = await requireActor();
  return actionResult(async () => {
    const team = await renameTeam({ actor, teamId: idOf(teamId, "teamId"), input: { name } });
    refresh();
    return { name: team.name };
  });
}

export async function deleteTeamAction(teamId: number) {
  const actor = await requireActor();
  return actionResult(async () => {
    await deleteTeam({ actor, teamId: idOf(teamId, "teamId") });
    refresh();
  });
}

export async function setTeamMemberAction(teamId: number, userId: number, member: boolean) {
  const actor = await requireActor();
  return actionResult(async () => {
    await setTeamMember({ actor, teamId: idOf(teamId, "teamId"), userId: idOf(userId, "userId"), member: member === true });
    refresh();
  });
}
