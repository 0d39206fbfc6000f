import { Lightbulb } from "lucide-react";
import type { BlameHint } from "@/lib/blameless-hints";

const CONTEXT = 40;

/** The sentence around a hint with the phrase marked, so the person sees where it is. */
function HintInContext({ text, hint }: { text: string; hint: BlameHint }) {
  const from = Math.max(0, hint.start - CONTEXT);
  const to = Math.min(text.length, hint.end + CONTEXT);
  return (
    <span className="text-zinc-600 dark:text-zinc-400">
      {from > 0 ? "…" : ""}
      {text.slice(from, hint.start)}
      <mark className="rounded-sm bg-amber-200 px-0.5 font-semibold text-amber-950 dark:bg-amber-500/40 dark:text-amber-100">
        {text.slice(hint.start, hint.end)}
      </mark>
      {text.slice(hint.end, to)}
      {to < text.length ? "…" : ""}
    </span>
  );
}

/** Blameless hints with their suggested reframing. Advice only: saving never waits on them. */
export function BlameHintList({ id, text, hints, compact = false }: { id?: string; text: string; hints: BlameHint[]; compact?: boolean }) {
  if (!hints.length) return null;
  return (
    <ul id={id} aria-label="Blameless hints" className="mt-2 space-y-1.5">
      {hints.map((hint) => (
        <li
          key={`${hint.start}-${hint.end}`}
          className="flex gap-2 rounded-md border border-amber-200 bg-amber-50 px-2.5 py-1.5 text-xs dark:border-amber-900 dark:bg-amber-950/40"
        >
          <Lightbulb aria-hidden className="mt-0.5 h-3.5 w-3.5 shrink-0 text-amber-600 dark:text-amber-400" />
          <span className="min-w-0 break-words">
            <span className="font-semibold text-amber-900 dark:text-amber-200">&ldquo;{hint.phrase}&rdquo;</span>
            {compact ? null : (
              <>
                {" "}
                in <HintInContext text={text} hint={hint} />
              </>
            )}
            <span className="mt-0.5 block text-zinc-800 dark:text-zinc-200">{hint.suggestion}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
