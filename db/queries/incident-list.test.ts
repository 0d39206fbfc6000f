import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { decodeCursor } from "@/lib/cursor";
import { isActive } from "@/lib/incident-status";
import { createTestDb, thrown, type TestDb, type TestUser } from "../testing/test-db";
import { declareIncident, listIncidents, updateIncident, type IncidentListItem } from "./incidents";

let t: TestDb;
let responder: TestUser;
let viewer: TestUser;
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
  t = createTestDb();
  responder = await t.createUser("responder");
  viewer = await t.createUser("viewer");
  vi.useFakeTimers({ toFake: ["Date"] });
  plan.forEach((p, n) => {
    vi.setSystemTime(BASE + n * HOUR);
    const { key, status, ...input } = p as (typeof plan)[number] & { status?: string };
    const { incident } = declareIncident({ actor: responder.actor, input });
    ids[key] = incident.id;
    if (status) updateIncident({ actor: responder.actor, incidentId: incident.id, input: { version: 1, status } });
  });
  vi.useRealTimers();
});
afterAll(() => t.cleanup());

const keysOf = (items: IncidentListItem[]) => items.map((i) => Object.keys(ids).find((k) => ids[k] === i.id));

describe("listIncidents", () => {
  it("puts open incidents first, then the rest, newest first within each", () => {
    const { items, nextCursor } = listIncidents({ actor: responder.actor, query: {} });
    expect(nextCursor).toBeNull();
    expect(keysOf(items)).toEqual(["l", "j", "i", "h", "f", "e", "c", "b", "k", "g", "d", "a"]);
  });

  it("shows the commander", () => {
    const { items } = listIncidents({ actor: viewer.actor, query: { limit: "1" } });
    expect(items[0]!.commander).toEqual({ name: responder.name, email: responder.email });
  });

  it("leaves private incidents out for a viewer", () => {
    const { items } = listIncidents({ actor: viewer.actor, query: {} });
    expect(keysOf(items)).toEqual(["l", "i", "h", "f", "e", "c", "b", "k", "g", "d", "a"]);
  });

  it("filters by status, status group and severity", () => {
    expect(keysOf(listIncidents({ actor: responder.actor, query: { status: "resolved" } }).items)).toEqual(["k", "g", "a"]);
    expect(keysOf(listIncidents({ actor: responder.actor, query: { status: "inactive" } }).items)).toEqual(["k", "g", "d", "a"]);
    const active = listIncidents({ actor: responder.actor, query: { status: "active" } }).items;
    expect(active.every((i) => isActive(i.status))).toBe(true);
    expect(active).toHaveLength(8);
    expect(keysOf(listIncidents({ actor: responder.actor, query: { severity: "SEV2" } }).items)).toEqual(["l", "j", "f", "a"]);
    expect(keysOf(listIncidents({ actor: responder.actor, query: { severity: "SEV2", status: "active" } }).items)).toEqual(["l", "j", "f"]);
  });

  it("searches title and summary, case-insensitively, and by reference", () => {
    expect(keysOf(listIncidents({ actor: responder.actor, query: { q: "latency" } }).items)).toEqual(["l", "h"]);
    expect(keysOf(listIncidents({ actor: responder.actor, query: { q: "oauth CALLBACK" } }).items)).toEqual(["f"]);
    expect(keysOf(listIncidents({ actor: responder.actor, query: { q: `INC-${ids.c}` } }).items)).toEqual(["c"]);
  });

  it("treats LIKE wildcards in the search text literally", () => {
    expect(keysOf(listIncidents({ actor: responder.actor, query: { q: "100%" } }).items)).toEqual(["k"]);
    expect(keysOf(listIncidents({ actor: responder.actor, query: { q: "worker_" } }).items)).toEqual(["k"]);
    expect(listIncidents({ actor: responder.actor, query: { q: "1%" } }).items).toEqual([]);
    expect(listIncidents({ actor: responder.actor, query: { q: "a_i" } }).items).toEqual([]);
  });

  it("pages with a cursor without duplicates or gaps", () => {
    const all = listIncidents({ actor: responder.actor, query: {} }).items.map((i) => i.id);
    for (const limit of [1, 2, 3, 5, 11]) {
      const seen: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: { items: IncidentListItem[]; nextCursor: string | null } = listIncidents({
          actor: responder.actor,
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

  it("pages within a filter", () => {
    const first = listIncidents({ actor: responder.actor, query: { status: "active", limit: "5" } });
    expect(first.items).toHaveLength(5);
    expect(decodeCursor(first.nextCursor!)).toMatchObject({ rank: 1 });
    const second = listIncidents({ actor: responder.actor, query: { status: "active", limit: "5", cursor: first.nextCursor } });
    expect(second.items).toHaveLength(3);
    expect(second.nextCursor).toBeNull();
  });

  it("rejects a bad cursor and bad limits with 400", () => {
    expect(thrown(() => listIncidents({ actor: responder.actor, query: { cursor: "garbage" } })).fields).toEqual({ cursor: "Invalid cursor" });
    expect(thrown(() => listIncidents({ actor: responder.actor, query: { limit: "500" } })).status).toBe(400);
    expect(thrown(() => listIncidents({ actor: responder.actor, query: { severity: "SEV7" } })).fields).toHaveProperty("severity");
  });

  it("lists only my incidents with mine=1", async () => {
    const other = await t.createUser("responder");
    expect(listIncidents({ actor: other.actor, query: { mine: "1" } }).items).toEqual([]);
    expect(listIncidents({ actor: responder.actor, query: { mine: "1" } }).items).toHaveLength(plan.length);
  });
});
