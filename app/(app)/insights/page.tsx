import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Download } from "lucide-react";
import { requireActor } from "@/server/auth/session";
import { AppError } from "@/lib/errors";
import { METRIC_DEFINITIONS } from "@/lib/insights/definitions";
import { DEFAULT_RANGE_DAYS } from "@/lib/insights/params";
import type { InsightsReport } from "@/lib/insights/types";
import { listServices } from "@/db/queries/catalogue/services";
import { listTeams } from "@/db/queries/admin/teams";
import { buttonClass } from "@/app/components/ui";
import { loadInsights } from "@/db/queries/insights";
import { DurationDistribution } from "./duration-distribution";
import { DurationTrendFigure } from "./duration-trend-figure";
import { FactorsFigure } from "./factors-figure";
import { ActionItemsFigure, PostmortemsFigure } from "./follow-through-figures";
import { HeadlineTiles } from "./headline-tiles";
import { KeyFindings } from "./key-findings";
import { InsightsControls, type ControlValues } from "./insights-controls";
import { csvHref, insightsHref, normaliseInsightsSearch, rawSearchString, searchString, type InsightsSearch, type RawSearch } from "./insights-query";
import { OverTimeFigure } from "./over-time-figure";
import { RepeatsList } from "./repeats-list";
import { RespondersFigure } from "./responders-figure";
import { ScopeStatement } from "./scope-statement";
import { SectionNav } from "./section-nav";
import { sectionTitle, type InsightsSectionId } from "./sections";
import { ServicesFigure } from "./services-figure";

export const metadata: Metadata = { title: "Insights" };

function controlValues(search: InsightsSearch, report: InsightsReport | null): ControlValues {
  return {
    range: search.range ?? (search.from || search.to ? "custom" : String(DEFAULT_RANGE_DAYS)),
    from: report?.period.from ?? search.from ?? "",
    to: report?.period.to ?? search.to ?? "",
    severity: (search.severity ?? "").split(",").filter(Boolean),
    service: search.service ?? "",
    team: search.team ?? "",
  };
}

/** A titled part of the dashboard, the target of its link in the section navigation. */
function Section({ id, intro, children }: { id: InsightsSectionId; intro?: string; children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="scroll-mt-16 space-y-3 md:scroll-mt-28">
      <div>
        <h2 id={`${id}-heading`} className="text-lg font-semibold tracking-tight">
          {sectionTitle(id)}
        </h2>
        {intro ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{intro}</p> : null}
      </div>
      {children}
    </section>
  );
}

export default async function InsightsPage({ searchParams }: { searchParams: Promise<RawSearch> }) {
  const actor = await requireActor();
  const raw = await searchParams;
  const search = normaliseInsightsSearch(raw);
  // One URL per view: what the form submits (checkboxes, empty selects) becomes the shareable form.
  if (searchString(search) !== rawSearchString(raw)) redirect(insightsHref(search));

  let report: InsightsReport | null = null;
  let problem: { message: string; fields: Record<string, string> } | null = null;
  try {
    report = await loadInsights({ actor, query: search });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problem = { message: error.message, fields: error.fields ?? {} };
  }
  const services = (await listServices({ actor, query: {} })).map(({ slug, name }) => ({ slug, name }));
  const teams = (await listTeams({ actor })).map(({ id, name }) => ({ id, name }));
  const bucket = report?.incidentsOverTime.bucket ?? "week";

  return (
    <div className="mx-auto max-w-7xl space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1 basis-96">
          <h1 className="text-2xl font-semibold tracking-tight">Insights</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Are we learning from incidents? How often they happen, how long they last, where and why, and whether the follow-up gets done.
          </p>
        </div>
        {report ? (
          <a href={csvHref(search)} download className={`${buttonClass} shrink-0`}>
            <Download aria-hidden className="h-4 w-4" /> Download incidents (CSV)
          </a>
        ) : null}
      </div>

      <div className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
        <InsightsControls key={searchString(search)} values={controlValues(search, report)} errors={problem?.fields ?? {}} services={services} teams={teams} />
      </div>

      {problem ? (
        <p
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
        >
          These filters cannot be shown: {problem.message}. Correct the marked field and apply again.
        </p>
      ) : null}

      {report ? (
        <>
          <SectionNav />
          <div id="overview" className="scroll-mt-16 space-y-6 md:scroll-mt-28">
            <ScopeStatement
              report={report}
              serviceName={services.find((s) => s.slug === report.filters.service)?.name ?? null}
              teamName={teams.find((t) => t.id === report.filters.team)?.name ?? null}
            />
            <KeyFindings report={report} />
            <section aria-labelledby="overview-heading" className="space-y-3">
              <div>
                <h2 id="overview-heading" className="text-lg font-semibold tracking-tight">
                  {sectionTitle("overview")}
                </h2>
                <p className="text-sm text-zinc-600 dark:text-zinc-400">
                  This period against the one before it. Arrows and words say which way each figure moved; for counts and durations, lower is better.
                </p>
              </div>
              <HeadlineTiles report={report} />
              <p className="text-xs text-zinc-500 dark:text-zinc-400">
                <span className="font-medium">{METRIC_DEFINITIONS.percentiles.label}:</span> {METRIC_DEFINITIONS.percentiles.definition}{" "}
                <span className="font-medium">{METRIC_DEFINITIONS.reconstructed.label}:</span> {METRIC_DEFINITIONS.reconstructed.definition}
              </p>
            </section>
          </div>
          <Section
            id="speed"
            intro="How long incidents took from their start, over time and per severity. Medians and p90s, not means: a few long incidents would distort a mean."
          >
            <DurationTrendFigure trend={report.durationTrend} />
            <DurationDistribution distribution={report.durationDistribution} filter={report.filters.severity} />
          </Section>
          <Section id="where">
            <OverTimeFigure data={report.incidentsOverTime} />
            <ServicesFigure services={report.services} filters={report.filters} />
          </Section>
          <Section id="causes">
            <div className="grid gap-4 lg:grid-cols-2">
              <FactorsFigure factors={report.factors} bucket={bucket} />
              <RepeatsList repeats={report.factors.repeats} timeZone={report.timeZone} />
            </div>
          </Section>
          <Section id="follow-through">
            <div className="grid gap-4 lg:grid-cols-2">
              <PostmortemsFigure postmortems={report.postmortems} bucket={bucket} />
              <ActionItemsFigure actionItems={report.actionItems} bucket={bucket} />
            </div>
          </Section>
          <Section id="people">
            <RespondersFigure responders={report.responders} timeZone={report.timeZone} />
          </Section>
        </>
      ) : null}
    </div>
  );
}
