"use client";
import { useEffect, useRef, useState } from "react";
import { Plus, X } from "lucide-react";
import { IMPACT_LABEL, IMPACT_LEVELS, type ImpactLevel } from "@/lib/error-budget";
import { buttonClass, errorClass, hintClass, inputClass } from "@/app/components/ui";
import type { ServiceChoices } from "@/app/components/use-service-choices";

export type ServiceOption = { slug: string; name: string; tier: number };
export type PickedService = { key: number; service: string; impact: ImpactLevel };

/** Problems to fix before sending, keyed like the server's errors (`services.0.service`). */
export function servicesPickerErrors(picked: PickedService[]): Record<string, string> {
  const errors: Record<string, string> = {};
  picked.forEach((p, index) => {
    if (!p.service) errors[`services.${index}.service`] = "Pick a service, or remove this row";
    else if (picked.findIndex((other) => other.service === p.service) < index) errors[`services.${index}.service`] = "This service is already in the list";
  });
  return errors;
}

let nextKey = 1;

/**
 * Declare dialog: optional rows of service + impact, added and removed with the keyboard. The
 * catalogue arrives after the dialog opens: rows can be added meanwhile, their selects fill in.
 */
export function ServicesPicker({
  catalogue,
  picked,
  onChange,
  errors,
}: {
  catalogue: ServiceChoices;
  picked: PickedService[];
  onChange: (next: PickedService[]) => void;
  errors: Record<string, string>;
}) {
  const services = catalogue.choices;
  const loading = catalogue.status === "idle" || catalogue.status === "loading";
  const [focusKey, setFocusKey] = useState<number | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusKey === null) return;
    document.getElementById(`declare-service-${focusKey}`)?.focus();
    setFocusKey(null);
  }, [focusKey]);

  const update = (key: number, patch: Partial<PickedService>) => onChange(picked.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  const add = () => {
    const key = nextKey++;
    onChange([...picked, { key, service: "", impact: "degraded" }]);
    setFocusKey(key);
  };
  const remove = (key: number) => {
    onChange(picked.filter((p) => p.key !== key));
    addButton.current?.focus();
  };

  return (
    <fieldset aria-describedby="declare-services-hint">
      <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Affected services (optional)</legend>
      {picked.length ? (
        <div
          aria-hidden
          className="mt-1 hidden grid-cols-[minmax(0,1fr)_minmax(0,9rem)_2rem] gap-1.5 text-xs font-medium text-zinc-600 sm:grid dark:text-zinc-400"
        >
          <span>Service</span>
          <span>Impact</span>
        </div>
      ) : null}
      {picked.length ? (
        <ul className="mt-1 space-y-2">
          {picked.map((p, index) => {
            const id = `declare-service-${p.key}`;
            const error = errors[`services.${index}.service`] ?? errors[`services.${index}.impact`];
            const n = index + 1;
            return (
              <li key={p.key}>
                <div className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-1.5 sm:grid-cols-[minmax(0,1fr)_minmax(0,9rem)_auto]">
                  <label htmlFor={id} className="sr-only">
                    Service {n}
                  </label>
                  <select
                    id={id}
                    value={p.service}
                    onChange={(e) => update(p.key, { service: e.target.value })}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={`${id}-error`}
                    aria-busy={loading || undefined}
                    className={`${inputClass} col-span-2 sm:col-span-1`}
                  >
                    <option value="">{loading ? "Loading services…" : "Pick a service…"}</option>
                    {services.map((s) => (
                      <option key={s.slug} value={s.slug}>
                        {s.name} (tier {s.tier})
                      </option>
                    ))}
                  </select>
                  <label htmlFor={`${id}-impact`} className="sr-only">
                    Impact on service {n}
                  </label>
                  <select
                    id={`${id}-impact`}
                    value={p.impact}
                    onChange={(e) => update(p.key, { impact: e.target.value as ImpactLevel })}
                    className={inputClass}
                  >
                    <ImpactOptions />
                  </select>
                  <button
                    type="button"
                    onClick={() => remove(p.key)}
                    className="rounded p-2 text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
                    aria-label={`Remove service ${n}`}
                    title="Remove"
                  >
                    <X aria-hidden className="h-4 w-4" />
                  </button>
                </div>
                <p id={`${id}-error`} className={errorClass} aria-live="polite">
                  {error ?? ""}
                </p>
              </li>
            );
          })}
        </ul>
      ) : null}
      {(loading || services.length) && picked.length < (loading ? 20 : Math.min(services.length, 20)) ? (
        <button ref={addButton} type="button" onClick={add} className={`${buttonClass} mt-1 py-1.5`}>
          <Plus aria-hidden className="h-4 w-4" /> {picked.length ? "Add another service" : "Add a service"}
        </button>
      ) : null}
      <p id="declare-services-hint" className={hintClass} aria-live="polite">
        {loading
          ? "Loading the service catalogue…"
          : services.length
            ? "The services customers feel this in, and how badly. Their error budgets are spent from the impact start."
            : catalogue.status === "ready"
              ? "No services in the catalogue yet; you can link them on the incident page once an admin adds them."
              : ""}
      </p>
      {catalogue.error ? (
        <p className={errorClass} role="alert">
          {catalogue.error}{" "}
          <button type="button" onClick={catalogue.load} className="font-medium underline">
            Try again
          </button>
        </p>
      ) : null}
      {errors.services ? <p className={errorClass}>{errors.services}</p> : null}
    </fieldset>
  );
}

/** The impact levels as the options of a select. */
export function ImpactOptions() {
  return IMPACT_LEVELS.map((level) => (
    <option key={level} value={level}>
      {IMPACT_LABEL[level]}
    </option>
  ));
}
