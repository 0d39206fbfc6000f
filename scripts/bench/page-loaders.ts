// Times the data loading of each list/detail page in-process (the query functions its page.tsx
// and the app layout call, nothing rendered) on two databases, and prints the ratio. The SLO
// budget math inside them (error budgets, postmortem budget flags, incident SLO spend) is also
// timed on its own, so what scales with history elsewhere is visible apart from it.
// Figures only: a missed target is reported, never a failure.
//
//   npx tsx --conditions=react-server scripts/bench/page-loaders.ts --demo /tmp/demo.db --big /tmp/bench-copy.db
//   … --runs 30 --warmup 3 --role responder
//
// Both files are opened read-write by the data layer: point --big at a copy of the 100k database.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { getDb, getSqlite, useDatabaseForTests } from "@/db/client";
import { visibleTo } from "@/db/access/incidents";
import { budgetsFor, slosOfServices } from "@/db/access/slo-budgets";
import type { Actor } from "@/lib/actor";
import type { UserRole } from "@/lib/roles";
import { listIncidents, serviceNamesFor } from "@/db/queries/incidents/list";
import { lastActivity, lastStakeholderUpdateAt } from "@/db/queries/incidents/activity";
import { getIncident } from "@/db/queries/incidents/detail";
import { listTimeline } from "@/db/queries/incidents/timeline";
import { listLinkedServices } from "@/db/queries/incidents/linked-services";
import { incidentSloSpend } from "@/db/queries/incidents/slo-spend";
import { listChecklist } from "@/db/queries/incidents/checklist";
import { listServices, getService } from "@/db/queries/catalogue/services";
import { listServicePickerChoices } from "@/db/queries/catalogue/picker";
import { listTeams } from "@/db/queries/admin/teams";
import { listActiveUsers } from "@/db/queries/admin/users";
import { getOrgTimeZone, getRequiredSeverities, getUpdateCadence } from "@/db/queries/admin/settings";
import { firstRunChecklist } from "@/db/queries/admin/first-run";
import { listPostmortems } from "@/db/queries/postmortems/list";
import { postmortemDueForIncident } from "@/db/queries/postmortems/due";
import { getPostmortem } from "@/db/queries/postmortems/detail";
import { actionItemsForIncident } from "@/db/queries/action-items/read";
import { listActionItems } from "@/db/queries/action-items/list";
import { budgetFlaggedCandidates } from "@/db/queries/postmortems/budget-flags";
import { formatTable, ms, summarize, timeRuns } from "./stats";

const { values: args } = parseArgs({
  options: {
    demo: { type: "string" },
    big: { type: "string" },
    runs: { type: "string", default: "20" },
    warmup: { type: "string", default: "3" },
    role: { type: "string", default: "admin" },
  },
});
if (!args.demo || !args.big) throw new Error("Give --demo FILE and --big FILE (a copy of the 100k database)");
for (const file of [args.demo, args.big]) if (!fs.existsSync(file)) throw new Error(`No database at ${file}`);
const runs = { warmup: Number(args.warmup), runs: Number(args.runs), budgetMs: 60_000 };
const TARGET = 1.5;

function actorWithRole(role: UserRole): Actor {
  const row = getSqlite().prepare("SELECT id, name, email FROM users WHERE role = ? AND disabled = 0 ORDER BY id LIMIT 1").get(role) as
    { id: number; name: string; email: string } | undefined;
  if (!row) throw new Error(`No active ${role} in ${process.env.DATABASE_PATH}`);
  return { kind: "user", userId: row.id, role, email: row.email, name: row.name, ip: null };
}

/** The newest incident with a linked service: the busiest incident page a responder opens. */
function sampleIncidentId(): number {
  const row = getSqlite().prepare("SELECT max(incident_id) AS id FROM incident_services").get() as { id: number | null };
  return row.id ?? (getSqlite().prepare("SELECT max(id) AS id FROM incidents").get() as { id: number }).id;
}

type Page = { load: () => unknown; budgetMath?: () => unknown };

/**
 * What each page loads, in the order its page.tsx calls it (the app layout reads only the actor:
 * the declare dialog fetches its choices when it opens); `budgetMath`: the SLO budget part alone.
 */
