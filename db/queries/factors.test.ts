import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { DEFAULT_FACTORS } from "@/lib/postmortem-template";
import { createTestDb, thrown, type TestDb, type TestUser } from "../testing/test-db";
import { auditLog } from "../schema";
import { ensureDefaultFactors } from "../seed/defaults/default-factors";
import { archiveFactor, createFactor, listFactors, renameFactor } from "./factors";

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
const audits = (action: string, id: number) => t.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.entityId, String(id)))).all();

describe("ensureDefaultFactors", () => {
  it("creates the default taxonomy once", () => {
    expect(ensureDefaultFactors(t.db)).toBe(DEFAULT_FACTORS.length);
    expect(ensureDefaultFactors(t.db)).toBe(0);
    expect(listFactors().map((f) => f.name).sort()).toEqual(DEFAULT_FACTORS.map((f) => f.name).sort());
  });
});

describe("factors", () => {
  it("admins create, rename and archive factors; each is audited", () => {
    const created = createFactor({ actor: admin.actor, input: { name: "  Flaky test  ", description: "CI let it through" } });
    expect(created).toMatchObject({ name: "Flaky test", description: "CI let it through", archived: false });
    expect(audits("factor.create", created.id)).toHaveLength(1);

    const renamed = renameFactor({ actor: admin.actor, id: created.id, input: { name: "Flaky test suite" } });
    expect(renamed.name).toBe("Flaky test suite");
    expect(JSON.parse(audits("factor.update", created.id)[0]!.before!)).toMatchObject({ name: "Flaky test" });

    const archived = archiveFactor({ actor: admin.actor, id: created.id });
    expect(archived.archived).toBe(true);
    expect(listFactors().find((f) => f.id === created.id)).toBeUndefined();
    expect(listFactors({ includeArchived: true }).find((f) => f.id === created.id)?.archived).toBe(true);
    expect(archiveFactor({ actor: admin.actor, id: created.id, archived: false }).archived).toBe(false);
    expect(audits("factor.archive", created.id)).toHaveLength(1);
    expect(audits("factor.restore", created.id)).toHaveLength(1);
  });

  it("names are unique (case-insensitive) and validated", () => {
    expect(err(() => createFactor({ actor: admin.actor, input: { name: "capacity" } })).status).toBe(409);
    expect(err(() => createFactor({ actor: admin.actor, input: { name: "" } })).fields).toHaveProperty(["name"]);
    expect(err(() => createFactor({ actor: admin.actor, input: { name: "x".repeat(61) } })).fields).toHaveProperty(["name"]);
    const other = listFactors().find((f) => f.name === "Process")!;
    expect(err(() => renameFactor({ actor: admin.actor, id: other.id, input: { name: "Capacity" } })).status).toBe(409);
    expect(renameFactor({ actor: admin.actor, id: other.id, input: { name: "process" } }).name).toBe("process");
    expect(err(() => renameFactor({ actor: admin.actor, id: 999_999, input: { name: "x" } })).status).toBe(404);
  });

  it("only admins edit the taxonomy", () => {
    expect(err(() => createFactor({ actor: responder.actor, input: { name: "Mine" } })).status).toBe(403);
    const any = listFactors()[0]!;
    expect(err(() => renameFactor({ actor: responder.actor, id: any.id, input: { name: "Mine" } })).status).toBe(403);
    expect(err(() => archiveFactor({ actor: responder.actor, id: any.id })).status).toBe(403);
  });
});
