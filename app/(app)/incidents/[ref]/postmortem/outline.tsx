"use client";
import { Check, Circle, Lightbulb, MessageSquare } from "lucide-react";
import { POSTMORTEM_SECTIONS, type PostmortemSectionKey } from "@/lib/postmortem-template";
import { sectionAnchor } from "./section-field";

/** Section outline: a tick once a section has text; clicking scrolls to it. */
export function Outline({
  sections,
  written: writtenOverride = {},
  hintCounts,
  commentCounts,
  extra = [],
}: {
  sections: Record<PostmortemSectionKey, string>;
  /** Sections written by other means than their text (action items: tracked items or the no-actions note). */
  written?: Partial<Record<PostmortemSectionKey, boolean>>;
  hintCounts: Partial<Record<PostmortemSectionKey, number>>;
  commentCounts: Partial<Record<string, number>>;
  extra?: { id: string; label: string }[];
}) {
  const isWritten = (key: PostmortemSectionKey) => writtenOverride[key] ?? !!sections[key].trim();
  const done = POSTMORTEM_SECTIONS.filter((s) => isWritten(s.key)).length;
  const go = (id: string) => (event: React.MouseEvent) => {
    const target = document.getElementById(id);
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ behavior: "smooth", block: "start" });
    history.replaceState(null, "", `#${id}`);
    target.querySelector<HTMLElement>("textarea, [tabindex]")?.focus({ preventScroll: true });
  };
  return (
    <nav aria-label="Sections" className="text-sm">
      <p className="mb-1 px-2 text-xs font-medium text-zinc-500">
        {done} of {POSTMORTEM_SECTIONS.length} sections written
      </p>
      <div className="mx-2 mb-2 h-1 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800" aria-hidden>
        <div className="h-full bg-emerald-500" style={{ width: `${(done / POSTMORTEM_SECTIONS.length) * 100}%` }} />
      </div>
      <ol className="space-y-px">
        {POSTMORTEM_SECTIONS.map((s) => {
          const written = isWritten(s.key);
          const hints = hintCounts[s.key] ?? 0;
          const comments = commentCounts[s.key] ?? 0;
          return (
            <li key={s.key}>
              <a
                href={`#${sectionAnchor(s.key)}`}
                onClick={go(sectionAnchor(s.key))}
                className="flex items-start gap-1.5 rounded px-2 py-1 text-zinc-700 hover:bg-zinc-200/70 dark:text-zinc-300 dark:hover:bg-zinc-800"
              >
                {written ? (
                  <Check aria-label="written" className="mt-0.5 h-3.5 w-3.5 shrink-0 text-emerald-600 dark:text-emerald-400" />
                ) : (
                  <Circle aria-label="empty" className="mt-0.5 h-3.5 w-3.5 shrink-0 text-zinc-400" />
                )}
                <span className="min-w-0 flex-1 leading-tight">{s.title}</span>
                {hints ? (
                  <span
                    title={`${hints} blameless hint${hints === 1 ? "" : "s"}`}
                    className="inline-flex items-center text-xs text-amber-700 dark:text-amber-400"
                  >
                    <Lightbulb aria-hidden className="h-3 w-3" />
                    <span className="sr-only">hints:</span>
                    {hints}
                  </span>
                ) : null}
                {comments ? (
                  <span title={`${comments} comment${comments === 1 ? "" : "s"}`} className="inline-flex items-center text-xs text-zinc-500">
                    <MessageSquare aria-hidden className="h-3 w-3" />
                    <span className="sr-only">comments:</span>
                    {comments}
                  </span>
                ) : null}
              </a>
            </li>
          );
        })}
        {extra.map((e) => (
          <li key={e.id}>
            <a
              href={`#${e.id}`}
              onClick={go(e.id)}
              className="block rounded px-2 py-1 pl-7 text-zinc-700 hover:bg-zinc-200/70 dark:text-zinc-300 dark:hover:bg-zinc-800"
            >
              {e.label}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