function pageLoaders(actor: Actor, incidentId: number): Record<string, Page> {
  const canEdit = actor.role !== "viewer";
  const db = getDb();
  const pushedServices = async () => {
    const spend = (await listLinkedServices({ actor, incidentId })).length ? await incidentSloSpend({ actor, incidentId }) : [];
    for (const slug of new Set(spend.filter((s) => s.pushed).map((s) => s.serviceSlug))) await getService({ actor, slug });
  };
  const incidentList = async (query: Record<string, unknown>) => {
    const ids = (await listIncidents({ actor, query: { ...query, limit: 25 } })).items.map((i) => i.id);
    await lastActivity({ actor, incidentIds: ids });
    await serviceNamesFor({ actor, incidentIds: ids });
    await listServicePickerChoices({ actor });
    await getOrgTimeZone({ actor });
    await firstRunChecklist({ actor });
  };
  return {
    "declare / link-service picker (on open)": { load: () => listServicePickerChoices({ actor }) },
    "/incidents": { load: () => incidentList({ status: "active" }) },
    "/incidents?status=all": { load: () => incidentList({}) },
    "/incidents/{ref}": {
      load: async () => {
        await getIncident({ actor, incidentId });
        await listTimeline({ actor, incidentId });
        if (canEdit) await listActiveUsers({ actor });
        await lastActivity({ actor, incidentIds: [incidentId] });
        await pushedServices();
        if ((await postmortemDueForIncident({ actor, incidentId })).started) await getPostmortem({ actor, incidentId });
        await listChecklist({ actor, incidentId });
        await getUpdateCadence({ actor });
        await lastStakeholderUpdateAt({ actor, incidentId });
        await actionItemsForIncident({ actor, incidentId });
      },
      budgetMath: pushedServices,
    },
    "/services": {
      load: async () => {
        await listTeams({ actor });
        await listServices({ actor, query: {} });
      },
      budgetMath: async () =>
        budgetsFor(
          db,
          await slosOfServices(
            db,
            (await listServicePickerChoices({ actor })).map((s) => s.id),
          ),
        ),
    },
    "/postmortems": {
      load: async () => {
        await listPostmortems({ actor, query: { limit: 50 } });
        await getRequiredSeverities({ actor });
      },
      budgetMath: async () => {
        const now = Date.now();
        await budgetFlaggedCandidates(db, visibleTo(actor), await getRequiredSeverities({ actor }), now);
      },
    },
    "/action-items": {
      load: async () => {
        await listActionItems({ actor, query: { status: "open,in_progress", sort: "due", limit: 50 } });
        await listActiveUsers({ actor });
        await listTeams({ actor });
        await listServicePickerChoices({ actor });
      },
    },
  };
}

type Timing = { total: number; budget: number | null };

async function measure(file: string): Promise<Map<string, Timing>> {
  useDatabaseForTests(file);
  const actor = actorWithRole(args.role as UserRole);
  const incidentId = sampleIncidentId();
  const incidents = (getSqlite().prepare("SELECT count(*) AS n FROM incidents").get() as { n: number }).n;
  console.log(`[pages] ${file}: ${incidents.toLocaleString("en-US")} incidents, as ${actor.role} ${actor.name}, incident page INC-${incidentId}`);
  const medians = new Map<string, Timing>();
  for (const [label, page] of Object.entries(pageLoaders(actor, incidentId))) {
    const total = summarize((await timeRuns(page.load, runs)).samples).median;
    const budget = page.budgetMath ? summarize((await timeRuns(page.budgetMath, runs)).samples).median : null;
    medians.set(label, { total, budget });
  }
  return medians;
}

async function main() {
  const demo = await measure(args.demo!);
  const big = await measure(args.big!);
  console.log("");
  console.log(
    formatTable(
      ["page data (ms)", "demo", "100k", "ratio", `≤ ${TARGET}×`, "budget math demo", "100k", "rest demo", "100k", "rest ratio"],
      [...demo.keys()].map((label) => {
        const a = demo.get(label)!;
        const b = big.get(label)!;
        // Sub-millisecond loads compare against 1 ms: timer noise is not a regression.
        const ratio = (x: number, y: number) => y / Math.max(x, 1);
        const row = [label, ms(a.total), ms(b.total), `${ratio(a.total, b.total).toFixed(2)}×`, ratio(a.total, b.total) <= TARGET ? "yes" : "MISSED"];
        if (a.budget === null || b.budget === null) return [...row, "", "", "", "", ""];
        const restA = Math.max(a.total - a.budget, 0);
        const restB = Math.max(b.total - b.budget, 0);
        return [...row, ms(a.budget), ms(b.budget), ms(restA), ms(restB), `${ratio(restA, restB).toFixed(2)}×`];
      }),
    ),
  );
}

void main();
