// The "one answer" guarantee: the SQL filter the data layer reads with (visibleTo) lets through
// exactly the incidents lib/policy.ts's canReadIncident allows, for every role and kind of involvement.
import { describe, expect, it } from "vitest";
import { canReadIncident } from "@/lib/policy";
import type { Actor } from "@/lib/actor";
import { USER_ROLES } from "@/lib/roles";
import { setUpTestDb } from "../testing/test-db";
import { incidentRoles, incidents, incidentServices, services, teamMembers, teams } from "../schema";
import { findVisibleIncident, incidentAccessFacts } from "./incidents";
import { transaction } from "../transaction";

const ctx = setUpTestDb();
const INVOLVEMENT = ["declarer", "role holder", "owning-team member", "not involved"] as const;
type Involvement = (typeof INVOLVEMENT)[number];

/** An incident declared by someone else, with `actor` involved in it as asked. */
async function incidentFor(actor: Actor, isPrivate: boolean, involvement: Involvement) {
  return await transaction(async (db) => {
    const now = Date.now();
    const declarer = involvement === "declarer" ? actor : ctx.admin.actor;
    const incident = (
      await db
        .insert(incidents)
        .values({
          title: `${involvement} ${isPrivate ? "private" : "public"}`,
          severity: "SEV3",
          status: "investigating",
          private: isPrivate,
          startedAt: now,
          startedAtSource: "status_change",
          declaredAt: now,
          createdById: declarer.kind === "user" ? declarer.userId : null,
          createdByTokenId: declarer.kind === "token" ? declarer.tokenId : null,
          updatedAt: now,
        })
        .returning()
    )[0]!;
    if (involvement === "role holder" && actor.kind === "user") {
      await db.insert(incidentRoles).values({ incidentId: incident.id, userId: actor.userId, role: "scribe", assignedAt: now });
    }
    if (involvement === "owning-team member" && actor.kind === "user") {
      const team = (
        await db
          .insert(teams)
          .values({ name: `Team ${incident.id}`, createdAt: now, updatedAt: now })
          .returning()
      )[0]!;
      await db.insert(teamMembers).values({ teamId: team.id, userId: actor.userId, addedAt: now });
      const service = (
        await db
          .insert(services)
          .values({ slug: `svc-${incident.id}`, name: `Service ${incident.id}`, tier: 2, teamId: team.id, createdAt: now, updatedAt: now })
          .returning()
      )[0]!;
      await db.insert(incidentServices).values({ incidentId: incident.id, serviceId: service.id, impact: "degraded", linkedAt: now });
    }
    return incident;
  });
}

describe("incident visibility: the SQL filter and canReadIncident give one answer", () => {
  for (const role of USER_ROLES) {
    for (const kind of ["user", "token"] as const) {
      // A token holds no incident roles and is on no team: it can only be involved as declarer.
      const involvements = kind === "user" ? INVOLVEMENT : (["declarer", "not involved"] as const);
      for (const isPrivate of [false, true]) {
        for (const involvement of involvements) {
          it(`${role} ${kind}, ${isPrivate ? "private" : "public"} incident, ${involvement}`, async () => {
            const actor = kind === "user" ? (await ctx.t.createUser(role)).actor : (await ctx.t.createToken(role)).actor;
            const incident = await incidentFor(actor, isPrivate, involvement);
            const seenBySql = (await findVisibleIncident(ctx.t.db, actor, incident.id)) !== undefined;
            const allowed = canReadIncident(actor, await incidentAccessFacts(ctx.t.db, actor, incident));
            expect(seenBySql).toBe(allowed);
            expect(allowed).toBe(!isPrivate || involvement !== "not involved" || role === "admin");
          });
        }
      }
    }
  }
});
