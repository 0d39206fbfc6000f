"use client";
import { useState, useTransition } from "react";
import { X } from "lucide-react";
import { buttonClass, errorClass, inputClass } from "@/app/components/ui";
import { addResponderAction, removeResponderAction } from "./actions";
import type { ActionResult } from "@/lib/action-result";
import { callAction } from "@/lib/server-action";
import { ErrorNote, useIncidentUpdate } from "./use-incident-update";

type Person = { userId: number; name: string; email: string; role: string };
type User = { id: number; name: string; email: string };

const LEADS = [
  { role: "commander", field: "commanderEmail", label: "Incident commander" },
  { role: "communications", field: "communicationsEmail", label: "Communications lead" },
  { role: "scribe", field: "scribeEmail", label: "Scribe" },
] as const;

export function RolesPanel({
  reference,
  version,
  people,
  users,
  me,
  canEdit,
}: {
  reference: string;
  version: number;
  people: Person[];
  users: User[];
  me: number;
  canEdit: boolean;
}) {
  const { run, pending, error } = useIncidentUpdate(reference, version);
  const [adding, startAdding] = useTransition();
  const [addId, setAddId] = useState("");
  const [addError, setAddError] = useState<string | null>(null);
  const responders = people.filter((p) => p.role === "responder");
  const onIncident = people.some((p) => p.userId === me);

  const changeResponders = (fn: () => Promise<ActionResult<unknown>>) =>
    startAdding(async () => {
      const result = await callAction(fn, "Could not reach the server; try again.");
      if (result.ok) {
        setAddError(null);
        setAddId("");
      } else setAddError(result.message);
    });

  return (
    <section aria-labelledby="roles-heading" className="space-y-3">
      <h2 id="roles-heading" className="text-sm font-semibold">
        Roles
      </h2>
      {LEADS.map(({ role, field, label }) => {
        const holder = people.find((p) => p.role === role);
        const id = `role-${role}`;
        return (
          <div key={role}>
            <label htmlFor={id} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
              {label}
            </label>
            {canEdit ? (
              <select
                id={id}
                value={holder?.email ?? ""}
                disabled={pending}
                onChange={(e) => run({ [field]: e.target.value || null })}
                aria-invalid={error?.fields?.[field] ? true : undefined}
                aria-describedby={`${id}-error`}
                className={`${inputClass} mt-0.5 py-1.5`}
              >
                <option value="">Unassigned</option>
                {users.map((u) => (
                  <option key={u.id} value={u.email}>
                    {u.name}
                  </option>
                ))}
              </select>
            ) : (
              <p id={id} className="text-sm font-medium">
                {holder?.name ?? "Unassigned"}
              </p>
            )}
            <p id={`${id}-error`} className={errorClass}>
              {error?.fields?.[field] ?? ""}
            </p>
          </div>
        );
      })}
      {error && !LEADS.some((l) => error.fields?.[l.field]) ? <ErrorNote error={error} /> : null}

      <div>
        <p className="text-xs font-medium text-zinc-600 dark:text-zinc-400">Other responders</p>
        {responders.length ? (
          <ul className="mt-1 space-y-1">
            {responders.map((p) => (
              <li key={p.userId} className="flex items-center justify-between gap-2 text-sm">
                <span className="truncate">{p.name}</span>
                {canEdit ? (
                  <button
                    type="button"
                    disabled={adding}
                    onClick={() => changeResponders(() => removeResponderAction(reference, p.userId))}
                    className="rounded p-1 text-zinc-500 hover:bg-zinc-200 dark:hover:bg-zinc-800"
                    aria-label={`Remove ${p.name} from responders`}
                  >
                    <X className="h-3.5 w-3.5" />
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-sm text-zinc-500">None yet</p>
        )}
        {canEdit ? (
          <form
            className="mt-2 flex gap-1.5"
            onSubmit={(e) => {
              e.preventDefault();
              if (!addId) return setAddError("Pick a person to add");
              changeResponders(() => addResponderAction(reference, Number(addId)));
            }}
          >
            <label htmlFor="add-responder" className="sr-only">
              Add responder
            </label>
            <select id="add-responder" value={addId} onChange={(e) => setAddId(e.target.value)} className={`${inputClass} min-w-0 py-1.5`}>
              <option value="">Add responder…</option>
              {users
                .filter((u) => !responders.some((r) => r.userId === u.id))
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
            </select>
            <button type="submit" className={`${buttonClass} py-1.5`} disabled={adding}>
              Add
            </button>
          </form>
        ) : null}
        {canEdit && !onIncident ? (
          <button
            type="button"
            className={`${buttonClass} mt-2 w-full py-1.5`}
            disabled={adding}
            onClick={() => changeResponders(() => addResponderAction(reference, me))}
          >
            Join as responder
          </button>
        ) : null}
        {addError ? (
          <p role="alert" className={errorClass}>
            {addError}
          </p>
        ) : null}
      </div>
    </section>
  );
}
