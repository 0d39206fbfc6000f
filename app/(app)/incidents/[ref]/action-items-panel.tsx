"use client";
import Link from "next/link";
import { useState } from "react";
import { ExternalLink, Plus } from "lucide-react";
import { ACTION_STATUS_INFO, formatDueDate, type ActionStatus } from "@/lib/action-items";
import { ActionItemForm } from "@/app/components/action-item-form";
import { buttonClass } from "@/app/components/ui";
import { StatusSelect } from "../../action-items/inline-edit";
import { OverdueBadge } from "../../action-items/overdue-badge";

export type ActionItemsPanelItem = {
  id: number;
  version: number;
  title: string;
  status: ActionStatus;
  ownerName: string | null;
  dueDate: string;
  priority: string;
  trackerUrl: string | null;
  overdue: boolean;
  daysOverdue: number;
};

/** The incident's action items with progress; responders change status inline and add new ones. */
export function ActionItemsPanel({
  reference,
  items,
  progress,
  canEdit,
  users,
  me,
}: {
  reference: string;
  items: ActionItemsPanelItem[];
  progress: { done: number; total: number; wontDo: number };
  canEdit: boolean;
  users: { id: number; name: string }[];
  me?: number;
}) {
  const [adding, setAdding] = useState(false);
  const percent = progress.total ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <section aria-labelledby="action-items-heading" className="space-y-3">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="action-items-heading" className="text-sm font-semibold">
          Action items{" "}
          {items.length ? (
            <span className="font-normal text-zinc-500 tabular-nums dark:text-zinc-400">
              {progress.done}/{progress.total}
            </span>
          ) : null}
        </h2>
        {items.length ? (
          <Link href={`/action-items?incident=${reference}&status=all`} className="text-xs font-medium text-blue-700 hover:underline dark:text-blue-400">
            View all
          </Link>
        ) : null}
      </div>
      {progress.total ? (
        <div
          role="progressbar"
          aria-label="Action items progress"
          aria-valuemin={0}
          aria-valuemax={progress.total}
          aria-valuenow={progress.done}
          aria-valuetext={`${progress.done} of ${progress.total} done${progress.wontDo ? `, ${progress.wontDo} won't do` : ""}`}
          className="h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
        >
          <div className="h-full rounded-full bg-green-600 dark:bg-green-500" style={{ width: `${percent}%` }} />
        </div>
      ) : null}
      {items.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          No action items yet.{canEdit ? " Add what should change so this does not happen again." : ""}
        </p>
      ) : (
        <ul aria-label="Action items of this incident" className="space-y-2">
          {items.map((item) => {
            const finished = item.status === "done" || item.status === "wont_do";
            return (
              <li
                key={item.id}
                className={`rounded-md border px-2.5 py-2 ${item.overdue ? "border-red-300 dark:border-red-900" : "border-zinc-200 dark:border-zinc-800"}`}
              >
                <p className="text-sm font-medium break-words">
                  <span className="mr-1 font-mono text-xs font-semibold text-zinc-500">{item.priority}</span>
                  <span className={finished ? "text-zinc-500 line-through decoration-zinc-400 dark:text-zinc-400" : ""}>{item.title}</span>
                  {item.trackerUrl ? (
                    <a
                      href={item.trackerUrl}
                      target="_blank"
                      rel="noopener noreferrer"
                      aria-label={`Open “${item.title}” in the tracker (new tab)`}
                      className="ml-1 inline-flex align-middle text-blue-700 dark:text-blue-400"
                    >
                      <ExternalLink aria-hidden className="h-3.5 w-3.5" />
                    </a>
                  ) : null}
                </p>
                <p className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
                  {item.ownerName ?? "No owner"} · Due {formatDueDate(item.dueDate)}
                </p>
                <div className="mt-1.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
                  {canEdit ? (
                    <StatusSelect item={item} status={item.status} id={`panel-ai-status-${item.id}`} compact />
                  ) : (
                    <span className="rounded-full border border-zinc-300 px-2 py-0.5 font-medium text-zinc-700 dark:border-zinc-700 dark:text-zinc-300">
                      {ACTION_STATUS_INFO[item.status].label}
                    </span>
                  )}
                  {item.overdue ? <OverdueBadge days={item.daysOverdue} /> : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {canEdit ? (
        adding ? (
          <div className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
            <ActionItemForm reference={reference} users={users} defaultOwnerId={me} onCancel={() => setAdding(false)} />
          </div>
        ) : (
          <button type="button" className={`${buttonClass} w-full py-1.5`} onClick={() => setAdding(true)}>
            <Plus aria-hidden className="h-4 w-4" /> Add action item
          </button>
        )
      ) : null}
    </section>
  );
}
