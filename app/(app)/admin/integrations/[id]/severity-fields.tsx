"use client";
import { Plus, X } from "lucide-react";
import { buttonClass, inputClass } from "@/app/components/ui";
import { SEVERITIES, SEVERITY_INFO, type Severity } from "@/lib/severity";
import { newSeverityMapDraft } from "@/lib/routing-rule-draft";
import { FieldError } from "./field-error";
import { type RulePartProps, errorAria, focusSoon, iconButton, legendClass, smallLabel } from "./rule-parts";

function SeverityOptions() {
  return SEVERITIES.map((s) => (
    <option key={s} value={s}>
      {s} · {SEVERITY_INFO[s].label}
    </option>
  ));
}

/** The severity of what a rule declares: mapped from a label's values (with a fallback), or fixed. */
export function SeverityFields({ prefix, n, draft, errors, set }: RulePartProps) {
  const updateRow = (key: number, patch: { value?: string; severity?: Severity }) =>
    set({ severityMap: draft.severityMap.map((r) => (r.key === key ? { ...r, ...patch } : r)) });
  const add = () => {
    const row = newSeverityMapDraft();
    set({ severityMap: [...draft.severityMap, row] });
    focusSoon(`${prefix}-sev${row.key}-value`);
  };
  return (
    <fieldset className="min-w-0 space-y-2">
      <legend className={legendClass}>Severity</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <label className="flex items-center gap-2">
          <input type="radio" name={`${prefix}-severity-mode`} checked={draft.severityMode === "label"} onChange={() => set({ severityMode: "label" })} />
          From a label
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name={`${prefix}-severity-mode`} checked={draft.severityMode === "fixed"} onChange={() => set({ severityMode: "fixed" })} />
          Always the same
        </label>
      </div>
      {draft.severityMode === "fixed" ? (
        <div className="max-w-xs">
          <label htmlFor={`${prefix}-severity-fixed`} className={smallLabel}>
            Severity<span className="sr-only"> of rule {n}</span>
          </label>
          <select
            id={`${prefix}-severity-fixed`}
            value={draft.severityFixed}
            onChange={(e) => set({ severityFixed: e.target.value as Severity })}
            className={`${inputClass} mt-0.5`}
          >
            <SeverityOptions />
          </select>
        </div>
      ) : (
        <div className="space-y-2">
          <div className="max-w-xs">
            <label htmlFor={`${prefix}-severity-label`} className={smallLabel}>
              Label<span className="sr-only"> rule {n} takes the severity from</span>
            </label>
            <input
              {...errorAria(`${prefix}-severity-label`, errors.severityLabel)}
              value={draft.severityLabel}
              spellCheck={false}
              onChange={(e) => set({ severityLabel: e.target.value })}
              className={`${inputClass} mt-0.5 font-mono`}
            />
            <FieldError id={`${prefix}-severity-label`} error={errors.severityLabel} />
          </div>
          <ul className="space-y-1.5" aria-label={`Rule ${n}: label values and their severities`}>
            {draft.severityMap.map((row, i) => {
              const id = `${prefix}-sev${row.key}`;
              const error = errors[`severityMap.${row.key}.value`];
              return (
                <li key={row.key} className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] items-start gap-2 sm:max-w-lg">
                  <div className="min-w-0">
                    <label htmlFor={`${id}-value`} className="sr-only">
                      Rule {n}, value {i + 1}
                    </label>
                    <input
                      {...errorAria(`${id}-value`, error)}
                      value={row.value}
                      placeholder="value, e.g. critical"
                      spellCheck={false}
                      onChange={(e) => updateRow(row.key, { value: e.target.value })}
                      className={`${inputClass} font-mono`}
                    />
                    <FieldError id={`${id}-value`} error={error} />
                  </div>
                  <div className="min-w-0">
                    <label htmlFor={`${id}-severity`} className="sr-only">
                      Rule {n}, severity for value {i + 1}
                    </label>
                    <select
                      id={`${id}-severity`}
                      value={row.severity}
                      onChange={(e) => updateRow(row.key, { severity: e.target.value as Severity })}
                      className={inputClass}
                    >
                      <SeverityOptions />
                    </select>
                  </div>
                  <button
                    type="button"
                    className={`${iconButton} hover:text-red-700`}
                    onClick={() => {
                      set({ severityMap: draft.severityMap.filter((r) => r.key !== row.key) });
                      focusSoon(`${prefix}-add-severity`);
                    }}
                    aria-label={`Remove value ${i + 1} from rule ${n}`}
                    title="Remove value"
                  >
                    <X aria-hidden className="h-4 w-4" />
                  </button>
                </li>
              );
            })}
          </ul>
          <div className="flex flex-wrap items-end gap-3">
            <button type="button" id={`${prefix}-add-severity`} className={`${buttonClass} py-1.5`} onClick={add}>
              <Plus aria-hidden className="h-4 w-4" /> Add value<span className="sr-only"> to rule {n}</span>
            </button>
            <div>
              <label htmlFor={`${prefix}-severity-fallback`} className={smallLabel}>
                Any other value, or no label<span className="sr-only"> (rule {n})</span>
              </label>
              <select
                id={`${prefix}-severity-fallback`}
                value={draft.severityFallback}
                onChange={(e) => set({ severityFallback: e.target.value as Severity })}
                className={`${inputClass} mt-0.5`}
              >
                <SeverityOptions />
              </select>
            </div>
          </div>
        </div>
      )}
    </fieldset>
  );
}
