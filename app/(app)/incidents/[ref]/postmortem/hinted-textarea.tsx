"use client";
import { useRef } from "react";
import type { BlameHint } from "@/lib/blameless-hints";

// Textarea and mirror share every metric that affects wrapping, so marks sit under the words.
const metrics = "block w-full rounded-md border px-3 py-2 font-sans text-sm leading-6 whitespace-pre-wrap break-words [overflow-wrap:anywhere]";

/**
 * A textarea that underlines blameless-hint phrases in place: a mirror behind a transparent
 * textarea paints the marks. The marks are decoration only; the list under the field says
 * the same to screen readers.
 */
export function HintedTextarea({
  id,
  value,
  onChange,
  hints,
  maxLength,
  readOnly,
  describedBy,
  invalid,
  minRows = 4,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  hints: BlameHint[];
  maxLength: number;
  readOnly?: boolean;
  describedBy?: string;
  invalid?: boolean;
  minRows?: number;
}) {
  const mirror = useRef<HTMLDivElement>(null);
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const hint of hints) {
    if (hint.start < at || hint.end > value.length) continue;
    parts.push(value.slice(at, hint.start));
    parts.push(
      <mark
        key={hint.start}
        className="rounded-sm bg-amber-200/70 text-transparent underline decoration-amber-600 decoration-wavy decoration-1 underline-offset-4 dark:bg-amber-500/30"
      >
        {value.slice(hint.start, hint.end)}
      </mark>,
    );
    at = hint.end;
  }
  parts.push(value.slice(at) + "\n");

  return (
    <div className="relative rounded-md bg-white dark:bg-zinc-900">
      <div ref={mirror} aria-hidden className={`${metrics} pointer-events-none absolute inset-0 overflow-hidden border-transparent text-transparent`}>
        {parts}
      </div>
      <textarea
        id={id}
        value={value}
        rows={minRows}
        maxLength={maxLength}
        readOnly={readOnly}
        spellCheck
        aria-describedby={describedBy}
        aria-invalid={invalid ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
        onScroll={(e) => {
          if (mirror.current) mirror.current.scrollTop = e.currentTarget.scrollTop;
        }}
        className={`${metrics} relative min-h-24 resize-y [field-sizing:content] border-zinc-300 bg-transparent text-zinc-900 shadow-sm placeholder:text-zinc-400 focus:border-blue-500 focus:ring-2 focus:ring-blue-500/30 focus:outline-none aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:text-zinc-100`}
      />
    </div>
  );
}
