import Link from "next/link";
import { Lock } from "lucide-react";
import type { BudgetResult } from "@/lib/error-budget";
import type { Slo } from "@/db/queries/catalogue/slos";
import { incidentReference } from "@/lib/validation/incident";
import { BudgetBurnDownChart } from "@/app/components/budget-burn-down-chart";
import { formatMinutes } from "@/app/components/budget-format";
import { BudgetGauge } from "@/app/components/budget-gauge";
import { BudgetStatusBadge } from "@/app/components/budget-status-badge";
import { cardClass } from "@/app/components/ui";
import { SloControls } from "./slo-controls";

type Props = {
  slug: string;
  slo: Slo & { budget: BudgetResult };
  burnDown: { at: number; remainingMinutes: number }[];
  /** Incidents this person may see; any other spender shows as "Private incident". */
  titles: Map<number, { title: string }>;
  canManage: boolean;
};

const objectiveText = (objective: number) => `${Number(objective.toFixed(4))}%`;

/** One SLO: objective, budget gauge and status, burn-down, and the incidents that spent it. */
export function SloCard({ slug, slo, burnDown, titles, canManage }: Props) {
  const { budget } = slo;
  const headingId = `slo-${slo.id}-name`;
  return (
    <article aria-labelledby={headingId} className={`${cardClass} min-w-0 p-4`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 id={headingId} className="text-base font-semibold break-words">
            {slo.name}
          </h3>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Objective <strong className="font-semibold text-zinc-900 dark:text-zinc-100">{objectiveText(slo.objective)}</strong> over {slo.windowDays}{" "}
            {slo.windowDays === 1 ? "day" : "days"}
          </p>
        </div>
        <BudgetStatusBadge status={budget.status} prefix="Budget:" />
      </div>
      {slo.sliDescription ? <p className="mt-1 text-sm break-words text-zinc-700 dark:text-zinc-300">{slo.sliDescription}</p> : null}
      <div className="mt-3">
        <BudgetGauge
          label={`${slo.name}: error budget remaining`}
          remainingMinutes={budget.remainingMinutes}
          remainingPercent={budget.remainingPercent}
          budgetMinutes={budget.budgetMinutes}
          status={budget.status}
        />
        <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
          Spent {formatMinutes(budget.spentMinutes)} in the last {slo.windowDays} {slo.windowDays === 1 ? "day" : "days"}.
        </p>
      </div>
      <div className="mt-4">
        <BudgetBurnDownChart points={burnDown} budgetMinutes={budget.budgetMinutes} windowDays={slo.windowDays} sloName={slo.name} />
      </div>
      <section aria-label={`Incidents that spent the ${slo.name} budget`} className="mt-4">
        <h4 className="text-sm font-medium">Spent by</h4>
        {budget.byIncident.length === 0 ? (
          <p className="mt-1 text-sm text-zinc-500">No incident has spent this budget in the window.</p>
        ) : (
          <ul className="mt-1 divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
            {budget.byIncident.map((spend) => {
              const seen = titles.get(spend.incidentId);
              const reference = incidentReference(spend.incidentId);
              return (
                <li key={spend.incidentId} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 py-1.5">
                  <span className="min-w-0 flex-1 basis-48 break-words">
                    {seen ? (
                      <>
                        <Link href={`/incidents/${reference}`} className="font-mono text-xs font-medium text-blue-700 hover:underline dark:text-blue-400">
                          {reference}
                        </Link>{" "}
                        {seen.title}
                      </>
                    ) : (
                      <span className="inline-flex items-center gap-1 text-zinc-500 italic">
                        <Lock aria-hidden className="h-3.5 w-3.5" /> Private incident
                      </span>
                    )}
                  </span>
                  <span className="flex items-center gap-2 whitespace-nowrap">
                    {spend.overridden ? (
                      <span
                        className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
                        title="A responder corrected this incident's spend"
                      >
                        set by hand
                      </span>
                    ) : null}
                    <span className="font-medium tabular-nums">{formatMinutes(spend.minutes)}</span>
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {canManage ? (
        <div className="mt-4 border-t border-zinc-100 pt-3 dark:border-zinc-800">
          <SloControls
            slug={slug}
            slo={{ id: slo.id, version: slo.version, name: slo.name, sliDescription: slo.sliDescription, objective: slo.objective, windowDays: slo.windowDays }}
          />
        </div>
      ) : null}
    </article>
  );
}
