import { ArrowDownRight, ArrowUpRight, Minus } from "lucide-react";
import { keyFindings, type Finding } from "@/lib/insights/key-findings";
import type { InsightsReport } from "@/lib/insights/types";

const TONE: Record<Finding["tone"], { label: string; className: string; Icon: typeof Minus }> = {
  better: { label: "Better", className: "text-emerald-700 dark:text-emerald-400", Icon: ArrowDownRight },
  worse: { label: "Worse", className: "text-red-700 dark:text-red-400", Icon: ArrowUpRight },
  neutral: { label: "Note", className: "text-zinc-500 dark:text-zinc-400", Icon: Minus },
};

/** The story in a few sentences, before the figures that back it. */
export function KeyFindings({ report }: { report: InsightsReport }) {
  const findings = keyFindings(report);
  if (!findings.length) return null;
  return (
    <section aria-labelledby="key-findings" className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="key-findings" className="text-lg font-semibold tracking-tight">
        What changed
      </h2>
      <ul className="mt-2 space-y-1.5" data-testid="key-findings">
        {findings.map((f) => {
          const tone = TONE[f.tone];
          return (
            <li key={f.topic} className="flex flex-col text-sm leading-6 sm:flex-row sm:gap-2">
              <span className={`inline-flex shrink-0 items-center gap-1 self-start font-medium sm:w-20 ${tone.className}`}>
                <tone.Icon aria-hidden className="h-4 w-4" />
                {tone.label}
              </span>
              <span>
                <span className="font-semibold">{f.topic}:</span> {f.text}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
