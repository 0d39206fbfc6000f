import { beforeAll, describe, expect, it, vi } from "vitest";
import { decodeCursor } from "@/lib/cursor";
import { isActive } from "@/lib/incident-status";
import { setUpTestDb, type TestUser, thrown } from "../../testing/test-db";
import { declareIncident } from "../../commands/incidents/declare";
import { listIncidents, type IncidentListItem } from "./list";
import { updateIncident } from "../../commands/incidents/update";
import { createTeam } from "../../commands/admin/teams";
import { createService } from "../../commands/catalogue/services";
import { setOrgTimeZone } from "../../commands/admin/settings";

const ctx = setUpTestDb();
const ids: Record<string, number> = {};
const HOUR = 3_600_000;
const BASE = Date.UTC(2026, 0, 5, 9, 0);

// 12 incidents, one an hour; every third resolved, one closed, one private.
const plan = [
  { key: "a", title: "DNS misconfiguration for api.example.com", severity: "SEV2", status: "resolved" },
  { key: "b", title: "Certificate expiry on status page", severity: "SEV3" },
  { key: "c", title: "Queue backlog in email worker", severity: "SEV4" },
  { key: "d", title: "Database failover took 4 minutes", severity: "SEV1", status: "closed" },
  { key: "e", title: "CDN cache purge served stale assets", severity: "SEV3" },
  { key: "f", title: "Login failures after deploy", severity: "SEV2", summary: "OAuth callback 500s" },
  { key: "g", title: "SMS provider outage", severity: "SEV3", status: "resolved" },
  { key: "h", title: "Search latency", severity: "SEV4" },
  { key: "i", title: "Webhook retries storm", severity: "SEV3", status: "monitoring" },
  { key: "j", title: "Secret rotation gone wrong", severity: "SEV2", private: true },
  { key: "k", title: "100% CPU on worker_7", severity: "SEV4", status: "resolved" },
  { key: "l", title: "Payments API latency", severity: "SEV2" },
] as const;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  for (const [n, p] of plan.entries()) {
    vi.setSystemTime(BASE + n * HOUR);
    const { key, status, ...input } = p as (typeof plan)[number] & { status?: string };
    const { incident } = await declareIncident({ actor: ctx.responder.actor, input });
    ids[key] = incident.id;
    if (status) await updateIncident({ actor: ctx.responder.actor, incidentId: incident.id, input: { version: 1, status } });
  }
  vi.useRealTimers();
});

const keysOf = (items: IncidentListItem[]) => items.map((i) => Object.keys(ids).find((k) => ids[k] === i.id));

