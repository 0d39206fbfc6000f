import { afterAll, beforeAll } from "vitest";
import { setOrgTimeZone } from "../commands/admin/settings";
import { createTestDb, type TestDb, type TestUser } from "./test-db";
import { insertInsightsFixture } from "./insights-fixture";

export type InsightsContext = { t: TestDb; admin: TestUser; viewer: TestUser };

/** A test database holding the hand-computed insights fixture (insights-fixture.ts) in Europe/Berlin, for the file's tests. */
export function setUpInsightsFixture(): InsightsContext {
  const ctx = {} as InsightsContext;
  beforeAll(async () => {
    ctx.t = createTestDb();
    ctx.admin = await ctx.t.createUser("admin");
    ctx.viewer = await ctx.t.createUser("viewer");
    const ada = await ctx.t.createUser("responder", { name: "Ada Lovelace" });
    const bo = await ctx.t.createUser("responder", { name: "Bo Diddley" });
    setOrgTimeZone({ actor: ctx.admin.actor, timeZone: "Europe/Berlin" });
    insertInsightsFixture(ctx.t.db, { ada: ada.id, bo: bo.id, admin: ctx.admin.id });
  });
  afterAll(() => ctx.t.cleanup());
  return ctx;
}
