"use client";
import { useId, useRef, useState } from "react";
import { Field } from "@/app/components/field";
import { useFocusFirstInvalid } from "@/app/components/focus-first-invalid";
import { buttonClass, inputClass, primaryButtonClass } from "@/app/components/ui";
import { useServerAction } from "@/app/components/use-server-action";
import { FormMessage } from "../../admin/form-message";
import { createSloAction, updateSloAction } from "../actions";

export type SloValues = { id: number; version: number; name: string; sliDescription: string; objective: number; windowDays: number };

const CONFLICT = "Someone else changed this SLO while you were editing. Your values are kept here — check them and save again to apply them.";

/** Add or edit an SLO (admins). Objective 50–99.9999 %, window 1–90 days (28 by default). */
export function SloForm({ slug, slo, onDone }: { slug: string; slo?: SloValues; onDone: () => void }) {
  const id = useId();
  const action = useServerAction({ offline: "Could not reach the server. Nothing was saved; try again." });
  const { pending, error } = action;
  // After a 409 the values stay as typed; nothing is marked next to a field.
  const fields = error && !error.conflict ? error.fields : {};
  const message = error?.conflict ? CONFLICT : action.formSummary();
  const [baseVersion, setBaseVersion] = useState(slo?.version ?? 0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, error?.conflict ? null : error?.fields);

  async function submit(form: HTMLFormElement) {
    if (action.isBusy()) return;
    const data = new FormData(form);
    const input = {
      name: String(data.get("name") ?? ""),
      sliDescription: String(data.get("sliDescription") ?? ""),
      objective: String(data.get("objective") ?? ""),
      windowDays: String(data.get("windowDays") ?? ""),
    };
    await action.run(async () => (slo ? await updateSloAction(slug, slo.id, baseVersion, input) : await createSloAction(slug, input)), {
      onSuccess: onDone,
      onFailure: (failure) => {
        const current = (failure.current as { version?: number } | undefined)?.version;
        if (failure.conflict && typeof current === "number") setBaseVersion(current);
      },
    });
  }

  return (
    <form
      ref={formRef}
      noValidate
      aria-labelledby={`${id}-title`}
      aria-busy={pending}
      className="rounded-md border border-zinc-200 bg-zinc-50 p-3 sm:p-4 dark:border-zinc-800 dark:bg-zinc-950"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
    >
      <h3 id={`${id}-title`} className="text-sm font-semibold">
        {slo ? `Edit SLO “${slo.name}”` : "Add an SLO"}
      </h3>
      <fieldset disabled={pending} className="mt-3 grid min-w-0 gap-4 sm:grid-cols-2">
        <Field id={`${id}-name`} label="Name" error={fields.name} hint="e.g. Availability, Checkout latency">
          {(aria) => <input {...aria} name="name" defaultValue={slo?.name} autoFocus autoComplete="off" maxLength={100} className={inputClass} />}
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field id={`${id}-objective`} label="Objective (%)" error={fields.objective} hint="50 to 99.9999">
            {(aria) => (
              <input
                {...aria}
                name="objective"
                inputMode="decimal"
                defaultValue={slo?.objective ?? ""}
                placeholder="99.9"
                autoComplete="off"
                className={inputClass}
              />
            )}
          </Field>
          <Field id={`${id}-window`} label="Window (days)" error={fields.windowDays} hint="1 to 90">
            {(aria) => (
              <input {...aria} name="windowDays" type="number" min={1} max={90} step={1} defaultValue={slo?.windowDays ?? 28} className={inputClass} />
            )}
          </Field>
        </div>
        <div className="sm:col-span-2">
          <Field
            id={`${id}-sli`}
            label="SLI description"
            error={fields.sliDescription}
            hint="What is measured, e.g. “Share of HTTP requests answered without a 5xx within 2 s”."
          >
            {(aria) => <textarea {...aria} name="sliDescription" rows={2} maxLength={2000} defaultValue={slo?.sliDescription} className={inputClass} />}
          </Field>
        </div>
      </fieldset>
      <div className="mt-3 space-y-3">
        <div aria-live="polite">
          <FormMessage error={message} />
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={primaryButtonClass} disabled={pending}>
            {pending ? "Saving…" : slo ? "Save SLO" : "Add SLO"}
          </button>
          <button type="button" className={buttonClass} onClick={onDone} disabled={pending}>
            Cancel
          </button>
        </div>
      </div>
    </form>
  );
}
