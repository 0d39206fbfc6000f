import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { setUpTestDb, thrown, auditsOf } from "../../testing/test-db";
import { services, teamMembers } from "../../schema";
import { createTeam, deleteTeam, renameTeam, setTeamMember } from "./teams";
import { listTeams } from "../../queries/admin/teams";
import { createService } from "../catalogue/services";

const ctx = setUpTestDb();

describe("teams", () => {
  it("only admins create teams", () => {
    expect(thrown(() => createTeam({ actor: ctx.responder.actor, input: { name: "Nope" } })).status).toBe(403);
    expect(thrown(() => createTeam({ actor: ctx.viewer.actor, input: { name: "Nope" } })).status).toBe(403);
    expect(listTeams({ actor: ctx.admin.actor })).toHaveLength(0);
  });

  it("creates a team, audited, and refuses the same name in another case with 409 naming the field", () => {
    const team = createTeam({ actor: ctx.admin.actor, input: { name: "  Payments " } });
    expect(team.name).toBe("Payments");
    expect(auditsOf(ctx.t.db, "team.create")).toHaveLength(1);
    const error = thrown(() => createTeam({ actor: ctx.admin.actor, input: { name: "payments" } }));
    expect(error.status).toBe(409);
    expect(error.fields).toHaveProperty("name");
  });

  it("rejects an empty or unknown-field body with 400", () => {
    expect(thrown(() => createTeam({ actor: ctx.admin.actor, input: { name: "" } })).fields).toHaveProperty("name");
    expect(thrown(() => createTeam({ actor: ctx.admin.actor, input: { name: "X", colour: "red" } })).fields).toEqual({ colour: "Unknown field" });
  });

  it("adds members once each (audited), lists them by name, and removes them", () => {
    const team = createTeam({ actor: ctx.admin.actor, input: { name: "Platform" } });
    setTeamMember({ actor: ctx.admin.actor, teamId: team.id, userId: ctx.viewer.id, member: true });
    setTeamMember({ actor: ctx.admin.actor, teamId: team.id, userId: ctx.responder.id, member: true });
    setTeamMember({ actor: ctx.admin.actor, teamId: team.id, userId: ctx.responder.id, member: true });
    expect(auditsOf(ctx.t.db, "team.member_add").filter((a) => a.entityId === String(team.id))).toHaveLength(2);
    const listed = listTeams({ actor: ctx.admin.actor }).find((x) => x.id === team.id)!;
    expect(listed.members.map((m) => m.name)).toEqual([ctx.responder.name, ctx.viewer.name].sort());
    setTeamMember({ actor: ctx.admin.actor, teamId: team.id, userId: ctx.viewer.id, member: false });
    expect(
      listTeams({ actor: ctx.admin.actor })
        .find((x) => x.id === team.id)!
        .members.map((m) => m.email),
    ).toEqual([ctx.responder.email]);
    expect(auditsOf(ctx.t.db, "team.member_remove")).toHaveLength(1);
    expect(thrown(() => setTeamMember({ actor: ctx.responder.actor, teamId: team.id, userId: ctx.viewer.id, member: true })).status).toBe(403);
    expect(thrown(() => setTeamMember({ actor: ctx.admin.actor, teamId: team.id, userId: 99999, member: true })).fields).toHaveProperty("userId");
    expect(thrown(() => setTeamMember({ actor: ctx.admin.actor, teamId: 99999, userId: ctx.viewer.id, member: true })).status).toBe(404);
  });

  it("renames with the same uniqueness rule; a person can be in several teams", () => {
    const a = createTeam({ actor: ctx.admin.actor, input: { name: "Search" } });
    const b = createTeam({ actor: ctx.admin.actor, input: { name: "Data" } });
    expect(thrown(() => renameTeam({ actor: ctx.admin.actor, teamId: b.id, input: { name: "SEARCH" } })).status).toBe(409);
    expect(renameTeam({ actor: ctx.admin.actor, teamId: b.id, input: { name: "Data Platform" } }).name).toBe("Data Platform");
    // Renaming to itself in another case is fine.
    expect(renameTeam({ actor: ctx.admin.actor, teamId: a.id, input: { name: "search" } }).name).toBe("search");
    setTeamMember({ actor: ctx.admin.actor, teamId: a.id, userId: ctx.responder.id, member: true });
    setTeamMember({ actor: ctx.admin.actor, teamId: b.id, userId: ctx.responder.id, member: true });
    expect(ctx.t.db.select().from(teamMembers).where(eq(teamMembers.userId, ctx.responder.id)).all().length).toBeGreaterThanOrEqual(2);
  });

  it("counts owned services; deleting a team leaves its services unowned and drops memberships", () => {
    const team = createTeam({ actor: ctx.admin.actor, input: { name: "Edge" } });
    setTeamMember({ actor: ctx.admin.actor, teamId: team.id, userId: ctx.responder.id, member: true });
    createService({ actor: ctx.admin.actor, input: { slug: "edge-proxy", name: "Edge proxy", tier: 1, teamId: team.id } });
    createService({ actor: ctx.admin.actor, input: { slug: "edge-dns", name: "Edge DNS", tier: 2, teamId: team.id } });
    expect(listTeams({ actor: ctx.admin.actor }).find((x) => x.id === team.id)!.serviceCount).toBe(2);
    expect(thrown(() => deleteTeam({ actor: ctx.responder.actor, teamId: team.id })).status).toBe(403);
    deleteTeam({ actor: ctx.admin.actor, teamId: team.id });
    expect(listTeams({ actor: ctx.admin.actor }).find((x) => x.id === team.id)).toBeUndefined();
    const edge = ctx.t.db.select().from(services).where(eq(services.slug, "edge-proxy")).get()!;
    expect(edge.teamId).toBeNull();
    expect(ctx.t.db.select().from(teamMembers).where(eq(teamMembers.teamId, team.id)).all()).toHaveLength(0);
    expect(auditsOf(ctx.t.db, "team.delete")).toHaveLength(1);
    expect(thrown(() => deleteTeam({ actor: ctx.admin.actor, teamId: team.id })).status).toBe(404);
  });
});