describe("listIncidents", () => {
  it("puts open incidents first, then the rest, newest first within each", async () => {
    const { items, nextCursor } = await listIncidents({ actor: ctx.responder.actor, query: {} });
    expect(nextCursor).toBeNull();
    expect(keysOf(items)).toEqual(["l", "j", "i", "h", "f", "e", "c", "b", "k", "g", "d", "a"]);
  });

  it("shows the commander", async () => {
    const { items } = await listIncidents({ actor: ctx.viewer.actor, query: { limit: "1" } });
    expect(items[0]!.commander).toEqual({ name: ctx.responder.name, email: ctx.responder.email });
  });

  it("leaves private incidents out for a viewer", async () => {
    const { items } = await listIncidents({ actor: ctx.viewer.actor, query: {} });
    expect(keysOf(items)).toEqual(["l", "i", "h", "f", "e", "c", "b", "k", "g", "d", "a"]);
  });

  it("filters by status, status group and severity", async () => {
    expect(keysOf((await listIncidents({ actor: ctx.responder.actor, query: { status: "resolved" } })).items)).toEqual(["k", "g", "a"]);
    expect(keysOf((await listIncidents({ actor: ctx.responder.actor, query: { status: "inactive" } })).items)).toEqual(["k", "g", "d", "a"]);
    const active = (await listIncidents({ actor: ctx.responder.actor, query: { status: "active" } })).items;
    expect(active.every((i) => isActive(i.status))).toBe(true);
    expect(active).toHaveLength(8);
    expect(keysOf((await listIncidents({ actor: ctx.responder.actor, query: { severity: "SEV2" } })).items)).toEqual(["l", "j", "f", "a"]);
    expect(keysOf((await listIncidents({ actor: ctx.responder.actor, query: { severity: "SEV2", status: "active" } })).items)).toEqual(["l", "j", "f"]);
  });

  it("searches title and summary, case-insensitively, and by reference", async () => {
    expect(keysOf((await listIncidents({ actor: ctx.responder.actor, query: { q: "latency" } })).items)).toEqual(["l", "h"]);
    expect(keysOf((await listIncidents({ actor: ctx.responder.actor, query: { q: "oauth CALLBACK" } })).items)).toEqual(["f"]);
    expect(keysOf((await listIncidents({ actor: ctx.responder.actor, query: { q: `INC-${ids.c}` } })).items)).toEqual(["c"]);
  });

  it("treats LIKE wildcards in the search text literally", async () => {
    expect(keysOf((await listIncidents({ actor: ctx.responder.actor, query: { q: "100%" } })).items)).toEqual(["k"]);
    expect(keysOf((await listIncidents({ actor: ctx.responder.actor, query: { q: "worker_" } })).items)).toEqual(["k"]);
    expect((await listIncidents({ actor: ctx.responder.actor, query: { q: "1%" } })).items).toEqual([]);
    expect((await listIncidents({ actor: ctx.responder.actor, query: { q: "a_i" } })).items).toEqual([]);
  });

  it("pages with a cursor without duplicates or gaps", async () => {
    const all = (await listIncidents({ actor: ctx.responder.actor, query: {} })).items.map((i) => i.id);
    for (const limit of [1, 2, 3, 5, 11]) {
      const seen: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: { items: IncidentListItem[]; nextCursor: string | null } = await listIncidents({
          actor: ctx.responder.actor,
          query: { limit: String(limit), ...(cursor ? { cursor } : {}) },
        });
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < 50);
      expect(seen, `limit ${limit}`).toEqual(all);
      expect(pages).toBe(Math.ceil(all.length / limit));
    }
  });

  it("pages within a filter", async () => {
    const first = await listIncidents({ actor: ctx.responder.actor, query: { status: "active", limit: "5" } });
    expect(first.items).toHaveLength(5);
    expect(decodeCursor(first.nextCursor!)).toMatchObject({ rank: 1 });
    const second = await listIncidents({ actor: ctx.responder.actor, query: { status: "active", limit: "5", cursor: first.nextCursor } });
    expect(second.items).toHaveLength(3);
    expect(second.nextCursor).toBeNull();
  });

  it("rejects a bad cursor and bad limits with 400", async () => {
    expect((await thrown(() => listIncidents({ actor: ctx.responder.actor, query: { cursor: "garbage" } }))).fields).toEqual({ cursor: "Invalid cursor" });
    expect((await thrown(() => listIncidents({ actor: ctx.responder.actor, query: { limit: "500" } }))).status).toBe(400);
    expect((await thrown(() => listIncidents({ actor: ctx.responder.actor, query: { severity: "SEV7" } }))).fields).toHaveProperty("severity");
  });

  it("lists only my incidents with mine=1", async () => {
    const other = await ctx.t.createUser("responder");
    expect((await listIncidents({ actor: other.actor, query: { mine: "1" } })).items).toEqual([]);
    expect((await listIncidents({ actor: ctx.responder.actor, query: { mine: "1" } })).items).toHaveLength(plan.length);
  });
});

