import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, thrown, type TestDb, type TestUser } from "../../testing/test-db";
import { listAudit } from "./audit";
import { declareIncident } from "../../commands/incidents/declare";
import { createService } from "../../commands/catalogue/services";
import { createSlo } from "../../commands/catalogue/slos";
import { revokeToken } from "../../commands/admin/tokens";
import { dismissFirstRun } from "../../commands/admin/first-run";
import { firstRunChecklist } from "./first-run";
import { firstRunCounts } from "../../access/first-run";

let t: TestDb;
let admin: TestUser;

beforeAll(async () => {
  t = await createTestDb();
  admin = await t.createUser("admin");
});
afterAll(() => t.cleanup());

const done = async () => Object.fromEntries((await firstRunChecklist({ actor: admin.actor }))!.steps.map((s) => [s.key, s.done]));

describe("first-run checklist", () => {
  it("starts with everything to do on a database with one admin", async () => {
    expect(await firstRunCounts()).toEqual({ servicesWithSlo: 0, activeUsers: 1, activeTokens: 0, drills: 0 });
    expect(await firstRunChecklist({ actor: admin.actor })).toMatchObject({ show: true });
    expect(await done()).toEqual({ services: false, people: false, token: false, drill: false });
  });

  it("counts only services with an SLO, active people, live tokens and drills", async () => {
    await createService({ actor: admin.actor, input: { slug: "api", name: "API", tier: 1 } });
    await declareIncident({ actor: admin.actor, input: { title: "Real one", severity: "SEV4" } });
    expect(await done()).toEqual({ services: false, people: false, token: false, drill: false });
    await createSlo({ actor: admin.actor, slug: "api", input: { name: "Availability", objective: 99.9 } });
    await t.createUser("viewer");
    const token = await t.createToken("viewer", admin.actor);
    expect(await done()).toEqual({ services: true, people: true, token: true, drill: false });
    await revokeToken({ actor: admin.actor, tokenId: token.id });
    expect(await done()).toMatchObject({ token: false });
    await t.createToken("responder", admin.actor);
    await declareIncident({ actor: admin.actor, input: { title: "Game day", severity: "SEV3", drill: true } });
    expect(await done()).toEqual({ services: true, people: true, token: true, drill: true });
    expect((await firstRunChecklist({ actor: admin.actor }))!.show).toBe(false);
    // An admin can still ask to see it.
    expect((await firstRunChecklist({ actor: admin.actor, force: true }))!.show).toBe(true);
  });

  it("is never given to non-admins, even when asked for", async () => {
    const viewer = await t.createUser("viewer");
    const responder = await t.createUser("responder");
    expect(await firstRunChecklist({ actor: viewer.actor, force: true })).toBeNull();
    expect(await firstRunChecklist({ actor: responder.actor })).toBeNull();
    expect((await thrown(() => dismissFirstRun({ actor: responder.actor }))).status).toBe(403);
  });

  it("dismissing hides it for the organisation and is audited", async () => {
    const fresh = await createTestDb();
    try {
      const boss = await fresh.createUser("admin");
      expect((await firstRunChecklist({ actor: boss.actor }))!.show).toBe(true);
      await dismissFirstRun({ actor: boss.actor });
      expect((await firstRunChecklist({ actor: boss.actor }))!.show).toBe(false);
      const other = await fresh.createUser("admin");
      expect((await firstRunChecklist({ actor: other.actor }))!.show).toBe(false);
      const { items } = await listAudit({ actor: boss.actor, filter: { q: "first_run" } });
      expect(items[0]).toMatchObject({ action: "settings.update", actorLabel: boss.name });
    } finally {
      await fresh.cleanup();
    }
  });
});
