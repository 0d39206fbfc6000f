import type { InsightsReport } from "@/lib/insights/types";
import { ChartCard } from "./chart-card";
import { IncidentsOverTimeChart } from "./incidents-over-time-chart";
import { formatCount } from "@/lib/insights/format";

/** Incidents per week or month, stacked by severity. */
export function OverTimeFigure({ data }: { data: InsightsReport["incidentsOverTime"] }) {
  const total = data.rows.reduce((sum, r) => sum + r.total, 0);
  return (
    <ChartCard
      id="over-time"
      title={`Incidents per ${data.bucket}`}
      metric="incidentsOverTime"
      coverage={`n = ${formatCount(total)} · by the day each incident started`}
      empty={total === 0 ? "No incidents started in this period." : null}
      chart={<IncidentsOverTimeChart data={data} />}
      table="over-time"
    />
  );
}
