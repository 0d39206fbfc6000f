import Link from "next/link";
import { CheckCircle2, Circle } from "lucide-react";
import type { FirstRunStep, FirstRunStepKey } from "@/lib/first-run";
import { cardClass } from "@/app/components/ui";
import { DeclareDrillButton, DismissFirstRunButton } from "./first-run-controls";

const linkClass =
  "inline-flex items-center gap-1 text-sm font-medium text-blue-700 underline underline-offset-2 hover:text-blue-900 dark:text-blue-400 dark:hover:text-blue-300";

const LINKS: Record<Exclude<FirstRunStepKey, "drill">, { href: string; text: string }> = {
  services: { href: "/services", text: "Add a service" },
  people: { href: "/admin/users", text: "Add people" },
  token: { href: "/admin/tokens", text: "Create a token" },
};

/** An admin's short list of what a new installation still lacks; each step ticks itself from the data. */
export function FirstRunChecklist({ steps, canDeclare }: { steps: FirstRunStep[]; canDeclare: boolean }) {
  const left = steps.filter((s) => !s.done).length;
  return (
    <section aria-labelledby="first-run-title" className={`${cardClass} mb-4 p-4 sm:p-5`}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id="first-run-title" className="text-base font-semibold">
            Set up Hindsight
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {left === 0 ? "All done. Dismiss this when you like." : `${steps.length - left} of ${steps.length} done. Only admins see this list.`}
          </p>
        </div>
        <DismissFirstRunButton />
      </div>
      <ol className="mt-3 grid gap-2 sm:grid-cols-2">
        {steps.map((step) => (
          <li key={step.key} className="flex gap-2.5 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
            {step.done ? (
              <CheckCircle2 aria-hidden className="mt-0.5 h-5 w-5 shrink-0 text-emerald-600 dark:text-emerald-400" />
            ) : (
              <Circle aria-hidden className="mt-0.5 h-5 w-5 shrink-0 text-zinc-400" />
            )}
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-x-2 text-sm font-medium">
                {step.label}
                {step.done ? (
                  <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-200">
                    Done
                  </span>
                ) : (
                  <span className="sr-only">(to do)</span>
                )}
              </p>
              <p className="text-xs text-zinc-600 dark:text-zinc-400">{step.hint}</p>
              <p className="mt-1">
                {step.key === "drill" ? (
                  canDeclare ? (
                    <DeclareDrillButton className={linkClass} />
                  ) : null
                ) : (
                  <Link href={LINKS[step.key].href} className={linkClass}>
                    {LINKS[step.key].text}
                  </Link>
                )}
              </p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
