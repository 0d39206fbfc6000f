// engine: sqlite — every case reads SQLite's EXPLAIN QUERY PLAN (db/testing/query-plans.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { encodeCursor } from "@/lib/cursor";
import { setUpTestDb } from "../testing/test-db";
import { plansOf, wholeTableSteps } from "../testing/query-plans";
import { declareIncident } from "../commands/incidents/declare";
import { createService } from "../commands/catalogue/services";
import { listIncidents } from "./incidents/list";
import { listActionItems } from "./action-items/list";
import { listPostmortems } from "./postmortems/list";
import { firstRunChecklist } from "./admin/first-run";
import { listServicePickerChoices } from "./catalogue/picker";

// The list pages read a page of rows in index order: their cost must not grow with history.
// Each case fails when an index they rely on is dropped or a query stops matching it.
const ctx = setUpTestDb();
const HISTORY = ["incidents", "action_items", "postmortems", "incident_services", "timeline_entries", "incident_roles"];

beforeAll(async () => {
  await createService({ actor: ctx.admin.actor, input: { slug: "api", name: "API", tier: 1 } });
  await declareIncident({ actor: ctx.admin.actor, input: { title: "Plans", severity: "SEV2", services: [{ service: "api", impact: "degraded" }] } });
});

describe("page queries read history through indexes", () => {
  const cases: [string, () => unknown][] = [
    ["incident list, active (admin)", () => listIncidents({ actor: ctx.admin.actor, query: { status: "active", limit: 25 } })],
    ["incident list, all (admin)", () => listIncidents({ actor: ctx.admin.actor, query: { limit: 25 } })],
    ["incident list, all (responder: visibility)", () => listIncidents({ actor: ctx.responder.actor, query: { limit: 25 } })],
    [
      "incident list, inactive, next page",
      () => listIncidents({ actor: ctx.admin.actor, query: { status: "inactive", limit: 25, cursor: encodeCursor({ rank: 0, at: Date.now(), id: 9 }) } }),
    ],
    [
      "incident list, all, next page",
      () => listIncidents({ actor: ctx.admin.actor, query: { limit: 25, cursor: encodeCursor({ rank: 1, at: Date.now(), id: 9 }) } }),
    ],
    ["incident list, closed", () => listIncidents({ actor: ctx.viewer.actor, query: { status: "closed", limit: 25 } })],
    [
      "action items, unfinished (default)",
      () => listActionItems({ actor: ctx.responder.actor, query: { status: "open,in_progress", sort: "due", limit: 50 } }),
    ],
    ["action items, every status, latest due first", () => listActionItems({ actor: ctx.admin.actor, query: { sort: "-due", limit: 50 } })],
    ["postmortems (admin)", () => listPostmortems({ actor: ctx.admin.actor, query: { limit: 50 } })],
    ["postmortems, drafts", () => listPostmortems({ actor: ctx.responder.actor, query: { status: "draft", limit: 50 } })],
    ["postmortems (viewer: published only)", () => listPostmortems({ actor: ctx.viewer.actor, query: { limit: 50 } })],
    ["first-run checklist", () => firstRunChecklist({ actor: ctx.admin.actor })],
    ["service pickers", () => listServicePickerChoices({ actor: ctx.viewer.actor })],
  ];
  it.each(cases)("%s: no sort or scan of a whole history table", async (_, fn) => {
    expect(wholeTableSteps(await plansOf(fn), HISTORY)).toEqual([]);
  });

  it("would catch a query that sorts every incident", async () => {
    const plans = await plansOf(() => listIncidents({ actor: ctx.admin.actor, query: { severity: "SEV2", limit: 25 } }));
    // Control: a severity filter reads its incidents by the severity index and sorts them (bounded by that severity).
    expect(plans.some((p) => p.plan.some((step) => step.includes("TEMP B-TREE FOR ORDER BY")))).toBe(true);
  });
});
