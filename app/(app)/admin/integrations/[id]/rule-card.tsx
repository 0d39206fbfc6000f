"use client";
import { ArrowDown, ArrowUp, Trash2 } from "lucide-react";
import { inputClass } from "@/app/components/ui";
import type { RoutingAction } from "@/lib/alerts/routing-rules";
import type { RuleDraft, RuleErrors } from "@/lib/routing-rule-draft";
import { MatcherRows } from "./matcher-rows";
import { SeverityFields } from "./severity-fields";
import { ServiceFields } from "./service-fields";
import { FieldError } from "./field-error";
import { iconButton, legendClass } from "./rule-parts";

export const ACTION_INFO: Record<RoutingAction, { label: string; hint: string }> = {
  declare: { label: "Declare an incident", hint: "One incident per alert group; later alerts of the group attach to it while it is open." },
  attach: {
    label: "Attach to the open incident of its service",
    hint: "Adds the alert to the service's open incident; none open: the alert is recorded only.",
  },
  record: { label: "Record the alert only", hint: "Kept in the delivery log; no incident is declared or changed." },
};

type Props = {
  draft: RuleDraft;
  index: number;
  count: number;
  errors: RuleErrors;
  onChange: (draft: RuleDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
};

/** One routing rule: matchers, then what a matching alert does. */
export function RuleCard({ draft, index, count, errors, onChange, onMove, onRemove }: Props) {
  const n = index + 1;
  const prefix = `rule-${draft.key}`;
  const set = (patch: Partial<RuleDraft>) => onChange({ ...draft, ...patch });
  return (
    <li className="rounded-md border border-zinc-200 p-3 sm:p-4 dark:border-zinc-800" aria-labelledby={`${prefix}-title`}>
      <div className="flex items-center justify-between gap-2">
        <h3 id={`${prefix}-title`} className="text-sm font-semibold">
          Rule {n}
        </h3>
        <div className="flex gap-1">
          <button
            type="button"
            id={`${prefix}-up`}
            className={iconButton}
            disabled={index === 0}
            onClick={() => onMove(-1)}
            aria-label={`Move rule ${n} up`}
            title="Move up"
          >
            <ArrowUp aria-hidden className="h-4 w-4" />
          </button>
          <button
            type="button"
            id={`${prefix}-down`}
            className={iconButton}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
            aria-label={`Move rule ${n} down`}
            title="Move down"
          >
            <ArrowDown aria-hidden className="h-4 w-4" />
          </button>
          <button type="button" className={`${iconButton} hover:text-red-700`} onClick={onRemove} aria-label={`Remove rule ${n}`} title="Remove rule">
            <Trash2 aria-hidden className="h-4 w-4" />
          </button>
        </div>
      </div>
      <FieldError id={`${prefix}-rule`} error={errors.rule ?? errors.matchers} />
      <div className="mt-3 space-y-4">
        <MatcherRows prefix={prefix} n={n} matchers={draft.matchers} errors={errors} onChange={(matchers) => set({ matchers })} />
        <fieldset className="min-w-0">
          <legend className={legendClass}>Then</legend>
          <label htmlFor={`${prefix}-action`} className="sr-only">
            Rule {n}: action
          </label>
          <select
            id={`${prefix}-action`}
            value={draft.action}
            onChange={(e) => set({ action: e.target.value as RoutingAction })}
            aria-describedby={`${prefix}-action-hint`}
            className={`${inputClass} mt-1 sm:max-w-md`}
          >
            {(Object.keys(ACTION_INFO) as RoutingAction[]).map((a) => (
              <option key={a} value={a}>
                {ACTION_INFO[a].label}
              </option>
            ))}
          </select>
          <p id={`${prefix}-action-hint`} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
            {ACTION_INFO[draft.action].hint}
          </p>
        </fieldset>
        {draft.action === "record" ? null : (
          <div className="grid gap-4 md:grid-cols-2">
            <ServiceFields prefix={prefix} n={n} draft={draft} errors={errors} set={set} />
            <SeverityFields prefix={prefix} n={n} draft={draft} errors={errors} set={set} />
          </div>
        )}
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            checked={draft.resolveIncident}
            onChange={(e) => set({ resolveIncident: e.target.checked })}
            className="mt-0.5 h-4 w-4 rounded"
          />
          <span>
            <span className="font-medium">Resolve the incident when all its alerts resolve</span>
            <span className="block text-xs text-zinc-500 dark:text-zinc-400">
              Marks it mitigated (source: alert) when its last alert resolves. Off: the incident page only says that every alert has resolved.
            </span>
          </span>
        </label>
      </div>
    </li>
  );
}
