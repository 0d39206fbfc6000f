import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { createTestDb, thrown, type TestDb, type TestUser } from "../testing/test-db";
import { auditLog, settings } from "../schema";
import { getUpdateCadence, setUpdateCadence, SETTING_KEYS } from "./settings";

let t: TestDb;
let admin: TestUser;
let responder: TestUser;

beforeAll(async () => {
  t = createTestDb();
  admin = await t.createUser("admin");
  responder = await t.createUser("responder");
});
afterAll(() => t.cleanup());

const err = (fn: () => unknown) => thrown(fn) as AppError;

describe("update cadence setting", () => {
  it("defaults to SEV1 15 min, SEV2 30 min, none for SEV3/SEV4; admins change it, audited", () => {
    expect(getUpdateCadence()).toEqual({ SEV1: 15, SEV2: 30, SEV3: null, SEV4: null });
    const next = { SEV1: 10, SEV2: 20, SEV3: 60, SEV4: null };
    expect(setUpdateCadence({ actor: admin.actor, cadence: next })).toEqual(next);
    expect(getUpdateCadence()).toEqual(next);
    const audit = t.db.select().from(auditLog).where(eq(auditLog.entityId, SETTING_KEYS.updateCadence)).all();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.before!)).toEqual({ SEV1: 15, SEV2: 30, SEV3: null, SEV4: null });
    expect(JSON.parse(audit[0]!.after!)).toEqual(next);
  });

  it("refuses non-admins (403) and bad values (400 naming the severity); a corrupt value falls back to the default", () => {
    expect(err(() => setUpdateCadence({ actor: responder.actor, cadence: { SEV1: 5, SEV2: 5, SEV3: null, SEV4: null } })).status).toBe(403);
    const bad = err(() => setUpdateCadence({ actor: admin.actor, cadence: { SEV1: 0, SEV2: 5, SEV3: null, SEV4: null } }));
    expect(bad.status).toBe(400);
    expect(bad.fields).toEqual({ SEV1: "Must be at least 1 minute" });
    t.db.update(settings).set({ value: "{" }).where(eq(settings.key, SETTING_KEYS.updateCadence)).run();
    expect(getUpdateCadence()).toEqual({ SEV1: 15, SEV2: 30, SEV3: null, SEV4: null });
  });
});
