"use client";
import Link from "next/link";
import { useState } from "react";
import { Star } from "lucide-react";
import type { BlameHint } from "@/lib/blameless-hints";
import { POSTMORTEM_SECTIONS, type PostmortemSectionKey } from "@/lib/postmortem-template";
import { LocalTime } from "@/app/components/local-time";
import { Markdown } from "@/app/components/markdown";
import { cardClass } from "@/app/components/ui";
import { BlameHintList } from "./blame-hint-list";
import { sectionAnchor } from "./section-field";

export type HighlightedEntry = { id: number; occurredAt: number; kind: string; body: string; authorLabel: string };

type Tab = "timeline" | "actions" | "hints";
const panelClass = "max-h-[calc(100vh-12rem)] overflow-y-auto p-3";

/** Right pane: the highlighted timeline, action items and every blameless hint, as tabs. */
export function SidePanel({
  reference,
  highlighted,
  actionItems,
  actionCount,
  sections,
  hints,
  readOnly = false,
}: {
  reference: string;
  highlighted: HighlightedEntry[];
  /** Rendered by the page: the incident's action items and the form to add one. */
  actionItems: React.ReactNode;
  actionCount: number;
  sections: Record<PostmortemSectionKey, string>;
  hints: Partial<Record<PostmortemSectionKey, BlameHint[]>>;
  /** Published (or a viewer): the hints are listed for reading, nothing to edit. */
  readOnly?: boolean;
}) {
  const [tab, setTab] = useState<Tab>("timeline");
  const hintTotal = Object.values(hints).reduce((n, list) => n + (list?.length ?? 0), 0);
  const tabs: { id: Tab; label: string; count: number }[] = [
    { id: "timeline", label: "Timeline", count: highlighted.length },
    { id: "actions", label: "Action items", count: actionCount },
    { id: "hints", label: "Hints", count: hintTotal },
  ];
  return (
    <section aria-label="Incident material" className={`${cardClass} overflow-hidden`}>
      <div role="tablist" aria-label="Incident material" className="flex border-b border-zinc-200 dark:border-zinc-800">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`side-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`side-panel-${t.id}`}
            onClick={() => setTab(t.id)}
            className={`-mb-px flex-1 border-b-2 px-2 py-2 text-xs font-medium whitespace-nowrap ${
              tab === t.id
                ? "border-zinc-900 text-zinc-900 dark:border-zinc-100 dark:text-zinc-100"
                : "border-transparent text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200"
            }`}
          >
            {t.label}{" "}
            <span
              className={`rounded-full px-1.5 ${t.id === "hints" && t.count ? "bg-amber-200 text-amber-950 dark:bg-amber-800 dark:text-amber-100" : "bg-zinc-200 dark:bg-zinc-800"}`}
            >
              {t.count}
            </span>
          </button>
        ))}
      </div>
      {/* Every panel stays mounted, so a half-filled action item form survives switching tabs. */}
      <div role="tabpanel" id="side-panel-timeline" aria-labelledby="side-tab-timeline" hidden={tab !== "timeline"} className={panelClass}>
        <>
          <p className="mb-2 text-xs text-zinc-500">
            Entries highlighted (<Star aria-label="star" className="inline h-3 w-3" />) on the{" "}
            <Link className="underline" href={`/incidents/${reference}`}>
              incident page
            </Link>
            . &ldquo;Regenerate timeline&rdquo; rebuilds the Timeline section from them, the key times and every status and severity change.
          </p>
          {highlighted.length ? (
            <ol className="space-y-2">
              {highlighted.map((e) => (
                <li key={e.id} className="border-l-2 border-amber-400 pl-2 text-sm">
                  <p className="text-xs text-zinc-500">
                    <LocalTime ms={e.occurredAt} mode="absolute" /> · {e.authorLabel}
                  </p>
                  <Markdown>{e.body}</Markdown>
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-sm text-zinc-500">Nothing highlighted yet.</p>
          )}
        </>
      </div>
      <div role="tabpanel" id="side-panel-actions" aria-labelledby="side-tab-actions" hidden={tab !== "actions"} className={panelClass}>
        {actionItems}
      </div>
      <div role="tabpanel" id="side-panel-hints" aria-labelledby="side-tab-hints" hidden={tab !== "hints"} className={panelClass}>
        {hintTotal ? (
          <div className="space-y-3">
            <p className="text-xs text-zinc-500">
              {readOnly
                ? "Read-only: the postmortem is published. An admin can move it back to draft to reword these."
                : "Suggestions only: they never stop you saving."}
            </p>
            {POSTMORTEM_SECTIONS.filter((s) => hints[s.key]?.length).map((s) => (
              <div key={s.key}>
                <a href={`#${sectionAnchor(s.key)}`} className="text-xs font-semibold underline">
                  {s.title}
                </a>
                <BlameHintList text={sections[s.key]} hints={hints[s.key] ?? []} />
              </div>
            ))}
          </div>
        ) : (
          <p className="text-sm text-zinc-500">
            No blaming language found. Hints appear here as you type phrases such as &ldquo;human error&rdquo; or &ldquo;should have&rdquo;.
          </p>
        )}
      </div>
    </section>
  );
}
