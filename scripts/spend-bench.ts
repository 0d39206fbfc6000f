// npx tsx --conditions=react-server scripts/spend-bench.ts <copy of a bench database>
// Prints the median time of the reads that show SLO spend (catalogue, service page, incident
// SLO panel). Point it at a COPY: the first read fills the derived spend tables.
import { getDb, getSqlite } from "@/db/client";
import { budgetsFor } from "@/db/access/slo-budgets";
import { referenceBudgetsFor } from "@/db/access/slo-budgets-reference";
import { slos } from "@/db/schema";
import { listServices, getService } from "@/db/queries/catalogue/services";
import { incidentSloSpend } from "@/db/queries/incidents/slo-spend";
import { declareIncident } from "@/db/commands/incidents/declare";
import { updateIncident } from "@/db/commands/incidents/update";
import { BENCH_ADMIN_EMAIL } from "@/db/seed/bench/catalog";
import type { Actor } from "@/lib/actor";

const file = process.argv[2];
if (!file) throw new Error("Usage: spend-bench.ts <database copy>");
process.env.DATABASE_PATH = file;
const sqlite = getSqlite();
const admin = sqlite.prepare("SELECT id, name, email FROM users WHERE email = ?").get(BENCH_ADMIN_EMAIL) as { id: number; name: string; email: string };
const actor: Actor = { kind: "user", userId: admin.id, role: "admin", email: admin.email, name: admin.name, ip: null };
const service = sqlite.prepare("SELECT v.slug FROM services v JOIN slos s ON s.service_id = v.id GROUP BY v.id ORDER BY count(*) DESC, v.id LIMIT 1").get() as {
  slug: string;
};
const incident = sqlite
  .prepare(
    `SELECT i.id FROM incidents i JOIN incident_services x ON x.incident_id = i.id JOIN slos s ON s.service_id = x.service_id
     WHERE i.drill = 0 GROUP BY i.id ORDER BY count(*) DESC, i.started_at DESC LIMIT 1`,
  )
  .get() as { id: number };

async function median(label: string, run: () => unknown, times = 15) {
  const first = performance.now();
  await run();
  const firstMs = performance.now() - first;
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} first ${firstMs.toFixed(1).padStart(8)} ms   median ${ms[Math.floor(times / 2)]!.toFixed(2).padStart(8)} ms`);
}

await median("listServices (catalogue with budgets)", () => listServices({ actor, query: {} }));
await median(`getService(${service.slug})`, () => getService({ actor, slug: service.slug }));
await median(`incidentSloSpend(INC-${incident.id})`, () => incidentSloSpend({ actor, incidentId: incident.id }));

// The budget computation alone, stored segments against the reference (every impact swept per call).
const allSlos = await getDb().select().from(slos);
await median(`budgets of all ${allSlos.length} SLOs, stored`, () => budgetsFor(getDb(), allSlos));
await median(`budgets of all ${allSlos.length} SLOs, reference`, () => referenceBudgetsFor(getDb(), allSlos, Date.now()));

// Writes that move impact (they refresh the stored spend in their transaction): declare a
// backdated incident on the service, then mitigate it.
let declared = 0;
await median(
  `declare on ${service.slug} (backdated 2 h)`,
  async () => {
    declared = (
      await declareIncident({
        actor,
        input: {
          title: "Spend bench",
          severity: "SEV2",
          startedAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
          services: [{ service: service.slug, impact: "partial_outage" }],
        },
      })
    ).incident.id;
  },
  5,
);
await median(
  "declare now + move to monitoring",
  async () => {
    declared = (
      await declareIncident({ actor, input: { title: "Spend bench", severity: "SEV2", services: [{ service: service.slug, impact: "full_outage" }] } })
    ).incident.id;
    await updateIncident({ actor, incidentId: declared, input: { version: 1, status: "monitoring" } });
  },
  5,
);
