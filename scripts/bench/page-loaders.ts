// Times the data loading of each list/detail page in-process (the query functions its page.tsx
// and the app layout call, nothing rendered) on two databases, and prints the ratio.
// Figures only: a missed target is reported, never a failure.
//
//   npx tsx --conditions=react-server scripts/bench/page-loaders.ts --demo /tmp/demo.db --big /tmp/bench-copy.db
//   … --runs 30 --warmup 3 --role responder
//
// Both files are opened read-write by the data layer: point --big at a copy of the 100k database.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { getSqlite, useDatabaseForTests } from "@/db/client";
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

/** What each page loads, in the order its page.tsx (and the app layout) calls it. */
function pageLoaders(actor: Actor, incidentId: number): Record<string, () => unknown> {
  const canEdit = actor.role !== "viewer";
  // The app layout loads nothing but the actor now: the declare dialog fetches its choices on open.
  const layout = () => undefined;
  return {
    "declare / link-service picker (on open)": () => listServicePickerChoices({ actor }),
    "/incidents": () => {
      layout();
      const result = listIncidents({ actor, query: { status: "active", limit: 25 } });
      const ids = result.items.map((i) => i.id);
      lastActivity({ actor, incidentIds: ids });
      serviceNamesFor({ actor, incidentIds: ids });
      listServicePickerChoices({ actor });
      getOrgTimeZone({ actor });
      firstRunChecklist({ actor });
    },
    "/incidents?status=all": () => {
      layout();
      const result = listIncidents({ actor, query: { limit: 25 } });
      const ids = result.items.map((i) => i.id);
      lastActivity({ actor, incidentIds: ids });
      serviceNamesFor({ actor, incidentIds: ids });
      listServicePickerChoices({ actor });
    },
    "/incidents/{ref}": () => {
      layout();
      getIncident({ actor, incidentId });
      listTimeline({ actor, incidentId });
      if (canEdit) listActiveUsers({ actor });
      lastActivity({ actor, incidentIds: [incidentId] });
      const linked = listLinkedServices({ actor, incidentId });
      const spend = linked.length ? incidentSloSpend({ actor, incidentId }) : [];
      for (const slug of new Set(spend.filter((s) => s.pushed).map((s) => s.serviceSlug))) getService({ actor, slug });
      if (postmortemDueForIncident({ actor, incidentId }).started) getPostmortem({ actor, incidentId });
      listChecklist({ actor, incidentId });
      getUpdateCadence({ actor });
      lastStakeholderUpdateAt({ actor, incidentId });
      actionItemsForIncident({ actor, incidentId });
    },
    "/services": () => {
      layout();
      listTeams({ actor });
      listServices({ actor, query: {} });
    },
    "/postmortems": () => {
      layout();
      listPostmortems({ actor, query: { limit: 50 } });
      getRequiredSeverities({ actor });
    },
    "/action-items": () => {
      layout();
      listActionItems({ actor, query: { status: "open,in_progress", sort: "due", limit: 50 } });
      listActiveUsers({ actor });
      listTeams({ actor });
      listServicePickerChoices({ actor });
    },
  };
}

async function measure(file: string): Promise<Map<string, number>> {
  useDatabaseForTests(file);
  const actor = actorWithRole(args.role as UserRole);
  const incidentId = sampleIncidentId();
  const incidents = (getSqlite().prepare("SELECT count(*) AS n FROM incidents").get() as { n: number }).n;
  console.log(`[pages] ${file}: ${incidents.toLocaleString("en-US")} incidents, as ${actor.role} ${actor.name}, incident page INC-${incidentId}`);
  const medians = new Map<string, number>();
  for (const [label, load] of Object.entries(pageLoaders(actor, incidentId))) {
    const { samples } = await timeRuns(load, runs);
    medians.set(label, summarize(samples).median);
  }
  return medians;
}

async function main() {
  const demo = await measure(args.demo!);
  const big = await measure(args.big!);
  console.log("");
  console.log(
    formatTable(
      ["page data", "demo median", "100k median", "ratio", `≤ ${TARGET}×`],
      [...demo.keys()].map((label) => {
        const a = demo.get(label)!;
        const b = big.get(label)!;
        // Sub-millisecond loads compare against 1 ms: timer noise is not a regression.
        const ratio = b / Math.max(a, 1);
        return [label, ms(a), ms(b), `${ratio.toFixed(2)}×`, ratio <= TARGET ? "yes" : "MISSED"];
      }),
    ),
  );
}

void main();
