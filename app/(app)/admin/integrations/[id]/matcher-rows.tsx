"use client";
import { Plus, X } from "lucide-react";
import { buttonClass, inputClass } from "@/app/components/ui";
import { MATCHER_OPS } from "@/lib/alerts/matchers";
import { newMatcherDraft, type MatcherDraft, type RuleErrors } from "@/lib/routing-rule-draft";
import { FieldError } from "./field-error";
import { errorAria, focusSoon, iconButton, legendClass } from "./rule-parts";

const OP_LABEL = { "=": "= equals", "!=": "!= not equal", "=~": "=~ matches regex", "!~": "!~ does not match regex" } as const;

/** A rule's label matchers: all must hold; none matches every alert. */
export function MatcherRows({
  prefix,
  n,
  matchers,
  errors,
  onChange,
}: {
  prefix: string;
  n: number;
  matchers: MatcherDraft[];
  errors: RuleErrors;
  onChange: (matchers: MatcherDraft[]) => void;
}) {
  const update = (key: number, patch: Partial<MatcherDraft>) => onChange(matchers.map((m) => (m.key === key ? { ...m, ...patch } : m)));
  const add = () => {
    const m = newMatcherDraft();
    onChange([...matchers, m]);
    focusSoon(`${prefix}-m${m.key}-label`);
  };
  return (
    <fieldset className="min-w-0">
      <legend className={legendClass}>When the alert&rsquo;s labels match</legend>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        All must hold. Regexes are anchored, as in Alertmanager: <code className="font-mono">crit.*</code> must match the whole value. No matchers: every alert.
      </p>
      <ul className="mt-2 space-y-2">
        {matchers.map((m, i) => {
          const id = `${prefix}-m${m.key}`;
          const name = `Rule ${n}, matcher ${i + 1}`;
          const labelError = errors[`matchers.${m.key}.label`];
          const valueError = errors[`matchers.${m.key}.value`];
          return (
            <li key={m.key} className="grid grid-cols-[minmax(0,1fr)_auto] gap-2 sm:grid-cols-[minmax(0,1fr)_11rem_minmax(0,1.3fr)_auto]">
              <div className="min-w-0">
                <label htmlFor={`${id}-label`} className="sr-only">
                  {name}: label
                </label>
                <input
                  {...errorAria(`${id}-label`, labelError)}
                  value={m.label}
                  placeholder="label, e.g. alertname"
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(e) => update(m.key, { label: e.target.value })}
                  className={`${inputClass} font-mono`}
                />
                <FieldError id={`${id}-label`} error={labelError} />
              </div>
              <div className="order-last col-span-2 sm:order-none sm:col-span-1">
                <label htmlFor={`${id}-op`} className="sr-only">
                  {name}: operator
                </label>
                <select id={`${id}-op`} value={m.op} onChange={(e) => update(m.key, { op: e.target.value as MatcherDraft["op"] })} className={inputClass}>
                  {MATCHER_OPS.map((op) => (
                    <option key={op} value={op}>
                      {OP_LABEL[op]}
                    </option>
                  ))}
                </select>
              </div>
              <div className="order-last col-span-2 min-w-0 sm:order-none sm:col-span-1">
                <label htmlFor={`${id}-value`} className="sr-only">
                  {name}: value
                </label>
                <input
                  {...errorAria(`${id}-value`, valueError)}
                  value={m.value}
                  placeholder={m.op.endsWith("~") ? "regex, e.g. crit.*" : "value"}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(e) => update(m.key, { value: e.target.value })}
                  className={`${inputClass} font-mono`}
                />
                <FieldError id={`${id}-value`} error={valueError} />
              </div>
              <button
                type="button"
                className={`${iconButton} hover:text-red-700`}
                onClick={() => {
                  onChange(matchers.filter((x) => x.key !== m.key));
                  focusSoon(`${prefix}-add-matcher`);
                }}
                aria-label={`Remove ${name.toLowerCase()}`}
                title="Remove matcher"
              >
                <X aria-hidden className="h-4 w-4" />
              </button>
            </li>
          );
        })}
      </ul>
      {matchers.length === 0 ? <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Matches every alert.</p> : null}
      <button type="button" id={`${prefix}-add-matcher`} className={`${buttonClass} mt-2 py-1.5`} onClick={add}>
        <Plus aria-hidden className="h-4 w-4" /> Add matcher<span className="sr-only"> to rule {n}</span>
      </button>
    </fieldset>
  );
}
