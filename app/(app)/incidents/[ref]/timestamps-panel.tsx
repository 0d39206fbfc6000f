"use client";
import { useState } from "react";
import { Pencil } from "lucide-react";
import { SOURCE_LABELS, TIMESTAMP_LABELS, type TimestampField } from "@/lib/incident-timestamps";
import type { TimestampSource } from "@/lib/incident-status";
import { localInputToIso, msToLocalInput } from "@/lib/datetime-local";
import { LocalTime } from "@/app/components/local-time";
import { buttonClass, errorClass, inputClass, primaryButtonClass } from "@/app/components/ui";
import { ErrorNote, useIncidentUpdate } from "./use-incident-update";

export type TimestampRow = { field: TimestampField | "declaredAt"; value: number | null; source: TimestampSource | null };

/** Key timestamps with where each came from; corrections are audited and go on the timeline. */
export function TimestampsPanel({ reference, version, rows, canEdit }: { reference: string; version: number; rows: TimestampRow[]; canEdit: boolean }) {
  const { run, pending, error, clearError } = useIncidentUpdate(reference, version);
  const [editing, setEditing] = useState<TimestampField | null>(null);
  const [value, setValue] = useState("");
  const [baseVersion, setBaseVersion] = useState(version);
  return (
    <section aria-labelledby="timestamps-heading">
      <h2 id="timestamps-heading" className="mb-2 text-sm font-semibold">
        Key times
      </h2>
      <dl className="space-y-2 text-sm">
        {rows.map((row) => {
          const id = `ts-${row.field}`;
          const editable = canEdit && row.field !== "declaredAt";
          return (
            <div key={row.field}>
              <dt className="flex items-center justify-between text-xs font-medium text-zinc-600 dark:text-zinc-400">
                {TIMESTAMP_LABELS[row.field]}
                {editable && editing !== row.field ? (
                  <button
                    type="button"
                    className="rounded p-0.5 hover:bg-zinc-200 dark:hover:bg-zinc-800"
                    aria-label={`Edit ${TIMESTAMP_LABELS[row.field]} time`}
                    onClick={() => {
                      clearError();
                      setEditing(row.field as TimestampField);
                      setBaseVersion(version);
                      setValue(msToLocalInput(row.value ?? Date.now()));
                    }}
                  >
                    <Pencil className="h-3.5 w-3.5" />
                  </button>
                ) : null}
              </dt>
              <dd>
                {editing === row.field ? (
                  <form
                    className="mt-1 space-y-1.5"
                    onSubmit={(e) => {
                      e.preventDefault();
                      run({ [row.field]: localInputToIso(value) ?? null }, { baseVersion, onDone: () => setEditing(null), onConflict: setBaseVersion });
                    }}
                  >
                    <label htmlFor={id} className="sr-only">
                      {TIMESTAMP_LABELS[row.field]} (your time)
                    </label>
                    <input
                      id={id}
                      type="datetime-local"
                      value={value}
                      onChange={(e) => setValue(e.target.value)}
                      aria-invalid={error?.fields?.[row.field] ? true : undefined}
                      aria-describedby={`${id}-error`}
                      className={`${inputClass} py-1`}
                    />
                    <p id={`${id}-error`} className={errorClass}>
                      {error?.fields?.[row.field] ?? ""}
                    </p>
                    <div className="flex gap-1.5">
                      <button type="submit" className={`${primaryButtonClass} py-1`} disabled={pending}>
                        Save
                      </button>
                      {row.field !== "startedAt" && row.value !== null ? (
                        <button
                          type="button"
                          className={`${buttonClass} py-1`}
                          disabled={pending}
                          onClick={() => run({ [row.field]: null }, { baseVersion, onDone: () => setEditing(null), onConflict: setBaseVersion })}
                        >
                          Clear
                        </button>
                      ) : null}
                      <button type="button" className={`${buttonClass} py-1`} onClick={() => setEditing(null)}>
                        Cancel
                      </button>
                    </div>
                  </form>
                ) : row.value !== null ? (
                  <span>
                    <LocalTime ms={row.value} mode="absolute" />
                    {row.source ? <span className="block text-xs text-zinc-500">{SOURCE_LABELS[row.source]}</span> : null}
                  </span>
                ) : (
                  <span className="text-zinc-500">Not yet</span>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      {error && !(editing && error.fields?.[editing]) ? <ErrorNote error={error} /> : null}
    </section>
  );
}
