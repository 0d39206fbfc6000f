"use client";
import Link from "next/link";
import { useId, useRef, useState } from "react";
import { X } from "lucide-react";
import type { ActionResult } from "@/lib/action-result";
import { buttonClass, errorClass, inputClass, primaryButtonClass } from "@/app/components/ui";
import { useServerAction } from "@/app/components/use-server-action";
import { FormMessage } from "../form-message";
import { ConfirmPanel } from "../confirm-panel";
import { cellLabelClass, panelCellClass, panelRowClass, tdClass, tdWideClass, trClass } from "../table-classes";
import { deleteTeamAction, renameTeamAction, setTeamMemberAction } from "./actions";

type Person = { id: number; name: string; email: string };
export type TeamRowData = { id: number; name: string; members: Person[]; serviceCount: number };
type Panel = null | "rename" | "delete";

/** One team: its members (add from active users, remove), services owned, rename and delete. */
export function TeamRow({ team, people }: { team: TeamRowData; people: Person[] }) {
  const id = useId();
  const [panel, setPanel] = useState<Panel>(null);
  const action = useServerAction();
  const { pending, notice } = action;
  const nameError = action.fieldError("name") ?? null;
  const error = action.formError("name");
  const [name, setName] = useState(team.name);
  const [newMember, setNewMember] = useState("");
  const actionsRef = useRef<HTMLDivElement>(null);
  const candidates = people.filter((p) => !team.members.some((m) => m.id === p.id));

  const run = async <T,>(call: () => Promise<ActionResult<T>>, success: string) =>
    (await action.run(call, { notice: success, onSuccess: () => setPanel(null) })).ok;

  const open = (next: Panel) => {
    setPanel(next);
    action.reset();
    setName(team.name);
  };
  const close = () => {
    setPanel(null);
    action.clearError();
    requestAnimationFrame(() => actionsRef.current?.querySelector("button")?.focus());
  };

  return (
    <>
      <tr className={trClass}>
        <td className={`${tdWideClass} md:w-48`}>
          <span className="font-semibold break-words">{team.name}</span>
        </td>
        <td className={tdWideClass}>
          <span className={cellLabelClass}>Members</span>
          {team.members.length === 0 ? <span className="text-sm text-zinc-500 italic">No members yet</span> : null}
          <ul aria-label={`Members of ${team.name}`} className="flex flex-wrap gap-1.5">
            {team.members.map((m) => (
              <li
                key={m.id}
                className="inline-flex items-center gap-1 rounded-full border border-zinc-300 bg-zinc-50 py-0.5 pr-0.5 pl-2 text-xs dark:border-zinc-700 dark:bg-zinc-800"
                title={m.email}
              >
                {m.name}
                <button
                  type="button"
                  disabled={pending}
                  aria-label={`Remove ${m.name} from ${team.name}`}
                  className="rounded-full p-1.5 text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 disabled:opacity-50 dark:hover:bg-zinc-700 dark:hover:text-white"
                  onClick={() => run(() => setTeamMemberAction(team.id, m.id, false), `Removed ${m.name} from ${team.name}.`)}
                >
                  <X aria-hidden className="h-3.5 w-3.5" />
                </button>
              </li>
            ))}
          </ul>
          {candidates.length ? (
            <form
              className="mt-1.5 flex w-full flex-wrap gap-1.5"
              onSubmit={async (event) => {
                event.preventDefault();
                const person = candidates.find((p) => String(p.id) === newMember);
                if (!person) {
                  action.invalid("Choose a person to add.");
                  return;
                }
                if (await run(() => setTeamMemberAction(team.id, person.id, true), `Added ${person.name} to ${team.name}.`)) setNewMember("");
              }}
            >
              <label htmlFor={`${id}-add`} className="sr-only">
                Add a member to {team.name}
              </label>
              <select
                id={`${id}-add`}
                value={newMember}
                onChange={(e) => setNewMember(e.target.value)}
                disabled={pending}
                className={`${inputClass} w-auto min-w-0 flex-1 py-1.5 md:max-w-56`}
              >
                <option value="">Add a person…</option>
                {candidates.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} ({p.email})
                  </option>
                ))}
              </select>
              <button type="submit" className={`${buttonClass} py-1.5`} disabled={pending || !newMember}>
                Add<span className="sr-only"> to {team.name}</span>
              </button>
            </form>
          ) : null}
        </td>
        <td className={tdClass}>
          <span className={cellLabelClass}>Services</span>
          {team.serviceCount > 0 ? (
            <Link href={`/services?team=${team.id}`} className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">
              {team.serviceCount} {team.serviceCount === 1 ? "service" : "services"}
            </Link>
          ) : (
            <span className="text-zinc-500">None</span>
          )}
        </td>
        <td className={tdClass}>
          <span className={cellLabelClass}>Actions</span>
          <div ref={actionsRef} className="flex flex-wrap gap-1.5 md:justify-end">
            <button
              type="button"
              className={`${buttonClass} py-1.5`}
              aria-expanded={panel === "rename"}
              aria-controls={`${id}-panel`}
              onClick={() => (panel === "rename" ? close() : open("rename"))}
            >
              Rename<span className="sr-only"> {team.name}</span>
            </button>
            <button
              type="button"
              className={`${buttonClass} py-1.5 text-red-700! dark:text-red-400!`}
              aria-expanded={panel === "delete"}
              aria-controls={`${id}-panel`}
              onClick={() => (panel === "delete" ? close() : open("delete"))}
            >
              Delete<span className="sr-only"> {team.name}</span>
            </button>
          </div>
        </td>
      </tr>
      <tr className={panel || error || notice ? panelRowClass : "hidden"} id={`${id}-panel`}>
        <td colSpan={4} className={panelCellClass}>
          <div aria-live="polite">{!panel ? <FormMessage error={error} success={notice} /> : null}</div>
          {panel === "rename" ? (
            <form
              noValidate
              className="rounded-md border border-zinc-200 bg-zinc-50 p-3 dark:border-zinc-800 dark:bg-zinc-950"
              onSubmit={async (event) => {
                event.preventDefault();
                await action.run(() => renameTeamAction(team.id, name), { notice: (t) => `Renamed to ${t.name}.`, onSuccess: () => setPanel(null) });
              }}
            >
              <label htmlFor={`${id}-name`} className="block text-sm font-medium">
                New name for {team.name}
              </label>
              <div className="mt-1 flex flex-wrap gap-2">
                <input
                  id={`${id}-name`}
                  autoFocus
                  value={name}
                  maxLength={80}
                  onChange={(e) => setName(e.target.value)}
                  aria-invalid={nameError ? true : undefined}
                  aria-describedby={`${id}-name-error`}
                  className={`${inputClass} w-full sm:w-72`}
                />
                <button type="submit" className={primaryButtonClass} disabled={pending}>
                  {pending ? "Saving…" : "Save name"}
                </button>
                <button type="button" className={buttonClass} onClick={close} disabled={pending}>
                  Cancel
                </button>
              </div>
              <p id={`${id}-name-error`} className={errorClass} aria-live="polite">
                {nameError ?? error ?? ""}
              </p>
            </form>
          ) : null}
          {panel === "delete" ? (
            <ConfirmPanel
              label={`Confirm deleting ${team.name}`}
              confirmLabel={`Delete ${team.name}`}
              pendingLabel="Deleting…"
              pending={pending}
              error={error}
              onConfirm={() => run(() => deleteTeamAction(team.id), `Deleted ${team.name}.`)}
              onCancel={close}
            >
              Delete the team {team.name}?{" "}
              {team.serviceCount > 0
                ? `Its ${team.serviceCount} ${team.serviceCount === 1 ? "service becomes" : "services become"} unowned until you pick another team.`
                : "It owns no services."}{" "}
              Memberships are removed; the people stay.
            </ConfirmPanel>
          ) : null}
        </td>
      </tr>
    </>
  );
}
