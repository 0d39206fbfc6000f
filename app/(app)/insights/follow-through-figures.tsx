import { METRIC_DEFINITIONS } from "@/lib/insights/definitions";
import type { InsightsReport } from "@/lib/insights/types";
import { ActionItemsChart } from "./action-items-chart";
import { ChartCard } from "./chart-card";
import { SERIES_COLORS } from "./chart-theme";
import { DefinitionTip } from "./definition-tip";
import { coverageText, formatCount, formatRatio, formatSeconds } from "@/lib/insights/format";
import { PostmortemChart } from "./postmortem-chart";

function Stat({ label, value, note, tip }: { label: string; value: React.ReactNode; note?: React.ReactNode; tip?: keyof typeof METRIC_DEFINITIONS }) {
  return (
    <div className="relative min-w-0">
      <dt className="flex items-center gap-0.5 text-xs text-zinc-500 dark:text-zinc-400">
        {label}
        {tip ? <DefinitionTip label={METRIC_DEFINITIONS[tip].label} definition={METRIC_DEFINITIONS[tip].definition} /> : null}
      </dt>
      <dd className="text-lg font-semibold tabular-nums">{value}</dd>
      {note ? <dd className="text-xs text-zinc-500 dark:text-zinc-400">{note}</dd> : null}
    </div>
  );
}

/** Required vs published postmortems, how many were on time, late or are overdue, and how long publishing takes. */
export function PostmortemsFigure({ postmortems, bucket }: { postmortems: InsightsReport["postmortems"]; bucket: "week" | "month" }) {
  const p = postmortems;
  const nothing = p.required === 0 && p.published === 0 && p.byBucket.every((b) => b.required === 0 && b.published === 0);
  const ttp = p.timeToPublish;
  return (
    <ChartCard
      id="postmortems"
      title="Postmortems"
      metric="postmortemsRequired"
      coverage={`${formatCount(p.required)} required · ${formatCount(p.published)} published${p.voluntary ? ` (${formatCount(p.voluntary)} not required)` : ""}`}
      empty={nothing ? "No incident that started in this period needed a postmortem, and none was published." : null}
      chart={
        <>
          <dl className="mb-3 grid grid-cols-3 gap-3">
            <Stat label="Published on time" value={formatCount(p.publishedOnTime)} />
            <Stat label="Published late" value={formatCount(p.publishedLate)} />
            <Stat label="Overdue now" value={formatCount(p.overdue)} tip="postmortemsOverdue" />
            <Stat label="Median time to publish" value={formatSeconds(ttp.median)} tip="timeToPublish" />
            <Stat label="p90 time to publish" value={formatSeconds(ttp.p90)} />
            <Stat label="Coverage" value={<span className="text-sm font-normal">{coverageText(ttp, "missing a date")}</span>} />
          </dl>
          <PostmortemChart rows={p.byBucket} bucket={bucket} />
        </>
      }
      table="postmortems"
    />
  );
}

/** Action items opened vs closed with the open backlog, and who holds the overdue ones. */
export function ActionItemsFigure({ actionItems, bucket }: { actionItems: InsightsReport["actionItems"]; bucket: "week" | "month" }) {
  const a = actionItems;
  const nothing = a.byBucket.every((b) => b.opened === 0 && b.closed === 0 && b.backlog === 0) && a.overdueByTeam.length === 0;
  const maxOpen = Math.max(0, ...a.overdueByTeam.map((t) => t.open));
  return (
    <ChartCard
      id="action-items"
      title="Action items"
      metric="actionItemsFlow"
      coverage={`Done on time: ${formatRatio(a.onTime)} · ${formatCount(a.overdueNow)} overdue now`}
      empty={nothing ? "No action items for the incidents in scope." : null}
      chart={
        <>
          <ActionItemsChart rows={a.byBucket} bucket={bucket} />
          <div className="relative mt-4 flex items-start gap-1">
            <h4 className="text-sm font-semibold">Overdue by team</h4>
            <DefinitionTip label={METRIC_DEFINITIONS.overdueByTeam.label} definition={METRIC_DEFINITIONS.overdueByTeam.definition} />
          </div>
          {a.overdueByTeam.length === 0 ? (
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">No open action items.</p>
          ) : (
            <ul className="mt-2 space-y-1.5">
              {a.overdueByTeam.map((t) => (
                <li key={t.team} className="grid grid-cols-[1fr_auto] items-center gap-x-2 gap-y-1 text-sm sm:grid-cols-[minmax(6rem,9rem)_1fr_auto]">
                  <span className="truncate">{t.team}</span>
                  <div
                    aria-hidden
                    className="col-span-2 row-start-2 flex h-3 min-w-0 overflow-hidden rounded-sm bg-zinc-100 sm:col-span-1 sm:row-start-auto dark:bg-zinc-800"
                  >
                    <div style={{ width: `${maxOpen ? (t.overdue / maxOpen) * 100 : 0}%`, background: SERIES_COLORS.overdue }} />
                    <div style={{ width: `${maxOpen ? ((t.open - t.overdue) / maxOpen) * 100 : 0}%`, background: SERIES_COLORS.muted }} />
                  </div>
                  <span className="text-xs whitespace-nowrap tabular-nums">
                    <span className="font-semibold">{formatCount(t.overdue)} overdue</span> of {formatCount(t.open)} open
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      }
      table="action-items"
    />
  );
}