// Drill-down from /insights: incidents by when they started (days of the organisation's time
// zone), several severities, the owning team of an affected service, drills in or out.
describe("listIncidents drill-down filters", () => {
  const zone = "Europe/Berlin"; // UTC+2 in summer, UTC+1 from 26 October 2025
  const started: Record<string, number> = {};
  const found = async (query: Record<string, string>) => {
    const items = (await listIncidents({ actor: admin.actor, query: { q: "drilldown", limit: "200", ...query } })).items;
    return items.map((i) => Object.keys(started).find((k) => started[k] === i.id)).sort();
  };
  let admin: TestUser;
  let payments: number;
  let search: number;
  let idle: number;

  beforeAll(async () => {
    admin = await ctx.t.createUser("admin");
    await setOrgTimeZone({ actor: admin.actor, timeZone: zone });
    payments = (await createTeam({ actor: admin.actor, input: { name: "Payments" } })).id;
    search = (await createTeam({ actor: admin.actor, input: { name: "Search" } })).id;
    idle = (await createTeam({ actor: admin.actor, input: { name: "Idle" } })).id;
    await createService({ actor: admin.actor, input: { slug: "payments-api", name: "Payments API", tier: 1, teamId: payments } });
    await createService({ actor: admin.actor, input: { slug: "search-api", name: "Search API", tier: 2, teamId: search } });
    const rows = [
      // 23:59 local on 26 Aug (21:59Z): the day before `from`.
      { key: "beforeFrom", startedAt: "2025-08-26T21:59:00Z", severity: "SEV1" },
      // 00:00 local on 27 Aug (26 Aug 22:00Z): the first minute of `from`.
      { key: "atFrom", startedAt: "2025-08-26T22:00:00Z", severity: "SEV2", services: [{ service: "payments-api", impact: "full_outage" }] },
      { key: "middle", startedAt: "2025-10-01T10:00:00Z", severity: "SEV3", services: [{ service: "search-api", impact: "degraded" }] },
      { key: "drill", startedAt: "2025-10-02T10:00:00Z", severity: "SEV1", drill: true, services: [{ service: "payments-api", impact: "partial_outage" }] },
      // 23:30 local on 24 Nov (22:30Z, after the change to winter time): the last day, in.
      {
        key: "lateOnTo",
        startedAt: "2025-11-24T22:30:00Z",
        severity: "SEV2",
        services: [
          { service: "payments-api", impact: "degraded" },
          { service: "search-api", impact: "degraded" },
        ],
      },
      // 00:00 local on 25 Nov, still 24 Nov in UTC (23:00Z): out.
      { key: "dayAfterTo", startedAt: "2025-11-24T23:00:00Z", severity: "SEV2" },
    ];
    for (const { key, ...input } of rows) {
      started[key] = (await declareIncident({ actor: admin.actor, input: { title: `drilldown ${key}`, ...input } })).incident.id;
    }
  });

  it("keeps incidents that started from the start of `from` to the end of `to`, in the organisation's zone", async () => {
    expect(await found({ from: "2025-08-27", to: "2025-11-24" })).toEqual(["atFrom", "drill", "lateOnTo", "middle"]);
    expect(await found({ from: "2025-11-25" })).toEqual(["dayAfterTo"]);
    expect(await found({ to: "2025-08-26" })).toEqual(["beforeFrom"]);
    expect(await found({ from: "2025-11-24", to: "2025-11-24" })).toEqual(["lateOnTo"]);
  });

  it("filters by several severities, and by one as before", async () => {
    expect(await found({ severity: "SEV1,SEV2" })).toEqual(["atFrom", "beforeFrom", "dayAfterTo", "drill", "lateOnTo"]);
    expect(await found({ severity: "SEV1, SEV3,SEV1" })).toEqual(["beforeFrom", "drill", "middle"]);
    expect(await found({ severity: "SEV3" })).toEqual(["middle"]);
  });

  it("filters by the team owning an affected service", async () => {
    expect(await found({ team: String(payments) })).toEqual(["atFrom", "drill", "lateOnTo"]);
    expect(await found({ team: String(search) })).toEqual(["lateOnTo", "middle"]);
    expect(await found({ team: String(idle) })).toEqual([]);
  });

  it("leaves drills out with drill=0 and lists only drills with drill=1", async () => {
    expect(await found({ drill: "0" })).toEqual(["atFrom", "beforeFrom", "dayAfterTo", "lateOnTo", "middle"]);
    expect(await found({ drill: "1" })).toEqual(["drill"]);
  });

  it("combines them, as a link from /insights does", async () => {
    expect(await found({ from: "2025-08-27", to: "2025-11-24", severity: "SEV1,SEV2", team: String(payments), drill: "0" })).toEqual(["atFrom", "lateOnTo"]);
  });

  it("pages through a filtered list without gaps", async () => {
    const query = { q: "drilldown", from: "2025-08-27", to: "2025-11-24", limit: "1" };
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: IncidentListItem[]; nextCursor: string | null } = await listIncidents({
        actor: admin.actor,
        query: { ...query, ...(cursor ? { cursor } : {}) },
      });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([started.atFrom, started.middle, started.drill, started.lateOnTo].sort());
  });

  it("keeps private incidents hidden from a viewer within the filters", async () => {
    const secret = (
      await declareIncident({
        actor: admin.actor,
        input: { title: "drilldown secret", severity: "SEV1", private: true, startedAt: "2025-10-03T10:00:00Z" },
      })
    ).incident.id;
    const seenBy = async (who: TestUser) => (await listIncidents({ actor: who.actor, query: { from: "2025-10-03", to: "2025-10-03" } })).items.map((i) => i.id);
    expect(await seenBy(admin)).toEqual([secret]);
    expect(await seenBy(ctx.viewer)).toEqual([]);
  });

  it("answers 400 naming the field for bad input", async () => {
    const unknownTeam = await thrown(() => listIncidents({ actor: ctx.viewer.actor, query: { team: "99999" } }));
    expect(unknownTeam.status).toBe(400);
    expect(unknownTeam.fields).toEqual({ team: "Unknown team 99999" });
    expect(unknownTeam.message).toBe("Unknown team 99999");
    expect((await thrown(() => listIncidents({ actor: ctx.viewer.actor, query: { team: "payments" } }))).fields).toEqual({
      team: "Must be a team id (a positive whole number)",
    });

    const reversed = await thrown(() => listIncidents({ actor: ctx.viewer.actor, query: { from: "2025-11-24", to: "2025-08-27" } }));
    expect(reversed.status).toBe(400);
    expect(reversed.fields).toEqual({ to: "Must be on or after from (2025-11-24)" });
    expect(reversed.message).toBe("Invalid input: to: Must be on or after from (2025-11-24)");

    expect((await thrown(() => listIncidents({ actor: ctx.viewer.actor, query: { from: "27/08/2025" } }))).fields).toEqual({
      from: "Must be a date as YYYY-MM-DD, e.g. 2026-08-27",
    });
    expect((await thrown(() => listIncidents({ actor: ctx.viewer.actor, query: { to: "2025-02-29" } }))).fields).toEqual({
      to: "2025-02-29 is not a real calendar date",
    });
    expect((await thrown(() => listIncidents({ actor: ctx.viewer.actor, query: { drill: "yes" } }))).fields).toEqual({
      drill: "Must be 0 (leave drills out) or 1 (only drills)",
    });
    expect((await thrown(() => listIncidents({ actor: ctx.viewer.actor, query: { severity: "SEV1,SEV9" } }))).fields).toEqual({
      severity: 'Must be one of SEV1, SEV2, SEV3, SEV4, or a comma-separated list of them ("SEV9" is not)',
    });
    expect((await thrown(() => listIncidents({ actor: ctx.viewer.actor, query: { severity: "SEV9" } }))).fields).toEqual({
      severity: "Must be one of SEV1, SEV2, SEV3, SEV4",
    });
  });
});
