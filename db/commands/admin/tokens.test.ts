import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { setUpTestDb, thrown } from "../../testing/test-db";
import { apiTokens } from "../../schema";
import { authenticateToken } from "../../access/tokens";
import { createToken, insertToken, revokeToken } from "./tokens";
import { listTokens } from "../../queries/admin/tokens";
import { updateUser } from "./users";

const ctx = setUpTestDb();

const row = async (id: number) => (await ctx.t.db.select().from(apiTokens).where(eq(apiTokens.id, id)))[0]!;

describe("API tokens", () => {
  it("stores only a hash and authenticates the secret", async () => {
    const created = await createToken({ actor: ctx.admin.actor, input: { name: "CI deploys", role: "responder" } });
    expect(created.token).toMatch(/^hs_[A-Za-z0-9_-]{40,}$/);
    const stored = await row(created.id);
    expect(stored.tokenHash).not.toContain(created.token);
    expect(stored.prefix).toBe(created.token.slice(0, 10));
    expect(stored.createdById).toBe(ctx.admin.id);
    const actor = await authenticateToken(created.token, "203.0.113.5");
    expect(actor).toEqual({ kind: "token", tokenId: created.id, role: "responder", name: "CI deploys", ip: "203.0.113.5" });
  });

  it("refuses unknown, malformed and tampered secrets", async () => {
    const { token } = await insertToken({ name: "x", role: "viewer" });
    expect(await authenticateToken("hs_nope", null)).toBeNull();
    expect(await authenticateToken(token.slice(3), null)).toBeNull();
    expect(await authenticateToken(token + "x", null)).toBeNull();
    expect(await authenticateToken("", null)).toBeNull();
    expect(await authenticateToken("hs_" + "a".repeat(500), null)).toBeNull();
  });

  it("records last use, at most once a minute", async () => {
    const created = await insertToken({ name: "monitor", role: "viewer" });
    expect((await row(created.id)).lastUsedAt).toBeNull();
    const before = Date.now();
    await authenticateToken(created.token, null);
    const first = (await row(created.id)).lastUsedAt!;
    expect(first).toBeGreaterThanOrEqual(before);
    // An older last use is refreshed.
    await ctx.t.db
      .update(apiTokens)
      .set({ lastUsedAt: first - 120_000 })
      .where(eq(apiTokens.id, created.id));
    await authenticateToken(created.token, null);
    expect((await row(created.id)).lastUsedAt!).toBeGreaterThanOrEqual(first);
    const refreshed = (await row(created.id)).lastUsedAt;
    await authenticateToken(created.token, null);
    expect((await row(created.id)).lastUsedAt).toBe(refreshed);
  });

  it("a revoked token stops working", async () => {
    const created = await createToken({ actor: ctx.admin.actor, input: { name: "old", role: "admin" } });
    expect(await authenticateToken(created.token, null)).not.toBeNull();
    await revokeToken({ actor: ctx.admin.actor, tokenId: created.id });
    expect(await authenticateToken(created.token, null)).toBeNull();
    expect((await thrown(() => revokeToken({ actor: ctx.admin.actor, tokenId: created.id }))).status).toBe(409);
    expect((await thrown(() => revokeToken({ actor: ctx.admin.actor, tokenId: 99_999 }))).status).toBe(404);
  });

  it("a token of a disabled creator stops working", async () => {
    const otherAdmin = await ctx.t.createUser("admin");
    const created = await createToken({ actor: otherAdmin.actor, input: { name: "theirs", role: "responder" } });
    expect(await authenticateToken(created.token, null)).not.toBeNull();
    await updateUser({ actor: ctx.admin.actor, userId: otherAdmin.id, input: { disabled: true } });
    expect(await authenticateToken(created.token, null)).toBeNull();
  });

  it("only admins create, list and revoke tokens; lists never show secrets", async () => {
    expect((await thrown(() => createToken({ actor: ctx.responder.actor, input: { name: "mine", role: "responder" } }))).status).toBe(403);
    expect((await thrown(() => listTokens({ actor: ctx.responder.actor }))).status).toBe(403);
    const created = await insertToken({ name: "keep", role: "viewer" });
    expect((await thrown(() => revokeToken({ actor: ctx.responder.actor, tokenId: created.id }))).status).toBe(403);
    expect(await authenticateToken(created.token, null)).not.toBeNull();
    const listed = await listTokens({ actor: ctx.admin.actor });
    expect(listed.length).toBeGreaterThan(0);
    for (const item of listed) {
      expect(item).not.toHaveProperty("tokenHash");
      expect(JSON.stringify(item)).not.toContain(created.token);
    }
  });

  it("validates name and role", async () => {
    expect((await thrown(() => insertToken({ name: "", role: "viewer" }))).fields).toHaveProperty("name");
    expect((await thrown(() => insertToken({ name: "x", role: "root" as "viewer" }))).fields).toHaveProperty("role");
  });
});
