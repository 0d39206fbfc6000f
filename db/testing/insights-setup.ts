import { beforeAll } from "vitest";
import { setOrgTimeZone } from "../commands/admin/settings";
import { setUpTestDb, type TestContext } from "./test-db";
import { insertInsightsFixture } from "./insights-fixture";
import { transaction } from "../transaction";

/** setUpTestDb, plus the hand-computed insights fixture (insights-fixture.ts) in Europe/Berlin, for the file's tests. */
export function setUpInsightsFixture(): TestContext {
  const ctx = setUpTestDb();
  beforeAll(async () => {
    const ada = await ctx.t.createUser("responder", { name: "Ada Lovelace" });
    const bo = await ctx.t.createUser("responder", { name: "Bo Diddley" });
    await setOrgTimeZone({ actor: ctx.admin.actor, timeZone: "Europe/Berlin" });
    await transaction((tx) => insertInsightsFixture(tx, { ada: ada.id, bo: bo.id, admin: ctx.admin.id }));
  });
  return ctx;
}
