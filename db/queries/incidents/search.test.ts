import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestDb, type TestUser, thrown } from "../../testing/test-db";
import { declareIncident } from "../../commands/incidents/declare";
import { updateIncident } from "../../commands/incidents/update";
import { createService } from "../../commands/catalogue/services";
import { updateUser } from "../../commands/admin/users";
import { search } from "./search";
import { incidentReference } from "@/lib/validation/incident";

const ctx = setUpTestDb();
let admin: TestUser;
let responder: TestUser;
let viewer: TestUser;
let outsider: TestUser;
const refs: Record<string, string> = {};

beforeAll(async () => {
  admin = await ctx.t.createUser("admin", { name: "Ada Admin", email: "ada@example.test" });
  responder = await ctx.t.createUser("responder", { name: "Rui Responder", email: "rui@example.test" });
  viewer = await ctx.t.createUser("viewer", { name: "Vera Viewer", email: "vera@example.test" });
  outsider = await ctx.t.createUser("responder", { name: "Otto Outsider", email: "otto@example.test" });
  const gone = await ctx.t.createUser("viewer", { name: "Gone Person", email: "gone@example.test" });
  await updateUser({ actor: admin.actor, userId: gone.id, input: { disabled: true } });
  await createService({ actor: admin.actor, input: { slug: "payments-api", name: "Payments API", tier: 1 } });
  await createService({ actor: admin.actor, input: { slug: "search", name: "Search", tier: 2 } });
  const declare = async (key: string, input: Record<string, unknown>) => {
    refs[key] = incidentReference((await declareIncident({ actor: responder.actor, input: { severity: "SEV3", ...input } })).incident.id);
  };
  await declare("old", { title: "Payments latency last week" });
  await declare("open", { title: "Payments API timeouts" });
  await declare("secret", { title: "Payments key leaked", private: true });
  await declare("other", { title: "Search index stale", summary: "payments not mentioned in the title" });
  const old = (await declareIncident({ actor: responder.actor, input: { severity: "SEV4", title: "Resolved payments glitch" } })).incident;
  refs.resolved = incidentReference(old.id);
  await updateIncident({ actor: responder.actor, incidentId: old.id, input: { version: old.version, status: "resolved" } });
});

const titles = async (actor: TestUser, q: string) => (await search({ actor: actor.actor, query: { q } })).incidents.map((i) => i.title);

describe("search", () => {
  it("finds incidents by title, open ones first, newest first; not by summary", async () => {
    expect(await titles(admin, "payments")).toEqual(["Payments key leaked", "Payments API timeouts", "Payments latency last week", "Resolved payments glitch"]);
  });

  it("returns the fields the palette shows", async () => {
    const found = await search({ actor: viewer.actor, query: { q: "timeouts" } });
    expect(found.incidents).toEqual([{ reference: refs.open, title: "Payments API timeouts", severity: "SEV3", status: "investigating" }]);
  });

  it("never shows a private incident to a viewer or someone not on it", async () => {
    expect(await titles(viewer, "payments")).not.toContain("Payments key leaked");
    expect(await titles(outsider, "leaked")).toEqual([]);
    expect(await titles(outsider, refs.secret!)).toEqual([]);
  });

  it("shows a private incident to admins and to the people on it", async () => {
    expect(await titles(admin, "leaked")).toEqual(["Payments key leaked"]);
    expect(await titles(responder, "leaked")).toEqual(["Payments key leaked"]);
  });

  it("matches a reference exactly and puts it first", async () => {
    const n = refs.open!.slice(4);
    expect((await search({ actor: viewer.actor, query: { q: refs.open } })).incidents[0]).toMatchObject({ reference: refs.open });
    expect((await search({ actor: viewer.actor, query: { q: refs.open!.toLowerCase() } })).incidents.map((i) => i.reference)).toEqual([refs.open]);
    expect((await search({ actor: viewer.actor, query: { q: n } })).incidents[0]).toMatchObject({ reference: refs.open });
    // INC-1 does not match INC-10 and up.
    expect((await search({ actor: viewer.actor, query: { q: "INC-9999" } })).incidents).toEqual([]);
  });

  it("finds services by slug or name", async () => {
    expect((await search({ actor: viewer.actor, query: { q: "payments-a" } })).services).toEqual([{ slug: "payments-api", name: "Payments API" }]);
    expect((await search({ actor: viewer.actor, query: { q: "sear" } })).services).toEqual([{ slug: "search", name: "Search" }]);
  });

  it("finds active people by name or email, never disabled ones", async () => {
    expect((await search({ actor: viewer.actor, query: { q: "rui@" } })).people).toEqual([
      { id: responder.id, name: "Rui Responder", email: "rui@example.test" },
    ]);
    expect((await search({ actor: viewer.actor, query: { q: "vera" } })).people.map((p) => p.name)).toEqual(["Vera Viewer"]);
    expect((await search({ actor: admin.actor, query: { q: "gone" } })).people).toEqual([]);
  });

  it("treats LIKE wildcards as text", async () => {
    const found = await search({ actor: admin.actor, query: { q: "%" } });
    expect(found).toEqual({ incidents: [], services: [], people: [] });
  });

  it("honours the limit", async () => {
    expect((await search({ actor: admin.actor, query: { q: "payments", limit: "2" } })).incidents).toHaveLength(2);
  });

  it("names the bad field", async () => {
    expect((await thrown(() => search({ actor: viewer.actor, query: { q: "  " } }))).fields).toEqual({ q: expect.stringMatching(/Required/) });
    expect((await thrown(() => search({ actor: viewer.actor, query: {} }))).fields).toHaveProperty("q");
    expect((await thrown(() => search({ actor: viewer.actor, query: { q: "x".repeat(101) } }))).fields).toEqual({ q: "Must be at most 100 characters" });
    expect((await thrown(() => search({ actor: viewer.actor, query: { q: "a", limit: "0" } }))).fields).toEqual({ limit: "Must be at least 1" });
    expect((await thrown(() => search({ actor: viewer.actor, query: { q: "a", limit: "abc" } }))).fields).toHaveProperty("limit");
    expect((await thrown(() => search({ actor: viewer.actor, query: { q: "a", limit: "21" } }))).fields).toEqual({ limit: "Must be at most 20" });
  });
});
