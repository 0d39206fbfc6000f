"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { SEVERITIES, SEVERITY_INFO, type Severity } from "@/lib/severity";
import { localInputToIso } from "@/lib/datetime-local";
import { TITLE_MAX } from "@/lib/validation/incident";
import { Field } from "@/app/components/field";
import { buttonClass, dangerButtonClass, errorClass, inputClass } from "@/app/components/ui";
import { SeverityPill } from "@/app/components/severity-pill";
import { useServerAction } from "@/app/components/use-server-action";
import { declareIncidentAction } from "./actions";
import { useServiceChoices } from "@/app/components/use-service-choices";
import { ServicesPicker, servicesPickerErrors, type PickedService } from "./services-picker";

type DeclareFormProps = {
  /** Cancel button; the dialog asks before discarding typed text. */
  onCancel?: () => void;
  /** After a successful declare, on the way to the new incident. */
  onDeclared?: () => void;
  /** Whether any field differs from how the form opened. */
  onDirtyChange?: (dirty: boolean) => void;
  /** Opened as "Try a drill incident": the drill box starts ticked. */
  initialDrill?: boolean;
  /** While the discard question is asked over it. */
  inert?: boolean;
};

/**
 * Title first and focused, severity with definitions; Ctrl/⌘+Enter submits; locks while submitting.
 * Header and footer stay put, the fields scroll between them, so the buttons are always on screen.
 */
