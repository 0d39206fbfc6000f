import client from "prom-client";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "../client";
import { incidents } from "../schema";
import { SEVERITIES } from "@/lib/severity";
import { STATUSES, isActive } from "@/lib/incident-status";
import { getMetrics } from "@/server/observability/metrics.mjs";

const OPEN_STATUSES = STATUSES.filter(isActive);

/** Open (not yet resolved) incidents by severity, every severity present; drills are not counted. */
export async function openIncidentsBySeverity(): Promise<Record<string, number>> {
  const counts: Record<string, number> = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0]));
  const rows = await getDb()
    .select({ severity: incidents.severity, n: sql<number>`count(*)` })
    .from(incidents)
    .where(and(inArray(incidents.status, OPEN_STATUSES), eq(incidents.drill, false)))
    .groupBy(incidents.severity);
  for (const row of rows) counts[row.severity] = row.n;
  return counts;
}

/** Adds the gauges read from the database on every scrape (once per process). */
export function registerDatabaseMetrics(): void {
  const { registry } = getMetrics();
  if (registry.getSingleMetric("hindsight_open_incidents")) return;
  new client.Gauge({
    name: "hindsight_open_incidents",
    help: "Incidents not yet resolved (drills excluded), by severity",
    labelNames: ["severity"],
    registers: [registry],
    async collect() {
      for (const [severity, n] of Object.entries(await openIncidentsBySeverity())) this.set({ severity }, n);
    },
  });
}
