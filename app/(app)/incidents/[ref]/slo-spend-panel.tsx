"use client";
import { useState, useTransition } from "react";
import type { IncidentSloSpend } from "@/db/queries/incidents/slo-spend";
import { buttonClass, errorClass, inputClass, primaryButtonClass } from "@/app/components/ui";
import { setSpendOverrideAction } from "./service-actions";
import { BudgetStatusBadge } from "@/app/components/budget-status-badge";
import { formatMinutes, formatPercent } from "@/app/components/budget-format";
import { callAction } from "@/lib/server-action";

/** One SLO's spend as the data layer reports it (incidentSloSpend); the panel does not need `pushed`. */
export type SloSpendRow = Omit<IncidentSloSpend, "pushed">;

/** Each linked SLO's spend from this incident; responders can set it by hand with a reason. */
export function SloSpendPanel({ reference, rows, drill, canEdit }: { reference: string; rows: SloSpendRow[]; drill: boolean; canEdit: boolean }) {
  return (
    <section aria-labelledby="slo-spend-heading" className="space-y-3">
      <div>
        <h2 id="slo-spend-heading" className="text-sm font-semibold">
          SLO spend
        </h2>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {drill ? "A drill spends no error budget." : "Minutes of error budget this incident used on each SLO of its services."}
        </p>
      </div>
      {rows.length ? (
        <ul className="space-y-3" aria-label="SLO spend">
          {rows.map((row) => (
            <SpendRow key={row.sloId} reference={reference} row={row} canEdit={canEdit} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-zinc-500">The affected services have no SLOs yet.</p>
      )}
    </section>
  );
}

function SpendRow({ reference, row, canEdit }: { reference: string; row: SloSpendRow; canEdit: boolean }) {
  const [pending, startTransition] = useTransition();
  const [editing, setEditing] = useState(false);
  const [minutes, setMinutes] = useState("");
  const [reason, setReason] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const percent = row.budgetMinutes > 0 ? (row.spentMinutes / row.budgetMinutes) * 100 : null;
  const id = `slo-${row.sloId}`;

  const send = (input: { minutes: number; reason: string } | null) =>
    startTransition(async () => {
      const result = await callAction(() => setSpendOverrideAction(reference, row.sloId, input), "Could not reach the server. Nothing was changed; try again.");
      if (result.ok) {
        setEditing(false);
        setFields({});
        setMessage(null);
        return;
      }
      setFields(result.fields ?? {});
      setMessage(result.fields?.minutes || result.fields?.reason ? null : result.message);
    });

  const open = () => {
    setMinutes(String(Math.round(row.spentMinutes * 10) / 10));
    setReason(row.overridden?.reason ?? "");
    setFields({});
    setMessage(null);
    setEditing(true);
  };

  return (
    <li className="text-sm" aria-labelledby={`${id}-name`}>
      <div className="flex items-start justify-between gap-2">
        <p id={`${id}-name`} className="min-w-0 font-medium">
          {row.serviceName} <span className="text-zinc-400">·</span> {row.sloName}
        </p>
        <BudgetStatusBadge status={row.status} prefix="SLO budget" />
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        <span className="font-medium text-zinc-900 dark:text-zinc-100">{formatMinutes(row.spentMinutes)}</span>
        {percent !== null ? ` · ${formatPercent(percent)} of its ${formatMinutes(row.budgetMinutes)} budget` : ""}
        <span className="block text-zinc-500">
          {row.objective} % over {row.windowDays} days
        </span>
      </p>
      {row.overridden ? (
        <p className="mt-1 rounded bg-zinc-100 px-2 py-1 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
          <span className="font-medium">Set by hand:</span> {row.overridden.reason}
        </p>
      ) : null}
      {canEdit && !editing ? (
        <div className="mt-1 flex flex-wrap gap-x-3 text-xs">
          <button type="button" className="font-medium text-blue-700 hover:underline disabled:opacity-60 dark:text-blue-400" onClick={open} disabled={pending}>
            {row.overridden ? "Change hand-set spend" : "Set spend by hand"}
            <span className="sr-only">
              {" "}
              for {row.serviceName} · {row.sloName}
            </span>
          </button>
          {row.overridden ? (
            <button
              type="button"
              className="font-medium text-blue-700 hover:underline disabled:opacity-60 dark:text-blue-400"
              onClick={() => send(null)}
              disabled={pending}
            >
              Use computed spend
              <span className="sr-only">
                {" "}
                for {row.serviceName} · {row.sloName}
              </span>
            </button>
          ) : null}
        </div>
      ) : null}
      {canEdit && editing ? (
        <form
          noValidate
          className="mt-2 space-y-2 rounded-md border border-zinc-200 p-2 dark:border-zinc-700"
          aria-label={`Set spend by hand for ${row.serviceName} · ${row.sloName}`}
          onSubmit={(e) => {
            e.preventDefault();
            const local: Record<string, string> = {};
            const value = Number(minutes);
            if (minutes.trim() === "" || !Number.isFinite(value)) local.minutes = "Enter the minutes this incident spent, e.g. 12.5";
            else if (value < 0) local.minutes = "Minutes cannot be negative";
            if (reason.trim().length < 3) local.reason = "Give a reason (at least 3 characters)";
            if (Object.keys(local).length) return setFields(local);
            send({ minutes: value, reason: reason.trim() });
          }}
        >
          <div>
            <label htmlFor={`${id}-minutes`} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
              Minutes spent
            </label>
            <input
              id={`${id}-minutes`}
              type="number"
              inputMode="decimal"
              min={0}
              step="any"
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
              aria-invalid={fields.minutes ? true : undefined}
              aria-describedby={`${id}-minutes-error`}
              className={`${inputClass} mt-0.5 py-1.5`}
            />
            <p id={`${id}-minutes-error`} className={errorClass} aria-live="polite">
              {fields.minutes ?? ""}
            </p>
          </div>
          <div>
            <label htmlFor={`${id}-reason`} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
              Reason
            </label>
            <input
              id={`${id}-reason`}
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
              placeholder="e.g. only EU traffic was affected"
              aria-invalid={fields.reason ? true : undefined}
              aria-describedby={`${id}-reason-error`}
              className={`${inputClass} mt-0.5 py-1.5`}
            />
            <p id={`${id}-reason-error`} className={errorClass} aria-live="polite">
              {fields.reason ?? ""}
            </p>
          </div>
          <div className="flex gap-1.5">
            <button type="submit" className={`${primaryButtonClass} py-1.5`} disabled={pending}>
              Save
            </button>
            <button type="button" className={`${buttonClass} py-1.5`} disabled={pending} onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
      {message ? (
        <p role="alert" className={errorClass}>
          {message}
        </p>
      ) : null}
    </li>
  );
}
