import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { createTestDb, thrown, type TestDb, type TestUser } from "../testing/test-db";
import { auditLog, settings } from "../schema";
import { getOrgTimeZone, getRequiredSeverities, setOrgTimeZone, setRequiredSeverities, SETTING_KEYS } from "./settings";

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

describe("required severities", () => {
  it("default to SEV1 and SEV2; admins change them (audited, ordered, deduplicated)", () => {
    expect(getRequiredSeverities()).toEqual(["SEV1", "SEV2"]);
    expect(setRequiredSeverities({ actor: admin.actor, severities: ["SEV3", "SEV1", "SEV3"] })).toEqual(["SEV1", "SEV3"]);
    expect(getRequiredSeverities()).toEqual(["SEV1", "SEV3"]);
    expect(setRequiredSeverities({ actor: admin.actor, severities: [] })).toEqual([]);
    expect(getRequiredSeverities()).toEqual([]);
    const audit = t.db.select().from(auditLog).where(eq(auditLog.entityId, SETTING_KEYS.requiredSeverities)).all();
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]!.before!)).toEqual(["SEV1", "SEV2"]);
    setRequiredSeverities({ actor: admin.actor, severities: ["SEV1", "SEV2"] });
  });

  it("refuses non-admins and bad values; a corrupt stored value falls back to the default", () => {
    expect(err(() => setRequiredSeverities({ actor: responder.actor, severities: ["SEV1"] })).status).toBe(403);
    expect(err(() => setRequiredSeverities({ actor: admin.actor, severities: ["SEV9"] })).status).toBe(400);
    t.db.update(settings).set({ value: "not json" }).where(eq(settings.key, SETTING_KEYS.requiredSeverities)).run();
    expect(getRequiredSeverities()).toEqual(["SEV1", "SEV2"]);
  });
});

describe("organisation time zone", () => {
  it("defaults to UTC; admins set an IANA zone", () => {
    expect(getOrgTimeZone()).toBe("UTC");
    expect(setOrgTimeZone({ actor: admin.actor, timeZone: "Europe/Berlin" })).toBe("Europe/Berlin");
    expect(getOrgTimeZone()).toBe("Europe/Berlin");
    expect(err(() => setOrgTimeZone({ actor: admin.actor, timeZone: "Mars/Olympus" })).fields).toHaveProperty(["timeZone"]);
    expect(err(() => setOrgTimeZone({ actor: responder.actor, timeZone: "UTC" })).status).toBe(403);
    expect(getOrgTimeZone()).toBe("Europe/Berlin");
  });
});
