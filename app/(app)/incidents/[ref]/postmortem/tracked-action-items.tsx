import { ACTION_STATUS_INFO, isFinished } from "@/lib/action-items";
import type { ActionItemsSectionContent } from "@/lib/postmortem-action-items";
import type { PaneActionItem } from "./action-items-pane";

/**
 * The tracked action items and the "no action items needed" note inside the Action items
 * section, the same in the editor, the read-only view and the print view (what is shown is
 * decided by lib/postmortem-action-items.ts).
 */
export function TrackedActionItems({ content, print = false }: { content: ActionItemsSectionContent<PaneActionItem>; print?: boolean }) {
  if (content.noActionItemsReason) {
    return (
      <p className="mt-2 text-sm">
        <span className="font-semibold">No action items needed:</span> {content.noActionItemsReason}
      </p>
    );
  }
  if (!content.items.length) return null;
  return (
    <div className="mt-2">
      <h3 className={print ? "mb-1 font-sans text-sm font-semibold" : "mb-1 text-xs font-semibold text-zinc-600 dark:text-zinc-400"}>
        Tracked action items ({content.closed} of {content.items.length} closed)
      </h3>
      <div className="overflow-x-auto print:overflow-visible">
        <table aria-label="Tracked action items" className="w-full border-collapse font-sans text-xs sm:text-sm print:text-sm">
          <thead>
            <tr className="border-b border-zinc-300 text-left dark:border-zinc-700">
              <th className="py-1 pr-2 font-semibold">Action</th>
              <th className="py-1 pr-2 font-semibold">Owner</th>
              <th className="py-1 pr-2 font-semibold">Priority</th>
              <th className="py-1 pr-2 font-semibold">Due</th>
              <th className="py-1 font-semibold">Status</th>
            </tr>
          </thead>
          <tbody>
            {content.items.map((item) => (
              <tr key={item.id} className="border-b border-zinc-200 align-top dark:border-zinc-800">
                <td className={`py-1.5 pr-2 break-words ${isFinished(item.status) && !print ? "text-zinc-500 line-through decoration-zinc-400" : ""}`}>
                  {item.title}
                  {item.trackerUrl ? <span className="block text-xs break-all text-zinc-500">{item.trackerUrl}</span> : null}
                </td>
                <td className="py-1.5 pr-2">{item.ownerName ?? "none"}</td>
                <td className="py-1.5 pr-2">{item.priority}</td>
                <td className="py-1.5 pr-2 sm:whitespace-nowrap">{item.dueDate}</td>
                <td className="py-1.5">
                  {ACTION_STATUS_INFO[item.status].label}
                  {item.overdue ? <span className="block text-xs font-semibold text-red-700 dark:text-red-400">Overdue {item.daysOverdue} d</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
