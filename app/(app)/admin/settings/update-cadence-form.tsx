"use client";
import { useEffect, useState } from "react";
import { errorClass, inputClass } from "@/app/components/ui";
import { useServerAction } from "@/app/components/use-server-action";
import { SEVERITIES, SEVERITY_INFO, type Severity } from "@/lib/severity";
import type { UpdateCadence } from "@/lib/update-cadence";
import { SettingsForm } from "./settings-form";
import { saveUpdateCadenceAction } from "./actions";

const asText = (cadence: UpdateCadence) =>
  Object.fromEntries(SEVERITIES.map((s) => [s, cadence[s] === null ? "" : String(cadence[s])])) as Record<Severity, string>;

/** Minutes between stakeholder updates per severity; empty means no cadence. */
export function UpdateCadenceForm({ initial }: { initial: UpdateCadence }) {
  const action = useServerAction();
  const { pending } = action;
  const [values, setValues] = useState(asText(initial));
  const [saved, setSaved] = useState(asText(initial));
  const fields = action.error?.fields ?? {};
  const dirty = SEVERITIES.some((s) => values[s].trim() !== saved[s]);
  // After a refused save, focus the first invalid field once it is enabled again.
  useEffect(() => {
    const first = SEVERITIES.find((s) => action.error?.fields[s]);
    if (first && !pending) document.getElementById(`cadence-${first}`)?.focus();
  }, [action.error, pending]);

  return (
    <SettingsForm
      titleId="cadence-title"
      pending={pending}
      dirty={dirty}
      saveLabel="Save cadence"
      error={action.error ? (Object.keys(fields).length ? "Check the highlighted severities." : action.error.message) : null}
      notice={action.notice}
      onSubmit={async () => {
        const cadence = Object.fromEntries(SEVERITIES.map((s) => [s, values[s].trim() === "" ? null : Number(values[s])]));
        await action.run(() => saveUpdateCadenceAction(cadence), {
          notice: "Saved. Incident pages count down to the next update with these intervals.",
          onSuccess: (data) => {
            setSaved(asText(data.cadence));
            setValues(asText(data.cadence));
          },
        });
      }}
    >
      <fieldset aria-describedby="cadence-hint">
        <legend id="cadence-title" className="text-base font-semibold">
          Update cadence
        </legend>
        <p id="cadence-hint" className="mt-0.5 text-sm text-zinc-500 dark:text-zinc-400">
          How often stakeholders should hear about an active incident. The incident header counts down from the last update message or status change and says
          when an update is overdue. Leave empty for no cadence. The default is 15 minutes for SEV1 and 30 for SEV2.
        </p>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          {SEVERITIES.map((severity) => (
            <div key={severity}>
              <label htmlFor={`cadence-${severity}`} className="block text-sm font-medium">
                {severity} · {SEVERITY_INFO[severity].label} <span className="font-normal text-zinc-500 dark:text-zinc-400">(minutes)</span>
              </label>
              <input
                id={`cadence-${severity}`}
                inputMode="numeric"
                value={values[severity]}
                disabled={pending}
                placeholder="No cadence"
                onChange={(e) => setValues((v) => ({ ...v, [severity]: e.target.value }))}
                aria-invalid={fields[severity] ? true : undefined}
                aria-describedby={`cadence-${severity}-error`}
                className={`${inputClass} mt-1`}
              />
              <p id={`cadence-${severity}-error`} className={errorClass}>
                {fields[severity] ?? ""}
              </p>
            </div>
          ))}
        </div>
      </fieldset>
    </SettingsForm>
  );
}
