import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestDb, thrown } from "../../testing/test-db";
import { updateUser } from "../../commands/admin/users";
import { searchUsers } from "./search";

const ctx = setUpTestDb();
const names = async (query: Record<string, string>) => (await searchUsers({ actor: ctx.admin.actor, query })).items.map((u) => u.name);

beforeAll(async () => {
  await ctx.t.createUser("responder", { name: "Zoë Quinn", email: "zq@ops.example.test" });
  await ctx.t.createUser("responder", { name: "Anna Zimmer", email: "anna@example.test" });
  await ctx.t.createUser("viewer", { name: "Quentin Blake", email: "qb@example.test" });
  const gone = await ctx.t.createUser("responder", { name: "Gone Person", email: "gone@example.test" });
  await updateUser({ actor: ctx.admin.actor, userId: gone.id, input: { disabled: true } });
});

describe("searchUsers (GET /api/v1/users)", () => {
  it("lists everyone by name, disabled accounts marked, to responders and admins", async () => {
    const all = (await searchUsers({ actor: ctx.responder.actor, query: {} })).items;
    expect(all.map((u) => u.name)).toEqual([...all.map((u) => u.name)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(all.find((u) => u.email === "gone@example.test")).toMatchObject({ disabled: true, role: "responder" });
    expect(all).toHaveLength(7);
  });

  it("matches q in the name or the email, any case, prefixes first", async () => {
    expect(await names({ q: "ZIM" })).toEqual(["Anna Zimmer"]);
    expect(await names({ q: "ops.example" })).toEqual(["Zoë Quinn"]);
    // "q" starts Quentin's name and both emails qb@/zq@…: prefixes (Quentin, qb@) before "contains" (Zoë's name).
    expect(await names({ q: "q" })).toEqual(["Quentin Blake", "Zoë Quinn"]);
    expect(await names({ q: "z" })).toEqual(["Zoë Quinn", "Anna Zimmer"]);
    expect(await names({ q: "%" })).toEqual([]);
    expect(await names({ q: "_" })).toEqual([]);
  });

  it("filters by active", async () => {
    expect(await names({ active: "false" })).toEqual(["Gone Person"]);
    expect(await names({ active: "true" })).not.toContain("Gone Person");
  });

  it("pages with limit and cursor, without repeats or gaps, also when ranked", async () => {
    for (const query of [{}, { q: "e" }]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await searchUsers({ actor: ctx.admin.actor, query: { ...query, limit: "2", ...(cursor ? { cursor } : {}) } });
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((u) => u.email));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const whole = (await searchUsers({ actor: ctx.admin.actor, query })).items.map((u) => u.email);
      expect(seen).toEqual(whole);
    }
  });

  it("refuses viewers (403) and bad input (400 naming the field)", async () => {
    expect((await thrown(() => searchUsers({ actor: ctx.viewer.actor, query: {} }))).status).toBe(403);
    expect((await thrown(() => searchUsers({ actor: ctx.admin.actor, query: { q: "x".repeat(101) } }))).fields).toHaveProperty("q");
    expect((await thrown(() => searchUsers({ actor: ctx.admin.actor, query: { limit: "0" } }))).fields).toHaveProperty("limit");
    expect((await thrown(() => searchUsers({ actor: ctx.admin.actor, query: { active: "maybe" } }))).fields).toHaveProperty("active");
    expect((await thrown(() => searchUsers({ actor: ctx.admin.actor, query: { cursor: "nonsense" } }))).fields).toHaveProperty("cursor");
  });
});
