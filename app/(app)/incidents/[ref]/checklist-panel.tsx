"use client";
import { useEffect, useRef, useState, useTransition } from "react";
import { ExternalLink } from "lucide-react";
import { LocalTime } from "@/app/components/local-time";
import { errorClass } from "@/app/components/ui";
import { callAction } from "@/lib/server-action";
import { setChecklistItemDoneAction } from "./checklist-actions";

export type ChecklistPanelItem = {
  id: number;
  playbookName: string;
  position: number;
  text: string;
  link: string | null;
  doneAt: number | null;
  doneByLabel: string | null;
};

/** Items in order, grouped by the playbook they came from (a group per run of the same playbook). */
function groups(items: ChecklistPanelItem[]) {
  const out: { name: string; items: ChecklistPanelItem[] }[] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (last && last.name === item.playbookName) last.items.push(item);
    else out.push({ name: item.playbookName, items: [item] });
  }
  return out;
}

/** The incident's checklist: progress at a glance, one labelled checkbox per item, who and when on done ones. */
export function ChecklistPanel({ reference, items, canEdit }: { reference: string; items: ChecklistPanelItem[]; canEdit: boolean }) {
  const [, startTransition] = useTransition();
  // Ticks shown at once while the server records them, with the item's done time when ticked.
  const [optimistic, setOptimistic] = useState<Record<number, { done: boolean; seen: number | null }>>({});
  const [busy, setBusy] = useState<Record<number, boolean>>({});
  const busyRef = useRef(busy);
  useEffect(() => {
    busyRef.current = busy;
  }, [busy]);
  const [error, setError] = useState<string | null>(null);
  // Until hydrated a click would tick the box without recording anything.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  // The live update replaces a tick shown early once it reflects a change of that item; older data
  // (a replay or a snapshot from before the save landed) must not flip the box back meanwhile.
  useEffect(
    () =>
      setOptimistic((o) =>
        Object.fromEntries(
          Object.entries(o).filter(([id, tick]) => {
            const item = items.find((i) => i.id === Number(id));
            return item && (busyRef.current[item.id] || (item.doneAt === tick.seen && (item.doneAt !== null) !== tick.done));
          }),
        ),
      ),
    [items],
  );

  const isDone = (item: ChecklistPanelItem) => optimistic[item.id]?.done ?? item.doneAt !== null;
  const done = items.filter(isDone).length;
  const total = items.length;
  const percent = total ? Math.round((done / total) * 100) : 0;

  const toggle = (item: ChecklistPanelItem, next: boolean) => {
    setError(null);
    setOptimistic((o) => ({ ...o, [item.id]: { done: next, seen: item.doneAt } }));
    setBusy((b) => ({ ...b, [item.id]: true }));
    startTransition(async () => {
      const result = await callAction(
        () => setChecklistItemDoneAction(reference, item.id, next),
        "Could not reach the server; the item was not changed. Try again.",
      );
      setBusy((b) => ({ ...b, [item.id]: false }));
      if (!result.ok) {
        setOptimistic((o) => {
          const rest = { ...o };
          delete rest[item.id];
          return rest;
        });
        setError(result.message);
      }
    });
  };

  return (
    <section aria-labelledby="checklist-heading" className="space-y-3">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="checklist-heading" className="text-sm font-semibold">
          Checklist{" "}
          {total ? (
            <span className="font-normal text-zinc-500 tabular-nums dark:text-zinc-400">
              {done}/{total}
            </span>
          ) : null}
        </h2>
        {total && done === total ? <span className="text-xs font-medium text-green-700 dark:text-green-400">All done</span> : null}
      </div>
      {total ? (
        <div
          role="progressbar"
          aria-label="Checklist progress"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={done}
          aria-valuetext={`${done} of ${total} done`}
          className="h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
        >
          <div className="h-full rounded-full bg-green-600 transition-[width] duration-300 dark:bg-green-500" style={{ width: `${percent}%` }} />
        </div>
      ) : (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No playbook matched this incident, so there is no checklist.</p>
      )}
      {groups(items).map((group, index) => (
        <div key={`${group.name}-${index}`}>
          <h3 className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{group.name}</h3>
          <ul className="mt-1 space-y-1">
            {group.items.map((item) => {
              const checked = isDone(item);
              const id = `checklist-item-${item.id}`;
              return (
                <li key={item.id} className="flex items-start gap-2 rounded-md px-1 py-1 hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
                  <input
                    id={id}
                    type="checkbox"
                    checked={checked}
                    disabled={!canEdit || !hydrated || busy[item.id]}
                    onChange={(e) => toggle(item, e.target.checked)}
                    aria-describedby={item.doneAt && checked ? `${id}-who` : undefined}
                    className="mt-0.5 h-4 w-4 shrink-0 rounded accent-green-600 disabled:cursor-not-allowed"
                  />
                  <div className="min-w-0 flex-1 text-sm">
                    <label htmlFor={id} className={`break-words ${canEdit ? "cursor-pointer" : ""} ${checked ? "text-zinc-500 dark:text-zinc-400" : ""}`}>
                      {item.text}
                    </label>
                    {item.link ? (
                      <a
                        href={item.link}
                        target="_blank"
                        rel="noopener noreferrer"
                        className="ml-1 inline-flex items-center gap-0.5 align-middle text-xs font-medium text-blue-700 hover:underline dark:text-blue-400"
                        aria-label={`Open link for “${item.text}” (new tab)`}
                      >
                        Open <ExternalLink aria-hidden className="h-3 w-3" />
                      </a>
                    ) : null}
                    {item.doneAt && checked ? (
                      <p id={`${id}-who`} className="text-xs text-zinc-500 dark:text-zinc-400">
                        {item.doneByLabel ?? "Someone"} · <LocalTime ms={item.doneAt} />
                      </p>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      {error ? (
        <p role="alert" className={errorClass}>
          {error}
        </p>
      ) : null}
    </section>
  );
}
