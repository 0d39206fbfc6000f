"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { errorClass, inputClass, primaryButtonClass } from "@/app/components/ui";
import { SEVERITIES, SEVERITY_INFO, type Severity } from "@/lib/severity";
import type { UpdateCadence } from "@/lib/update-cadence";
import { FormMessage } from "../form-message";
import { saveUpdateCadenceAction } from "./actions";

const offline = { ok: false as const, code: "network", message: "Could not reach the server. Try again.", fields: undefined };
const asText = (cadence: UpdateCadence) => Object.fromEntries(SEVERITIES.map((s) => [s, cadence[s] === null ? "" : String(cadence[s])])) as Record<Severity, string>;

/** Minutes between stakeholder updates per severity; empty means no cadence. */
export function UpdateCadenceForm({ initial }: { initial: UpdateCadence }) {
  const router = useRouter();
  const [values, setValues] = useState(asText(initial));
  const [saved, setSaved] = useState(asText(initial));
  const [pending, setPending] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const dirty = SEVERITIES.some((s) => values[s].trim() !== saved[s]);
  // After a refused save, focus the first invalid field once it is enabled again.
  useEffect(() => {
    const first = SEVERITIES.find((s) => fields[s]);
    if (first && !pending) document.getElementById(`cadence-${first}`)?.focus();
  }, [fields, pending]);

  return (
    <form
      noValidate
      aria-labelledby="cadence-title"
      aria-busy={pending}
      onSubmit={async (event) => {
        event.preventDefault();
        if (pending) return;
        setPending(true);
        setError(null);
        setNotice(null);
        const cadence = Object.fromEntries(SEVERITIES.map((s) => [s, values[s].trim() === "" ? null : Number(values[s])]));
        const result = await saveUpdateCadenceAction(cadence).catch(() => offline);
        setPending(false);
        if (!result.ok) {
          setFields(result.fields ?? {});
          setError(result.fields ? "Check the highlighted severities." : result.message);
          return;
        }
        setFields({});
        setSaved(asText(result.data.cadence));
        setValues(asText(result.data.cadence));
        setNotice("Saved. Incident pages count down to the next update with these intervals.");
        router.refresh();
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
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="submit" className={primaryButtonClass} disabled={pending || !dirty}>
          {pending ? "Saving…" : "Save cadence"}
        </button>
        {dirty ? <span className="text-sm text-zinc-500">Unsaved changes</span> : null}
      </div>
      <div className="mt-2" aria-live="polite">
        <FormMessage error={error} success={notice} />
      </div>
    </form>
  );
}
