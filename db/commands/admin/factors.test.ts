import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { DEFAULT_FACTORS } from "@/lib/postmortem-template";
import { setUpTestDb, thrown, auditsOf } from "../../testing/test-db";
import { ensureDefaultFactors } from "../../seed/defaults/default-factors";
import { archiveFactor, createFactor, renameFactor } from "./factors";
import { listFactors } from "../../queries/admin/factors";

const ctx = setUpTestDb();

const err = async (fn: () => unknown) => (await thrown(fn)) as AppError;

describe("ensureDefaultFactors", () => {
  it("creates the default taxonomy once", async () => {
    expect(await ensureDefaultFactors(ctx.t.db)).toBe(DEFAULT_FACTORS.length);
    expect(await ensureDefaultFactors(ctx.t.db)).toBe(0);
    expect((await listFactors({ actor: ctx.admin.actor })).map((f) => f.name).sort()).toEqual(DEFAULT_FACTORS.map((f) => f.name).sort());
  });
});

describe("factors", () => {
  it("admins create, rename and archive factors; each is audited", async () => {
    const created = await createFactor({ actor: ctx.admin.actor, input: { name: "  Flaky test  ", description: "CI let it through" } });
    expect(created).toMatchObject({ name: "Flaky test", description: "CI let it through", archived: false });
    expect(await auditsOf(ctx.t.db, "factor.create", created.id)).toHaveLength(1);

    const renamed = await renameFactor({ actor: ctx.admin.actor, id: created.id, input: { name: "Flaky test suite" } });
    expect(renamed.name).toBe("Flaky test suite");
    expect(JSON.parse((await auditsOf(ctx.t.db, "factor.update", created.id))[0]!.before!)).toMatchObject({ name: "Flaky test" });

    const archived = await archiveFactor({ actor: ctx.admin.actor, id: created.id });
    expect(archived.archived).toBe(true);
    expect((await listFactors({ actor: ctx.admin.actor })).find((f) => f.id === created.id)).toBeUndefined();
    expect((await listFactors({ actor: ctx.admin.actor, includeArchived: true })).find((f) => f.id === created.id)?.archived).toBe(true);
    expect((await archiveFactor({ actor: ctx.admin.actor, id: created.id, archived: false })).archived).toBe(false);
    expect(await auditsOf(ctx.t.db, "factor.archive", created.id)).toHaveLength(1);
    expect(await auditsOf(ctx.t.db, "factor.restore", created.id)).toHaveLength(1);
  });

  it("names are unique (case-insensitive) and validated", async () => {
    expect((await err(() => createFactor({ actor: ctx.admin.actor, input: { name: "capacity" } }))).status).toBe(409);
    expect((await err(() => createFactor({ actor: ctx.admin.actor, input: { name: "" } }))).fields).toHaveProperty(["name"]);
    expect((await err(() => createFactor({ actor: ctx.admin.actor, input: { name: "x".repeat(61) } }))).fields).toHaveProperty(["name"]);
    const other = (await listFactors({ actor: ctx.admin.actor })).find((f) => f.name === "Process")!;
    expect((await err(() => renameFactor({ actor: ctx.admin.actor, id: other.id, input: { name: "Capacity" } }))).status).toBe(409);
    expect((await renameFactor({ actor: ctx.admin.actor, id: other.id, input: { name: "process" } })).name).toBe("process");
    expect((await err(() => renameFactor({ actor: ctx.admin.actor, id: 999_999, input: { name: "x" } }))).status).toBe(404);
  });

  it("only admins edit the taxonomy", async () => {
    expect((await err(() => createFactor({ actor: ctx.responder.actor, input: { name: "Mine" } }))).status).toBe(403);
    const any = (await listFactors({ actor: ctx.admin.actor }))[0]!;
    expect((await err(() => renameFactor({ actor: ctx.responder.actor, id: any.id, input: { name: "Mine" } }))).status).toBe(403);
    expect((await err(() => archiveFactor({ actor: ctx.responder.actor, id: any.id }))).status).toBe(403);
  });
});
