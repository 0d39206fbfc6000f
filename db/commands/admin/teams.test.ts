import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { setUpTestDb, thrown, auditsOf } from "../../testing/test-db";
import { services, teamMembers } from "../../schema";
import { createTeam, deleteTeam, renameTeam, setTeamMember } from "./teams";
import { listTeams } from "../../queries/admin/teams";
import { createService } from "../catalogue/services";

const ctx = setUpTestDb();

describe("teams", () => {
  it("only admins create teams", async () => {
    expect((await thrown(() => createTeam({ actor: ctx.responder.actor, input: { name: "Nope" } }))).status).toBe(403);
    expect((await thrown(() => createTeam({ actor: ctx.viewer.actor, input: { name: "Nope" } }))).status).toBe(403);
    expect(await listTeams({ actor: ctx.admin.actor })).toHaveLength(0);
  });

  it("creates a team, audited, and refuses the same name in another case with 409 naming the field", async () => {
    const team = await createTeam({ actor: ctx.admin.actor, input: { name: "  Payments " } });
    expect(team.name).toBe("Payments");
    expect(await auditsOf(ctx.t.db, "team.create")).toHaveLength(1);
    const error = await thrown(() => createTeam({ actor: ctx.admin.actor, input: { name: "payments" } }));
    expect(error.status).toBe(409);
    expect(error.fields).toHaveProperty("name");
  });

  it("rejects an empty or unknown-field body with 400", async () => {
    expect((await thrown(() => createTeam({ actor: ctx.admin.actor, input: { name: "" } }))).fields).toHaveProperty("name");
    expect((await thrown(() => createTeam({ actor: ctx.admin.actor, input: { name: "X", colour: "red" } }))).fields).toEqual({ colour: "Unknown field" });
  });

  it("adds members once each (audited), lists them by name, and removes them", async () => {
    const team = await createTeam({ actor: ctx.admin.actor, input: { name: "Platform" } });
    await setTeamMember({ actor: ctx.admin.actor, teamId: team.id, userId: ctx.viewer.id, member: true });
    await setTeamMember({ actor: ctx.admin.actor, teamId: team.id, userId: ctx.responder.id, member: true });
    await setTeamMember({ actor: ctx.admin.actor, teamId: team.id, userId: ctx.responder.id, member: true });
    expect((await auditsOf(ctx.t.db, "team.member_add")).filter((a) => a.entityId === String(team.id))).toHaveLength(2);
    const listed = (await listTeams({ actor: ctx.admin.actor })).find((x) => x.id === team.id)!;
    expect(listed.members.map((m) => m.name)).toEqual([ctx.responder.name, ctx.viewer.name].sort());
    await setTeamMember({ actor: ctx.admin.actor, teamId: team.id, userId: ctx.viewer.id, member: false });
    expect((await listTeams({ actor: ctx.admin.actor })).find((x) => x.id === team.id)!.members.map((m) => m.email)).toEqual([ctx.responder.email]);
    expect(await auditsOf(ctx.t.db, "team.member_remove")).toHaveLength(1);
    expect((await thrown(() => setTeamMember({ actor: ctx.responder.actor, teamId: team.id, userId: ctx.viewer.id, member: true }))).status).toBe(403);
    expect((await thrown(() => setTeamMember({ actor: ctx.admin.actor, teamId: team.id, userId: 99999, member: true }))).fields).toHaveProperty("userId");
    expect((await thrown(() => setTeamMember({ actor: ctx.admin.actor, teamId: 99999, userId: ctx.viewer.id, member: true }))).status).toBe(404);
  });

  it("renames with the same uniqueness rule; a person can be in several teams", async () => {
    const a = await createTeam({ actor: ctx.admin.actor, input: { name: "Search" } });
    const b = await createTeam({ actor: ctx.admin.actor, input: { name: "Data" } });
    expect((await thrown(() => renameTeam({ actor: ctx.admin.actor, teamId: b.id, input: { name: "SEARCH" } }))).status).toBe(409);
    expect((await renameTeam({ actor: ctx.admin.actor, teamId: b.id, input: { name: "Data Platform" } })).name).toBe("Data Platform");
    // Renaming to itself in another case is fine.
    expect((await renameTeam({ actor: ctx.admin.actor, teamId: a.id, input: { name: "search" } })).name).toBe("search");
    await setTeamMember({ actor: ctx.admin.actor, teamId: a.id, userId: ctx.responder.id, member: true });
    await setTeamMember({ actor: ctx.admin.actor, teamId: b.id, userId: ctx.responder.id, member: true });
    expect((await ctx.t.db.select().from(teamMembers).where(eq(teamMembers.userId, ctx.responder.id))).length).toBeGreaterThanOrEqual(2);
  });

  it("counts owned services; deleting a team leaves its services unowned and drops memberships", async () => {
    const team = await createTeam({ actor: ctx.admin.actor, input: { name: "Edge" } });
    await setTeamMember({ actor: ctx.admin.actor, teamId: team.id, userId: ctx.responder.id, member: true });
    await createService({ actor: ctx.admin.actor, input: { slug: "edge-proxy", name: "Edge proxy", tier: 1, teamId: team.id } });
    await createService({ actor: ctx.admin.actor, input: { slug: "edge-dns", name: "Edge DNS", tier: 2, teamId: team.id } });
    expect((await listTeams({ actor: ctx.admin.actor })).find((x) => x.id === team.id)!.serviceCount).toBe(2);
    expect((await thrown(() => deleteTeam({ actor: ctx.responder.actor, teamId: team.id }))).status).toBe(403);
    await deleteTeam({ actor: ctx.admin.actor, teamId: team.id });
    expect((await listTeams({ actor: ctx.admin.actor })).find((x) => x.id === team.id)).toBeUndefined();
    const edge = (await ctx.t.db.select().from(services).where(eq(services.slug, "edge-proxy")))[0]!;
    expect(edge.teamId).toBeNull();
    expect(await ctx.t.db.select().from(teamMembers).where(eq(teamMembers.teamId, team.id))).toHaveLength(0);
    expect(await auditsOf(ctx.t.db, "team.delete")).toHaveLength(1);
    expect((await thrown(() => deleteTeam({ actor: ctx.admin.actor, teamId: team.id }))).status).toBe(404);
  });
});
