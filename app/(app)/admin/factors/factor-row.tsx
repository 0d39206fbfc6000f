"use client";
import { useId, useRef, useState } from "react";
import { Archive, ArchiveRestore } from "lucide-react";
import { buttonClass, errorClass, inputClass, labelClass, primaryButtonClass } from "@/app/components/ui";
import { useServerAction } from "@/app/components/use-server-action";
import { FormMessage } from "../form-message";
import { cellLabelClass, panelCellClass, panelRowClass, tdClass, tdWideClass, trClass } from "../table-classes";
import { archiveFactorAction, renameFactorAction } from "./actions";
import { PanelFooter } from "../confirm-panel";

export type FactorRowData = { id: number; name: string; description: string; archived: boolean; uses: number };

/** One factor of the taxonomy: how many postmortems use it, rename (with description) and archive or restore. */
export function FactorRow({ factor, nameMax }: { factor: FactorRowData; nameMax: number }) {
  const id = useId();
  const action = useServerAction();
  const { pending, notice } = action;
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(factor.name);
  const [description, setDescription] = useState(factor.description);
  const errors = { name: action.fieldError("name"), description: action.fieldError("description") };
  const error = action.formError("name", "description");
  const actionsRef = useRef<HTMLDivElement>(null);

  const open = () => {
    setEditing(true);
    setName(factor.name);
    setDescription(factor.description);
    action.reset();
  };
  const close = () => {
    setEditing(false);
    action.clearError();
    requestAnimationFrame(() => actionsRef.current?.querySelector("button")?.focus());
  };

  async function toggleArchive() {
    await action.run(() => archiveFactorAction(factor.id, !factor.archived), {
      notice: (saved) =>
        saved.archived
          ? `Archived “${saved.name}”. Postmortems that use it keep it; it can no longer be chosen.`
          : `Restored “${saved.name}”. Authors can choose it again.`,
    });
  }

  return (
    <>
      <tr className={`${trClass} ${factor.archived ? "bg-zinc-50/70 dark:bg-zinc-950/40" : ""}`}>
        <td className={`${tdWideClass} md:w-1/4`}>
          <span className={`font-semibold break-words ${factor.archived ? "text-zinc-500" : ""}`}>{factor.name}</span>
        </td>
        <td className={tdWideClass}>
          <span className={cellLabelClass}>Description</span>
          {factor.description ? (
            <span className="break-words text-zinc-700 dark:text-zinc-300">{factor.description}</span>
          ) : (
            <span className="text-zinc-500 italic">No description</span>
          )}
        </td>
        <td className={tdClass}>
          <span className={cellLabelClass}>Status</span>
          {factor.archived ? (
            <span className="rounded-full border border-zinc-300 bg-zinc-100 px-2 py-0.5 text-xs font-medium text-zinc-600 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
              Archived
            </span>
          ) : (
            <span className="rounded-full border border-green-200 bg-green-50 px-2 py-0.5 text-xs font-medium text-green-800 dark:border-green-900 dark:bg-green-950 dark:text-green-300">
              Active
            </span>
          )}
        </td>
        <td className={tdClass}>
          <span className={cellLabelClass}>Used by</span>
          <span className="whitespace-nowrap tabular-nums">
            {factor.uses} {factor.uses === 1 ? "postmortem" : "postmortems"}
          </span>
        </td>
        <td className={`${tdWideClass} md:w-px`}>
          <span className={cellLabelClass}>Actions</span>
          <div ref={actionsRef} className="flex flex-wrap gap-1.5 md:flex-nowrap md:justify-end">
            <button
              type="button"
              className={`${buttonClass} py-1.5`}
              aria-expanded={editing}
              aria-controls={`${id}-panel`}
              onClick={() => (editing ? close() : open())}
              disabled={pending}
            >
              Rename<span className="sr-only"> {factor.name}</span>
            </button>
            <button type="button" className={`${buttonClass} py-1.5`} onClick={toggleArchive} disabled={pending}>
              {factor.archived ? <ArchiveRestore aria-hidden className="h-4 w-4" /> : <Archive aria-hidden className="h-4 w-4" />}
              {factor.archived ? "Restore" : "Archive"}
              <span className="sr-only"> {factor.name}</span>
            </button>
          </div>
        </td>
      </tr>
      <tr className={editing || error || notice ? panelRowClass : "hidden"} id={`${id}-panel`}>
        <td colSpan={5} className={panelCellClass}>
          <div aria-live="polite">{!editing ? <FormMessage error={error} success={notice} /> : null}</div>
          {editing ? (
            <form
              noValidate
              aria-label={`Rename ${factor.name}`}
              className="rounded-md border border-zinc-200 bg-zinc-50 p-3 dark:border-zinc-800 dark:bg-zinc-950"
              onSubmit={async (event) => {
                event.preventDefault();
                if (!name.trim()) return action.invalid({ name: "Name is required" });
                await action.run(() => renameFactorAction(factor.id, name, description), {
                  notice: (saved) =>
                    saved.name === factor.name
                      ? `Saved “${saved.name}”.`
                      : `Renamed to “${saved.name}”. ${factor.uses ? `The ${factor.uses === 1 ? "postmortem that uses it shows" : `${factor.uses} postmortems that use it show`} the new name.` : ""}`,
                  onSuccess: () => setEditing(false),
                });
              }}
            >
              <div className="grid gap-3 sm:grid-cols-[minmax(0,16rem)_minmax(0,1fr)]">
                <div>
                  <label htmlFor={`${id}-name`} className={labelClass}>
                    Name
                  </label>
                  <input
                    id={`${id}-name`}
                    autoFocus
                    value={name}
                    maxLength={nameMax}
                    onChange={(e) => setName(e.target.value)}
                    aria-invalid={errors.name ? true : undefined}
                    aria-describedby={`${id}-name-error`}
                    className={`${inputClass} mt-1`}
                  />
                  <p id={`${id}-name-error`} className={errorClass} aria-live="polite">
                    {errors.name ?? ""}
                  </p>
                </div>
                <div>
                  <label htmlFor={`${id}-description`} className={labelClass}>
                    Description
                  </label>
                  <input
                    id={`${id}-description`}
                    value={description}
                    maxLength={500}
                    onChange={(e) => setDescription(e.target.value)}
                    aria-invalid={errors.description ? true : undefined}
                    aria-describedby={`${id}-description-error`}
                    className={`${inputClass} mt-1`}
                  />
                  <p id={`${id}-description-error`} className={errorClass} aria-live="polite">
                    {errors.description ?? ""}
                  </p>
                </div>
              </div>
              <PanelFooter error={error} pending={pending} onCancel={close}>
                <button type="submit" className={primaryButtonClass} disabled={pending}>
                  {pending ? "Saving…" : "Save"}
                </button>
              </PanelFooter>
            </form>
          ) : null}
        </td>
      </tr>
    </>
  );
}