export function DeclareForm({ onCancel, onDeclared, onDirtyChange, initialDrill = false, inert = false }: DeclareFormProps) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [severity, setSeverity] = useState<Severity | "">("");
  const action = useServerAction({ offline: "Could not reach the server. Your text is still here; try again.", refresh: false });
  // Stays locked once declared, on the way to the new incident.
  const [declared, setDeclared] = useState(false);
  const pending = action.pending || declared;
  // Problems found before sending: shown next to their fields only.
  const [local, setLocal] = useState<Record<string, string> | null>(null);
  const fields = local ?? action.error?.fields ?? {};
  const message = local ? null : action.message;
  const [picked, setPicked] = useState<PickedService[]>([]);
  // Read when the dialog opens (this form mounts with it), not by every page that carries the button.
  const catalogue = useServiceChoices({ loadNow: true });
  // One key per opened form: a double submit or a retry cannot declare twice.
  const idempotencyKey = useRef(crypto.randomUUID());

  const reportDirty = useCallback(() => {
    const form = formRef.current;
    if (!form || !onDirtyChange) return;
    const data = new FormData(form);
    const typed = ["title", "summary", "startedAt"].some((name) => String(data.get(name) ?? "") !== "");
    const ticked = data.get("private") === "on" || (data.get("drill") === "on") !== initialDrill;
    onDirtyChange(typed || ticked || severity !== "" || picked.length > 0);
  }, [onDirtyChange, initialDrill, severity, picked]);
  useEffect(reportDirty, [reportDirty]);

  async function submit(form: HTMLFormElement) {
    if (action.isBusy() || declared) return;
    const data = new FormData(form);
    const title = String(data.get("title") ?? "");
    const local: Record<string, string> = {};
    if (!title.trim()) local.title = "Title is required";
    if (!severity) local.severity = "Pick a severity";
    Object.assign(local, servicesPickerErrors(picked));
    if (Object.keys(local).length) {
      setLocal(local);
      const row = picked.findIndex((_, index) => local[`services.${index}.service`]);
      const first = local.title ? "#declare-title-input" : local.severity ? "input[name=severity]" : `#declare-service-${picked[row]?.key}`;
      (form.querySelector(first) as HTMLElement | null)?.focus();
      return;
    }
    setLocal(null);
    const startedAt = localInputToIso(String(data.get("startedAt") ?? ""));
    const input = {
      title,
      severity,
      summary: String(data.get("summary") ?? ""),
      ...(startedAt ? { startedAt } : {}),
      private: data.get("private") === "on",
      drill: data.get("drill") === "on",
      ...(picked.length ? { services: picked.map((p) => ({ service: p.service, impact: p.impact })) } : {}),
    };
    await action.run(() => declareIncidentAction(input, idempotencyKey.current), {
      onSuccess: (incident) => {
        setDeclared(true);
        router.push(`/incidents/${incident.reference}`);
        onDeclared?.();
      },
    });
  }

  return (
    <form
      ref={formRef}
      noValidate
      inert={inert}
      onInput={reportDirty}
      onChange={reportDirty}
      className="flex min-h-0 flex-1 flex-col"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void submit(event.currentTarget);
        }
      }}
      aria-busy={pending}
    >
      <div className="shrink-0 border-b border-zinc-200 px-4 py-3 sm:px-5 sm:py-4 dark:border-zinc-800">
        <h2 id="declare-title" className="text-lg font-semibold">
          Declare an incident
        </h2>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">Title and severity are enough to start. Everything can be changed later.</p>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto overscroll-contain">
        <fieldset disabled={pending} className="space-y-4 px-4 py-4 sm:px-5">
          <Field id="declare-title-input" label="Title" error={fields.title} hint="What is broken, in a few words, e.g. “Checkout failing for EU customers”">
            {(aria) => <input {...aria} name="title" autoFocus maxLength={TITLE_MAX} className={inputClass} autoComplete="off" />}
          </Field>
          <div role="radiogroup" aria-labelledby="severity-label" aria-describedby={fields.severity ? "severity-error" : undefined}>
            <p id="severity-label" className="text-sm font-medium">
              Severity
            </p>
            <div className="mt-1 grid gap-2 sm:grid-cols-2">
              {SEVERITIES.map((sev) => (
                <label
                  key={sev}
                  className={`flex cursor-pointer gap-2 rounded-md border p-2.5 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-blue-500 ${
                    severity === sev ? "border-zinc-900 bg-zinc-50 dark:border-zinc-300 dark:bg-zinc-800" : "border-zinc-300 dark:border-zinc-700"
                  }`}
                >
                  <input type="radio" name="severity" value={sev} checked={severity === sev} onChange={() => setSeverity(sev)} className="mt-0.5" />
                  <span>
                    <span className="flex items-center gap-1.5">
                      <SeverityPill severity={sev} /> <span className="font-medium">{SEVERITY_INFO[sev].label}</span>
                    </span>
                    <span className="mt-0.5 block text-xs text-zinc-600 dark:text-zinc-400">{SEVERITY_INFO[sev].definition}</span>
                  </span>
                </label>
              ))}
            </div>
            <p id="severity-error" className={errorClass} aria-live="polite">
              {fields.severity ?? ""}
            </p>
          </div>
          <Field id="declare-summary" label="Summary (optional)" error={fields.summary} hint="What customers see, what you know so far. Markdown works.">
            {(aria) => <textarea {...aria} name="summary" rows={3} className={inputClass} />}
          </Field>
          <ServicesPicker catalogue={catalogue} picked={picked} onChange={setPicked} errors={fields} />
          <Field
            id="declare-started"
            label="Impact started (optional)"
            error={fields.startedAt}
            hint="Leave empty for now; set it earlier if impact began before you noticed. Your local time."
          >
            {(aria) => <input {...aria} type="datetime-local" name="startedAt" className={inputClass} />}
          </Field>
          <div className="flex flex-col gap-2 text-sm sm:flex-row sm:gap-6">
            <label className="flex items-center gap-2">
              <input type="checkbox" name="private" /> Private (only admins and people on the incident can see it)
            </label>
            <label className="flex items-center gap-2">
              <input type="checkbox" name="drill" defaultChecked={initialDrill} /> Drill / game day
            </label>
          </div>
        </fieldset>
      </div>
      {/* Outside the scrolling body: a server error shows next to the buttons, never scrolled away. */}
      {message ? (
        <p
          role="alert"
          className="shrink-0 border-t border-red-200 bg-red-50 px-4 py-2 text-sm text-red-800 sm:px-5 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
        >
          {message}
        </p>
      ) : null}
      <div className="flex shrink-0 items-center justify-end gap-2 border-t border-zinc-200 bg-zinc-50 px-4 py-3 sm:px-5 dark:border-zinc-800 dark:bg-zinc-900">
        <span className="mr-auto hidden text-xs text-zinc-500 sm:inline">Ctrl/⌘ + Enter to declare</span>
        {onCancel ? (
          <button type="button" className={buttonClass} onClick={onCancel} disabled={pending}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className={dangerButtonClass} disabled={pending}>
          {pending ? "Declaring…" : "Declare incident"}
        </button>
      </div>
    </form>
  );
}
