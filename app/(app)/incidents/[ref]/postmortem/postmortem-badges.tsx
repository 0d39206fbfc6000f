import { AlertTriangle, CheckCircle2, Clock, FilePen, FileSearch, FileCheck2, FileX } from "lucide-react";
import { POSTMORTEM_STATUS_LABEL, type PostmortemStatus } from "@/lib/postmortem-template";
import type { PostmortemDue } from "@/lib/postmortem-due";

const statusIcons = { draft: FilePen, in_review: FileSearch, published: FileCheck2 } as const;

/** Neutral like the incident status badge; "not started" for a required one nobody began. */
export function PostmortemStatusBadge({ status }: { status: PostmortemStatus | null }) {
  const Icon = status ? statusIcons[status] : FileX;
  return (
    <span className="inline-flex items-center gap-1 rounded-full border border-zinc-300 bg-white px-2 py-0.5 text-xs font-medium whitespace-nowrap text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300">
      <Icon aria-hidden className="h-3.5 w-3.5" />
      {status ? POSTMORTEM_STATUS_LABEL[status] : "Not started"}
    </span>
  );
}

const dateOf = (ms: number) => new Date(ms).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** Due and overdue say so in words as well as colour; overdue is red. */
export function DueBadge({ due, now }: { due: PostmortemDue; now: number }) {
  switch (due.state) {
    case "overdue": {
      const days = due.dueAt ? Math.max(1, Math.floor((now - due.dueAt) / 86_400_000)) : null;
      return (
        <span className="inline-flex items-center gap-1 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap text-red-800 dark:bg-red-950 dark:text-red-200">
          <AlertTriangle aria-hidden className="h-3.5 w-3.5" />
          Overdue{due.dueAt ? ` since ${dateOf(due.dueAt)}` : ""}
          {days ? ` (${days} d)` : ""}
        </span>
      );
    }
    case "due":
      return (
        <span className="inline-flex items-center gap-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium whitespace-nowrap text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          <Clock aria-hidden className="h-3.5 w-3.5" />
          Due{due.dueAt ? ` ${dateOf(due.dueAt)}` : ""}
        </span>
      );
    case "published":
      return (
        <span className="inline-flex items-center gap-1 text-xs whitespace-nowrap text-emerald-700 dark:text-emerald-400">
          <CheckCircle2 aria-hidden className="h-3.5 w-3.5" /> Done
        </span>
      );
    case "not_due":
      return <span className="text-xs whitespace-nowrap text-zinc-500">Required; due after resolution</span>;
    default:
      return <span className="text-xs whitespace-nowrap text-zinc-500">Not required</span>;
  }
}
