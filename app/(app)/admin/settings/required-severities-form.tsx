"use client";
import { useState } from "react";
import { useServerAction } from "@/app/components/use-server-action";
import { SEVERITIES, SEVERITY_INFO, type Severity } from "@/lib/severity";
import { SettingsForm } from "./settings-form";
import { saveRequiredSeveritiesAction } from "./actions";

/** Which severities require a postmortem: one checkbox each. */
export function RequiredSeveritiesForm({ initial }: { initial: Severity[] }) {
  const action = useServerAction();
  const { pending } = action;
  const [chosen, setChosen] = useState<Severity[]>(initial);
  const [saved, setSaved] = useState<Severity[]>(initial);
  const dirty = chosen.length !== saved.length || chosen.some((s) => !saved.includes(s));
  const failure = action.error;

  return (
    <SettingsForm
      titleId="required-title"
      pending={pending}
      dirty={dirty}
      saveLabel="Save severities"
      messageId="required-error"
      error={failure ? Object.values(failure.fields).join(" ") || failure.message : null}
      notice={action.notice}
      onSubmit={() =>
        action.run(() => saveRequiredSeveritiesAction(chosen), {
          notice: ({ severities }) =>
            severities.length
              ? `Saved. Postmortems are now required for ${severities.join(", ")}.`
              : "Saved. No severity requires a postmortem now; only incidents that exhaust an error budget do.",
          onSuccess: ({ severities }) => {
            setSaved(severities);
            setChosen(severities);
          },
        })
      }
    >
      <fieldset aria-describedby="required-hint required-error">
        <legend id="required-title" className="text-base font-semibold">
          Severities that require a postmortem
        </legend>
        <p id="required-hint" className="mt-0.5 text-sm text-zinc-500 dark:text-zinc-400">
          When an incident of these severities resolves, its postmortem is due, and overdue 5 business days later. Drills never need one; an incident that
          exhausts an SLO&rsquo;s error budget always does. The default is SEV1 and SEV2.
        </p>
        <div className="mt-3 grid gap-2 sm:grid-cols-2">
          {SEVERITIES.map((severity) => {
            const checked = chosen.includes(severity);
            return (
              <label
                key={severity}
                className={`flex cursor-pointer items-start gap-3 rounded-md border p-3 text-sm ${
                  checked ? "border-zinc-900 bg-zinc-50 dark:border-zinc-300 dark:bg-zinc-800/60" : "border-zinc-200 dark:border-zinc-800"
                }`}
              >
                <input
                  type="checkbox"
                  name="severities"
                  value={severity}
                  checked={checked}
                  disabled={pending}
                  onChange={(e) =>
                    setChosen((list) => (e.target.checked ? SEVERITIES.filter((s) => s === severity || list.includes(s)) : list.filter((s) => s !== severity)))
                  }
                  className="mt-0.5 h-4 w-4 shrink-0 accent-zinc-900 dark:accent-zinc-100"
                />
                <span>
                  <span className="font-semibold">
                    {severity} · {SEVERITY_INFO[severity].label}
                  </span>
                  <span className="block text-zinc-500 dark:text-zinc-400">{SEVERITY_INFO[severity].definition}</span>
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      {chosen.length === 0 ? (
        <p className="mt-2 text-sm text-amber-800 dark:text-amber-300">With none ticked, only incidents that exhaust an error budget will need a postmortem.</p>
      ) : null}
    </SettingsForm>
  );
}
