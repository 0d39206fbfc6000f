"use client";
import { inputClass } from "@/app/components/ui";
import { useServiceChoices } from "@/app/components/use-service-choices";
import { FieldError } from "./field-error";
import { type RulePartProps, errorAria, legendClass, smallLabel } from "./rule-parts";

const MODES = [
  { value: "label", label: "From a label" },
  { value: "fixed", label: "A fixed service" },
  { value: "none", label: "None" },
] as const;

/**
 * The service an incident is declared or found for: a label naming a catalogue slug, a fixed
 * service (the catalogue is read when someone reaches for the picker), or none.
 */
export function ServiceFields({ prefix, n, draft, errors, set }: RulePartProps) {
  const catalogue = useServiceChoices({ loadNow: draft.serviceMode === "fixed" });
  const loading = catalogue.status === "idle" || catalogue.status === "loading";
  const known = catalogue.choices.some((s) => s.slug === draft.serviceSlug);
  const slugError = errors.serviceSlug ?? catalogue.error ?? undefined;
  return (
    <fieldset className="min-w-0 space-y-2">
      <legend className={legendClass}>Service</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {MODES.map((mode) => (
          <label key={mode.value} className="flex items-center gap-2">
            <input type="radio" name={`${prefix}-service-mode`} checked={draft.serviceMode === mode.value} onChange={() => set({ serviceMode: mode.value })} />
            {mode.label}
          </label>
        ))}
      </div>
      {draft.serviceMode === "label" ? (
        <div className="max-w-xs">
          <label htmlFor={`${prefix}-service-label`} className={smallLabel}>
            Label holding the service&rsquo;s slug<span className="sr-only"> (rule {n})</span>
          </label>
          <input
            {...errorAria(`${prefix}-service-label`, errors.serviceLabel)}
            value={draft.serviceLabel}
            spellCheck={false}
            onChange={(e) => set({ serviceLabel: e.target.value })}
            className={`${inputClass} mt-0.5 font-mono`}
          />
          <FieldError id={`${prefix}-service-label`} error={errors.serviceLabel} />
        </div>
      ) : null}
      {draft.serviceMode === "fixed" ? (
        <div className="max-w-xs" onFocus={catalogue.load} onPointerEnter={catalogue.load}>
          <label htmlFor={`${prefix}-service-slug`} className={smallLabel}>
            Service<span className="sr-only"> for rule {n}</span>
          </label>
          <select
            {...errorAria(`${prefix}-service-slug`, slugError)}
            value={draft.serviceSlug}
            aria-busy={loading || undefined}
            onChange={(e) => set({ serviceSlug: e.target.value })}
            className={`${inputClass} mt-0.5`}
          >
            <option value="">{loading ? "Loading services…" : "Pick a service…"}</option>
            {draft.serviceSlug && !known ? <option value={draft.serviceSlug}>{draft.serviceSlug}</option> : null}
            {catalogue.choices.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name} (tier {s.tier})
              </option>
            ))}
          </select>
          <FieldError id={`${prefix}-service-slug`} error={slugError} />
        </div>
      ) : null}
      {draft.serviceMode === "none" ? <p className="text-xs text-zinc-500 dark:text-zinc-400">Incidents are declared without a service.</p> : null}
    </fieldset>
  );
}
