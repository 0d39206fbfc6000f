import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb, thrown, type TestDb, type TestUser } from "../testing/test-db";
import { auditLog, services, teamMembers } from "../schema";
import { createTeam, deleteTeam, listTeams, renameTeam, setTeamMember } from "./teams";
import { createService } from "./services";

let t: TestDb;
let admin: TestUser;
let responder: TestUser;
let viewer: TestUser;

beforeAll(async () => {
  t = createTestDb();
  admin = await t.createUser("admin");
  responder = await t.createUser("responder", { name: "Ada Responder" });
  viewer = await t.createUser("viewer", { name: "Bo Viewer" });
});
afterAll(() => t.cleanup());

const audits = (action: string) => t.db.select().from(auditLog).where(eq(auditLog.action, action)).all();

describe("teams", () => {
  it("only admins create teams", () => {
    expect(thrown(() => createTeam({ actor: responder.actor, input: { name: "Nope" } })).status).toBe(403);
    expect(thrown(() => createTeam({ actor: viewer.actor, input: { name: "Nope" } })).status).toBe(403);
    expect(listTeams()).toHaveLength(0);
  });

  it("creates a team, audited, and refuses the same name in another case with 409 naming the field", () => {
    const team = createTeam({ actor: admin.actor, input: { name: "  Payments " } });
    expect(team.name).toBe("Payments");
    expect(audits("team.create")).toHaveLength(1);
    const error = thrown(() => createTeam({ actor: admin.actor, input: { name: "payments" } }));
    expect(error.status).toBe(409);
    expect(error.fields).toHaveProperty("name");
  });

  it("rejects an empty or unknown-field body with 400", () => {
    expect(thrown(() => createTeam({ actor: admin.actor, input: { name: "" } })).fields).toHaveProperty("name");
    expect(thrown(() => createTeam({ actor: admin.actor, input: { name: "X", colour: "red" } })).fields).toEqual({ colour: "Unknown field" });
  });

  it("adds members once each (audited), lists them by name, and removes them", () => {
    const team = createTeam({ actor: admin.actor, input: { name: "Platform" } });
    setTeamMember({ actor: admin.actor, teamId: team.id, userId: viewer.id, member: true });
    setTeamMember({ actor: admin.actor, teamId: team.id, userId: responder.id, member: true });
    setTeamMember({ actor: admin.actor, teamId: team.id, userId: responder.id, member: true });
    expect(audits("team.member_add").filter((a) => a.entityId === String(team.id))).toHaveLength(2);
    const listed = listTeams().find((x) => x.id === team.id)!;
    expect(listed.members.map((m) => m.name)).toEqual(["Ada Responder", "Bo Viewer"]);
    setTeamMember({ actor: admin.actor, teamId: team.id, userId: viewer.id, member: false });
    expect(listTeams().find((x) => x.id === team.id)!.members.map((m) => m.email)).toEqual([responder.email]);
    expect(audits("team.member_remove")).toHaveLength(1);
    expect(thrown(() => setTeamMember({ actor: responder.actor, teamId: team.id, userId: viewer.id, member: true })).status).toBe(403);
    expect(thrown(() => setTeamMember({ actor: admin.actor, teamId: team.id, userId: 99999, member: true })).fields).toHaveProperty("userId");
    expect(thrown(() => setTeamMember({ actor: admin.actor, teamId: 99999, userId: viewer.id, member: true })).status).toBe(404);
  });

  it("renames with the same uniqueness rule; a person can be in several teams", () => {
    const a = createTeam({ actor: admin.actor, input: { name: "Search" } });
    const b = createTeam({ actor: admin.actor, input: { name: "Data" } });
    expect(thrown(() => renameTeam({ actor: admin.actor, teamId: b.id, input: { name: "SEARCH" } })).status).toBe(409);
    expect(renameTeam({ actor: admin.actor, teamId: b.id, input: { name: "Data Platform" } }).name).toBe("Data Platform");
    // Renaming to itself in another case is fine.
    expect(renameTeam({ actor: admin.actor, teamId: a.id, input: { name: "search" } }).name).toBe("search");
    setTeamMember({ actor: admin.actor, teamId: a.id, userId: responder.id, member: true });
    setTeamMember({ actor: admin.actor, teamId: b.id, userId: responder.id, member: true });
    expect(t.db.select().from(teamMembers).where(eq(teamMembers.userId, responder.id)).all().length).toBeGreaterThanOrEqual(2);
  });

  it("counts owned services; deleting a team leaves its services unowned and drops memberships", () => {
    const team = createTeam({ actor: admin.actor, input: { name: "Edge" } });
    setTeamMember({ actor: admin.actor, teamId: team.id, userId: responder.id, member: true });
    createService({ actor: admin.actor, input: { slug: "edge-proxy", name: "Edge proxy", tier: 1, teamId: team.id } });
    createService({ actor: admin.actor, input: { slug: "edge-dns", name: "Edge DNS", tier: 2, teamId: team.id } });
    expect(listTeams().find((x) => x.id === team.id)!.serviceCount).toBe(2);
    expect(thrown(() => deleteTeam({ actor: responder.actor, teamId: team.id })).status).toBe(403);
    deleteTeam({ actor: admin.actor, teamId: team.id });
    expect(listTeams().find((x) => x.id === team.id)).toBeUndefined();
    const edge = t.db.select().from(services).where(eq(services.slug, "edge-proxy")).get()!;
    expect(edge.teamId).toBeNull();
    expect(t.db.select().from(teamMembers).where(eq(teamMembers.teamId, team.id)).all()).toHaveLength(0);
    expect(audits("team.delete")).toHaveLength(1);
    expect(thrown(() => deleteTeam({ actor: admin.actor, teamId: team.id })).status).toBe(404);
  });
});
