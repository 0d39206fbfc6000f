import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { setUpTestDb, thrown } from "../../testing/test-db";
import { auditLog, settings } from "../../schema";
import { getOrgTimeZone, getRequiredSeverities, getUpdateCadence } from "../../queries/admin/settings";
import { setOrgTimeZone, setRequiredSeverities, setUpdateCadence } from "./settings";
import { SETTING_KEYS } from "../../access/settings";

const ctx = setUpTestDb();

const err = async (fn: () => unknown) => (await thrown(fn)) as AppError;

describe("required severities", () => {
  it("default to SEV1 and SEV2; admins change them (audited, ordered, deduplicated)", async () => {
    expect(await getRequiredSeverities({ actor: ctx.responder.actor })).toEqual(["SEV1", "SEV2"]);
    expect(await setRequiredSeverities({ actor: ctx.admin.actor, severities: ["SEV3", "SEV1", "SEV3"] })).toEqual(["SEV1", "SEV3"]);
    expect(await getRequiredSeverities({ actor: ctx.responder.actor })).toEqual(["SEV1", "SEV3"]);
    expect(await setRequiredSeverities({ actor: ctx.admin.actor, severities: [] })).toEqual([]);
    expect(await getRequiredSeverities({ actor: ctx.responder.actor })).toEqual([]);
    const audit = await ctx.t.db.select().from(auditLog).where(eq(auditLog.entityId, SETTING_KEYS.requiredSeverities));
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]!.before!)).toEqual(["SEV1", "SEV2"]);
    await setRequiredSeverities({ actor: ctx.admin.actor, severities: ["SEV1", "SEV2"] });
  });

  it("refuses non-admins and bad values; a corrupt stored value falls back to the default", async () => {
    expect((await err(() => setRequiredSeverities({ actor: ctx.responder.actor, severities: ["SEV1"] }))).status).toBe(403);
    expect((await err(() => setRequiredSeverities({ actor: ctx.admin.actor, severities: ["SEV9"] }))).status).toBe(400);
    await ctx.t.db.update(settings).set({ value: "not json" }).where(eq(settings.key, SETTING_KEYS.requiredSeverities));
    expect(await getRequiredSeverities({ actor: ctx.responder.actor })).toEqual(["SEV1", "SEV2"]);
  });
});

describe("organisation time zone", () => {
  it("defaults to UTC; admins set an IANA zone", async () => {
    expect(await getOrgTimeZone({ actor: ctx.responder.actor })).toBe("UTC");
    expect(await setOrgTimeZone({ actor: ctx.admin.actor, timeZone: "Europe/Berlin" })).toBe("Europe/Berlin");
    expect(await getOrgTimeZone({ actor: ctx.responder.actor })).toBe("Europe/Berlin");
    expect((await err(() => setOrgTimeZone({ actor: ctx.admin.actor, timeZone: "Mars/Olympus" }))).fields).toHaveProperty(["timeZone"]);
    expect((await err(() => setOrgTimeZone({ actor: ctx.responder.actor, timeZone: "UTC" }))).status).toBe(403);
    expect(await getOrgTimeZone({ actor: ctx.responder.actor })).toBe("Europe/Berlin");
  });
});

describe("update cadence setting", () => {
  it("defaults to SEV1 15 min, SEV2 30 min, none for SEV3/SEV4; admins change it, audited", async () => {
    expect(await getUpdateCadence({ actor: ctx.responder.actor })).toEqual({ SEV1: 15, SEV2: 30, SEV3: null, SEV4: null });
    const next = { SEV1: 10, SEV2: 20, SEV3: 60, SEV4: null };
    expect(await setUpdateCadence({ actor: ctx.admin.actor, cadence: next })).toEqual(next);
    expect(await getUpdateCadence({ actor: ctx.responder.actor })).toEqual(next);
    const audit = await ctx.t.db.select().from(auditLog).where(eq(auditLog.entityId, SETTING_KEYS.updateCadence));
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.before!)).toEqual({ SEV1: 15, SEV2: 30, SEV3: null, SEV4: null });
    expect(JSON.parse(audit[0]!.after!)).toEqual(next);
  });

  it("refuses non-admins (403) and bad values (400 naming the severity); a corrupt value falls back to the default", async () => {
    expect((await err(() => setUpdateCadence({ actor: ctx.responder.actor, cadence: { SEV1: 5, SEV2: 5, SEV3: null, SEV4: null } }))).status).toBe(403);
    const bad = await err(() => setUpdateCadence({ actor: ctx.admin.actor, cadence: { SEV1: 0, SEV2: 5, SEV3: null, SEV4: null } }));
    expect(bad.status).toBe(400);
    expect(bad.fields).toEqual({ SEV1: "Must be at least 1 minute" });
    await ctx.t.db.update(settings).set({ value: "{" }).where(eq(settings.key, SETTING_KEYS.updateCadence));
    expect(await getUpdateCadence({ actor: ctx.responder.actor })).toEqual({ SEV1: 15, SEV2: 30, SEV3: null, SEV4: null });
  });
});
