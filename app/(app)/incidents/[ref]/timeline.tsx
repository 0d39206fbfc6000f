"use client";
import { useEffect, useMemo, useState, useTransition } from "react";
import { ArrowDownUp, CircleAlert, Megaphone, ClipboardCheck, FileText, Gauge, ListChecks, Pencil, Server, Star, UserRound, Workflow } from "lucide-react";
import { Markdown } from "@/app/components/markdown";
import { LocalTime } from "@/app/components/local-time";
import { cardClass } from "@/app/components/ui";
import { callAction } from "@/lib/server-action";
import { setHighlightAction } from "./actions";

export type TimelineItem = {
  id: number;
  occurredAt: number;
  createdAt: number;
  kind: string;
  body: string;
  authorLabel: string;
  highlighted: boolean;
  /** An update message posted with a status change: shown like a note, labelled as the update stakeholders get. */
  stakeholderUpdate?: boolean;
};

const FILTERS = [
  { id: "all", label: "All" },
  { id: "highlighted", label: "Highlighted" },
  { id: "notes", label: "Notes" },
  { id: "changes", label: "Changes" },
] as const;
type Filter = (typeof FILTERS)[number]["id"];

const icons: Record<string, typeof Star> = {
  status: Workflow,
  severity: Gauge,
  role: UserRound,
  service: Server,
  checklist: ListChecks,
  postmortem: FileText,
  action_item: ClipboardCheck,
  alert: CircleAlert,
  update: Pencil,
};

const matches = (item: TimelineItem, filter: Filter) =>
  filter === "all" || (filter === "highlighted" ? item.highlighted : filter === "notes" ? isWritten(item) : !isWritten(item));
// What people wrote (notes and status updates) against what the system recorded.
const isWritten = (item: TimelineItem) => item.kind === "note" || item.stakeholderUpdate === true;

/** Notes are prominent, automatic entries muted one-liners; filter chips say how many are hidden. */
export function Timeline({ reference, items, canEdit }: { reference: string; items: TimelineItem[]; canEdit: boolean }) {
  const [filter, setFilter] = useState<Filter>("all");
  const [newestFirst, setNewestFirst] = useState(true);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setNewestFirst(localStorage.getItem("hindsight-timeline-order") !== "oldest"), []);

  const shown = useMemo(() => {
    const list = items.filter((item) => matches(item, filter));
    return newestFirst ? [...list].reverse() : list;
  }, [items, filter, newestFirst]);
  const hidden = items.length - shown.length;

  const toggleHighlight = (item: TimelineItem) =>
    startTransition(async () => {
      const result = await callAction(() => setHighlightAction(reference, item.id, !item.highlighted), "Could not reach the server; try again.");
      if (!result.ok) setError(result.message);
      else setError(null);
    });

  return (
    <section aria-labelledby="timeline-heading" className="mt-6">
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <h2 id="timeline-heading" className="mr-2 text-base font-semibold">
          Timeline
        </h2>
        <div role="group" aria-label="Filter timeline" className="flex flex-wrap gap-1">
          {FILTERS.map((f) => (
            <button
              key={f.id}
              type="button"
              aria-pressed={filter === f.id}
              onClick={() => setFilter(f.id)}
              className={`rounded-full border px-2.5 py-0.5 text-xs font-medium ${
                filter === f.id
                  ? "border-zinc-900 bg-zinc-900 text-white dark:border-zinc-100 dark:bg-zinc-100 dark:text-zinc-900"
                  : "border-zinc-300 dark:border-zinc-700"
              }`}
            >
              {f.label} <span className="opacity-70">{items.filter((i) => matches(i, f.id)).length}</span>
            </button>
          ))}
        </div>
        <button
          type="button"
          onClick={() => {
            localStorage.setItem("hindsight-timeline-order", newestFirst ? "oldest" : "newest");
            setNewestFirst(!newestFirst);
          }}
          className="ml-auto inline-flex items-center gap-1 rounded px-2 py-1 text-xs text-zinc-600 hover:bg-zinc-200 dark:text-zinc-400 dark:hover:bg-zinc-800"
        >
          <ArrowDownUp aria-hidden className="h-3.5 w-3.5" />
          {newestFirst ? "Newest first" : "Oldest first"}
        </button>
      </div>
      {hidden > 0 ? <p className="mb-2 text-xs text-zinc-500">{hidden} hidden by filter</p> : null}
      {error ? (
        <p role="alert" className="mb-2 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <ol className="space-y-2" aria-label="Timeline entries">
        {shown.map((item) => {
          const Icon = icons[item.kind] ?? Pencil;
          const backdated = item.occurredAt < item.createdAt - 60_000;
          const star = canEdit ? (
            <button
              type="button"
              disabled={pending}
              aria-pressed={item.highlighted}
              aria-label={item.highlighted ? "Remove highlight" : "Highlight"}
              title={item.highlighted ? "Remove highlight" : "Highlight: include in the postmortem timeline"}
              onClick={() => toggleHighlight(item)}
              className={`shrink-0 rounded p-1 hover:bg-zinc-200 dark:hover:bg-zinc-800 ${item.highlighted ? "text-amber-500" : "text-zinc-400"}`}
            >
              <Star className="h-4 w-4" fill={item.highlighted ? "currentColor" : "none"} />
            </button>
          ) : item.highlighted ? (
            <Star aria-label="Highlighted" className="h-4 w-4 shrink-0 text-amber-500" fill="currentColor" />
          ) : null;
          if (item.kind === "note" || item.stakeholderUpdate) {
            return (
              <li key={item.id} className={`${cardClass} p-3 ${item.highlighted ? "border-amber-300 dark:border-amber-700" : ""}`}>
                <div className="mb-1 flex items-center gap-2 text-xs text-zinc-500">
                  {item.stakeholderUpdate ? (
                    <span className="inline-flex items-center gap-1 rounded bg-blue-100 px-1.5 py-0.5 font-semibold text-blue-900 dark:bg-blue-950 dark:text-blue-200">
                      <Megaphone aria-hidden className="h-3 w-3" /> Status update
                    </span>
                  ) : null}
                  <span className="font-semibold text-zinc-800 dark:text-zinc-200">{item.authorLabel}</span>
                  <LocalTime ms={item.occurredAt} mode="absolute" />
                  {backdated ? (
                    <span>
                      (added <LocalTime ms={item.createdAt} />)
                    </span>
                  ) : null}
                  <span className="ml-auto">{star}</span>
                </div>
                <Markdown>{item.body}</Markdown>
              </li>
            );
          }
          return (
            <li
              key={item.id}
              className={`flex items-start gap-2 px-3 py-1 text-sm text-zinc-600 dark:text-zinc-400 ${item.highlighted ? "rounded bg-amber-50 dark:bg-amber-950/30" : ""}`}
            >
              <Icon aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
              <span className="min-w-0 flex-1">
                <span className="text-zinc-800 dark:text-zinc-200">{item.body}</span>
                <span className="text-xs">
                  {" · "}
                  {item.authorLabel} · <LocalTime ms={item.occurredAt} mode="absolute" />
                </span>
              </span>
              {star}
            </li>
          );
        })}
      </ol>
      {items.length === 0 ? <p className="text-sm text-zinc-500">Nothing on the timeline yet.</p> : null}
    </section>
  );
}
