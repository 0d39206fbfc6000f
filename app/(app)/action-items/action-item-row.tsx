import Link from "next/link";
import { ExternalLink } from "lucide-react";
import { ACTION_STATUS_INFO, KIND_INFO, PRIORITY_INFO, dueLabel, formatDueDate } from "@/lib/action-items";
import type { ActionItemView } from "@/db/queries/action-items/views";
import { cellLabelClass, tdClass, tdWideClass, trClass } from "../admin/table-classes";
import { OwnerSelect, StatusSelect } from "./inline-edit";
import { OverdueBadge } from "./overdue-badge";
import { decodeSegment } from "@/lib/http/path-segment";

/** The tracker's own name for the item when its URL ends in one ("OPS-12"), else its host. */
function trackerText(url: string): string {
  try {
    const parsed = new URL(url);
    const last = parsed.pathname.split("/").filter(Boolean).pop();
    const name = last && last.length <= 24 ? decodeSegment(last) : null;
    return name ?? parsed.host;
  } catch {
    return "Open";
  }
}

const priorityClass: Record<string, string> = {
  P1: "border-zinc-800 bg-zinc-800 text-white dark:border-zinc-200 dark:bg-zinc-200 dark:text-zinc-900",
  P2: "border-zinc-400 text-zinc-800 dark:border-zinc-500 dark:text-zinc-200",
  P3: "border-zinc-300 text-zinc-500 dark:border-zinc-700 dark:text-zinc-400",
};

/** One action item: a table row on wide screens, a card on phones; status and owner editable inline by responders. */
export function ActionItemRow({
  item,
  today,
  canEdit,
  users,
}: {
  item: ActionItemView;
  today: string;
  canEdit: boolean;
  users: { id: number; name: string }[];
}) {
  const finished = item.status === "done" || item.status === "wont_do";
  const due = dueLabel(item, today);
  const ref = { id: item.id, version: item.version, title: item.title };
  // Overdue rows get a red bar down their left edge (the card on phones, the first cell in the table) as well as the worded badge.
  return (
    <tr
      className={`${trClass} ${item.overdue ? "bg-red-50/70 shadow-[inset_4px_0_0_var(--color-red-600)] md:shadow-none dark:bg-red-950/25" : ""}`}
      data-overdue={item.overdue || undefined}
    >
      <td className={`${tdWideClass} ${item.overdue ? "md:shadow-[inset_4px_0_0_var(--color-red-600)]" : ""} md:min-w-48 md:pl-4`}>
        <span className={`block font-medium break-words ${finished ? "text-zinc-500 line-through decoration-zinc-400 dark:text-zinc-400" : ""}`}>
          {item.title}
        </span>
        <span className="block text-xs text-zinc-500 dark:text-zinc-400">
          {KIND_INFO[item.kind].label}
          {item.serviceName ? ` · ${item.serviceName}` : ""}
        </span>
      </td>
      <td className={`${tdWideClass} md:w-40 md:max-w-40`}>
        <span className={cellLabelClass}>Incident</span>
        <Link href={`/incidents/${item.incidentReference}`} className="group block min-w-0 max-w-full text-sm">
          <span className="block font-mono text-xs text-zinc-500">{item.incidentReference}</span>
          <span className="line-clamp-2 text-blue-700 group-hover:underline dark:text-blue-400">{item.incidentTitle}</span>
        </Link>
      </td>
      <td className={tdClass}>
        <span className={cellLabelClass}>Owner</span>
        {canEdit ? (
          <OwnerSelect item={ref} ownerId={item.ownerId} ownerName={item.ownerName} users={users} id={`ai-owner-${item.id}`} />
        ) : (
          <span>{item.ownerName ?? "No owner"}</span>
        )}
      </td>
      <td className={`${tdClass} md:px-2!`}>
        <span className={cellLabelClass}>Priority</span>
        <span
          title={PRIORITY_INFO[item.priority].label}
          className={`inline-flex rounded border px-1.5 py-0.5 font-mono text-xs font-semibold ${priorityClass[item.priority]}`}
        >
          {item.priority}
        </span>
      </td>
      <td className={`${tdClass} whitespace-nowrap`}>
        <span className={cellLabelClass}>Due</span>
        <span className={`block ${item.overdue ? "font-semibold text-red-800 dark:text-red-300" : ""}`}>{formatDueDate(item.dueDate)}</span>
        {item.overdue ? (
          <span className="mt-0.5 block">
            <OverdueBadge days={item.daysOverdue} />
          </span>
        ) : due ? (
          <span className="block text-xs text-zinc-500 dark:text-zinc-400">{due}</span>
        ) : item.completedAt ? (
          <span className="block text-xs text-zinc-500 dark:text-zinc-400">
            {ACTION_STATUS_INFO[item.status].label}{" "}
            {new Date(item.completedAt).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" })}
          </span>
        ) : null}
      </td>
      <td className={tdClass}>
        <span className={cellLabelClass}>Status</span>
        {canEdit ? (
          <StatusSelect item={ref} status={item.status} id={`ai-status-${item.id}`} />
        ) : (
          <span className="inline-flex rounded-full border border-zinc-300 px-2 py-0.5 text-xs font-medium text-zinc-700 dark:border-zinc-700 dark:text-zinc-300">
            {ACTION_STATUS_INFO[item.status].label}
          </span>
        )}
      </td>
      {/* On a phone an empty tracker cell is left out of the card. */}
      <td className={item.trackerUrl ? tdClass : "hidden md:table-cell md:px-3 md:py-2.5 md:align-middle"}>
        <span className={cellLabelClass}>Tracker</span>
        {item.trackerUrl ? (
          <a
            href={item.trackerUrl}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={`Open “${item.title}” in the tracker: ${trackerText(item.trackerUrl)} (new tab)`}
            className="inline-flex items-center gap-1 text-sm font-medium whitespace-nowrap text-blue-700 hover:underline dark:text-blue-400"
          >
            {trackerText(item.trackerUrl)} <ExternalLink aria-hidden className="h-3.5 w-3.5" />
          </a>
        ) : (
          <span className="text-zinc-400">—</span>
        )}
      </td>
    </tr>
  );
}
