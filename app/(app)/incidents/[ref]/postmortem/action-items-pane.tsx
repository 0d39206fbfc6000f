import { ExternalLink } from "lucide-react";
import { ACTION_STATUS_INFO, isFinished, type ActionPriority, type ActionStatus } from "@/lib/action-items";

export type PaneActionItem = {
  id: number;
  title: string;
  ownerName: string | null;
  priority: ActionPriority;
  dueDate: string;
  status: ActionStatus;
  overdue: boolean;
  daysOverdue: number;
  trackerUrl: string | null;
};

/** The incident's follow-up work with progress; overdue ones say so in words. */
export function ActionItemsPane({ items, progress, form }: { items: PaneActionItem[]; progress: { done: number; total: number }; form?: React.ReactNode }) {
  return (
    <div className="space-y-3">
      <div>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          {progress.done} of {progress.total} done
        </p>
        <div className="mt-1 h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800" aria-hidden>
          <div className="h-full bg-emerald-500" style={{ width: `${progress.total ? (progress.done / progress.total) * 100 : 0}%` }} />
        </div>
      </div>
      {items.length ? (
        <ul aria-label="Action items" className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
          {items.map((item) => (
            <li key={item.id} className="py-2">
              <p className={`font-medium break-words ${isFinished(item.status) ? "text-zinc-500 line-through decoration-zinc-400" : ""}`}>
                {item.title}
                {item.trackerUrl ? (
                  <a
                    href={item.trackerUrl}
                    target="_blank"
                    rel="noopener noreferrer nofollow"
                    className="ml-1 inline-flex align-middle text-zinc-500 hover:text-zinc-800"
                    aria-label={`Tracker for ${item.title}`}
                  >
                    <ExternalLink aria-hidden className="h-3.5 w-3.5" />
                  </a>
                ) : null}
              </p>
              <p className="mt-0.5 flex flex-wrap gap-x-2 text-xs text-zinc-600 dark:text-zinc-400">
                <span className="font-semibold">{item.priority}</span>
                <span>{item.ownerName ?? "no owner"}</span>
                <span>{ACTION_STATUS_INFO[item.status].label}</span>
                {item.overdue ? (
                  <span className="font-semibold text-red-700 dark:text-red-400">
                    Overdue {item.daysOverdue} d (due {item.dueDate})
                  </span>
                ) : (
                  <span>due {item.dueDate}</span>
                )}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-zinc-500">No action items yet. Each one needs an owner and a due date.</p>
      )}
      {form}
    </div>
  );
}
