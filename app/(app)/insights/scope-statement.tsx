import type { InsightsReport } from "@/lib/insights/types";
import { formatDayRange, plural } from "@/lib/insights/format";

/** One line saying what the figures cover: how many incidents, which days, what is left out, compared with what. */
export function ScopeStatement({ report, serviceName, teamName }: { report: InsightsReport; serviceName: string | null; teamName: string | null }) {
  const { scope, period, previousPeriod, filters, timeZone } = report;
  const narrowed = [
    filters.severity.length ? `${filters.severity.join(", ")} only` : null,
    filters.service ? `service ${serviceName ?? filters.service}` : null,
    filters.team !== null ? `team ${teamName ?? filters.team}` : null,
  ].filter(Boolean);
  return (
    <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="insights-scope">
      <span className="font-semibold text-zinc-900 dark:text-zinc-100">{plural(scope.current.incidents, "incident")}</span> started{" "}
      {formatDayRange(period.from, period.to)} ({timeZone}){narrowed.length ? ` · ${narrowed.join(" · ")}` : ""} ·{" "}
      {plural(scope.current.drillsExcluded, "drill")} left out · compared with the {plural(previousPeriod.days, "day")} before (
      {formatDayRange(previousPeriod.from, previousPeriod.to)}: {plural(scope.previous.incidents, "incident")}).{" "}
      <span className="text-zinc-500 dark:text-zinc-400">Only incidents you may see are counted.</span>
    </p>
  );
}
