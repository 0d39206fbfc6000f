import type { InsightsReport } from "@/lib/insights/types";
import { ChartCard } from "./chart-card";
import { SERIES_COLORS } from "./chart-theme";
import { formatCount, formatRate, plural } from "@/lib/insights/format";
import { RespondersChart } from "./responders-chart";

const TOP = 15;

type Responders = InsightsReport["responders"];

/** Who carries the load: incidents per person (top 15), and how much of it came out of hours, overall and per person. */
export function RespondersFigure({ responders, timeZone }: { responders: Responders; timeZone: string }) {
  const people = [...responders.people].sort((a, b) => b.incidents - a.incidents || a.name.localeCompare(b.name));
  const top = people.slice(0, TOP);
  const byShare = [...top].sort((a, b) => (b.outOfHoursRate ?? 0) - (a.outOfHoursRate ?? 0) || b.outOfHours - a.outOfHours);
  const { outOfHours } = responders;
  const none = people.length === 0 ? "Nobody held a role on an incident in this period." : null;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ChartCard
        id="responders"
        title="Incidents per person"
        metric="responderLoad"
        coverage={`${plural(people.length, "person", "people")} held a role${people.length > TOP ? ` · top ${TOP} shown` : ""} · an incident counts once per person`}
        empty={none}
        chart={<RespondersChart rows={top.map((p) => ({ name: p.name, inHours: p.incidents - p.outOfHours, outOfHours: p.outOfHours }))} />}
        table="responders"
      />
      <ChartCard
        id="out-of-hours"
        title="Out of hours"
        metric="outOfHours"
        coverage={`n = ${formatCount(outOfHours.denominator)} incidents · outside 09:00–18:00 Monday–Friday (${timeZone}), by declaration time`}
        empty={outOfHours.denominator === 0 ? "No incidents in this period." : null}
        chart={
          <>
            <p className="text-sm">
              <span className="text-3xl font-semibold tracking-tight tabular-nums">{formatRate(outOfHours.rate)}</span> of incidents were declared out of hours{" "}
              <span className="text-zinc-600 dark:text-zinc-400">
                ({formatCount(outOfHours.numerator)} of {formatCount(outOfHours.denominator)})
              </span>
            </p>
            {byShare.length ? (
              <>
                <p className="mt-4 mb-1 text-xs font-medium text-zinc-500">Share of each person&rsquo;s incidents out of hours</p>
                <ul className="space-y-1.5">
                  {byShare.map((p) => (
                    <li key={p.userId} className="grid grid-cols-[1fr_auto] items-center gap-x-2 gap-y-1 text-sm sm:grid-cols-[minmax(6rem,10rem)_1fr_auto]">
                      <span className="truncate">{p.name}</span>
                      <div aria-hidden className="col-span-2 row-start-2 h-3 min-w-0 rounded-sm bg-zinc-100 sm:col-span-1 sm:row-start-auto dark:bg-zinc-800">
                        <div className="h-3 rounded-sm" style={{ width: `${Math.round((p.outOfHoursRate ?? 0) * 100)}%`, background: SERIES_COLORS.late }} />
                      </div>
                      <span className="w-28 text-right text-xs whitespace-nowrap tabular-nums">
                        <span className="font-semibold">{formatRate(p.outOfHoursRate)}</span> ({formatCount(p.outOfHours)} of {formatCount(p.incidents)})
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        }
      />
    </div>
  );
}
