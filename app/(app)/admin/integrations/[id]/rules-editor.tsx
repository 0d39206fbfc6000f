"use client";
import { useRef, useState } from "react";
import { Plus } from "lucide-react";
import { buttonClass, errorClass, primaryButtonClass } from "@/app/components/ui";
import { useServerAction } from "@/app/components/use-server-action";
import { useFocusFirstInvalid } from "@/app/components/focus-first-invalid";
import { DEFAULT_RULE, MAX_RULES, type RoutingRule } from "@/lib/alerts/routing-rules";
import {
  draftToRule,
  freshKeys,
  newRuleDraft,
  tidyRegexMessage,
  ruleDraftErrors,
  ruleErrorTarget,
  ruleToDraft,
  type RuleDraft,
  type RuleErrors,
} from "@/lib/routing-rule-draft";
import { FormMessage } from "../../form-message";
import { updateIntegrationAction } from "../actions";
import { ConflictNotice } from "./conflict-notice";
import { DefaultRule } from "./default-rule";
import { RuleCard } from "./rule-card";
import { focusSoon } from "./rule-parts";
import type { EditorPartProps } from "./integration-editor";

const draftsOf = (rules: RoutingRule[]) => {
  const keys = freshKeys();
  return rules.map((rule) => ruleToDraft(rule, keys));
};

/** The ordered routing rules: the first whose matchers all hold decides; the default rule comes last. */
export function RulesEditor({ integration, version, saved }: EditorPartProps) {
  const [drafts, setDrafts] = useState<RuleDraft[]>(() => draftsOf(integration.rules));
  const [errors, setErrors] = useState<Record<number, RuleErrors>>({});
  const [listError, setListError] = useState<string | null>(null);
  const action = useServerAction({ offline: "Could not reach the server. The rules were not saved; try again." });
  const { pending } = action;
  const conflict = action.error?.conflict ?? false;
  const formRef = useRef<HTMLFormElement>(null);
  const catchAllIndex = drafts.findIndex((d) => d.matchers.length === 0);
  useFocusFirstInvalid(formRef, errors);

  const replace = (next: RuleDraft[]) => {
    setDrafts(next);
    action.setNotice(null);
  };
  const move = (index: number, by: -1 | 1) => {
    const next = [...drafts];
    const [rule] = next.splice(index, 1);
    next.splice(index + by, 0, rule!);
    replace(next);
    const dir = by < 0 ? "up" : "down";
    focusSoon(`rule-${rule!.key}-${dir}`, `rule-${rule!.key}-${dir === "up" ? "down" : "up"}`);
  };
  const remove = (index: number) => {
    const next = drafts.filter((_, i) => i !== index);
    replace(next);
    const neighbour = next[index] ?? next[index - 1];
    focusSoon(neighbour ? `rule-${neighbour.key}-up` : "add-rule");
  };
  const add = () => {
    const rule = newRuleDraft(DEFAULT_RULE);
    replace([...drafts, rule]);
    focusSoon(`rule-${rule.key}-m${rule.matchers[0]!.key}-label`);
  };

  async function save(baseVersion: number) {
    if (action.isBusy()) return;
    setListError(null);
    const local = Object.fromEntries(drafts.map((d) => [d.key, ruleDraftErrors(d)]).filter(([, e]) => Object.keys(e as RuleErrors).length));
    setErrors(local);
    if (Object.keys(local).length) return action.invalid("Check the highlighted fields.");
    const sent = drafts;
    const result = await action.run(() => updateIntegrationAction(integration.id, { version: baseVersion, rules: sent.map(draftToRule) }), {
      notice: "Rules saved. They apply to the next alert.",
      onSuccess: saved,
    });
    if (result.ok || result.code === "conflict") return;
    const fromServer: Record<number, RuleErrors> = {};
    for (const [path, message] of Object.entries(result.fields ?? {})) {
      const target = ruleErrorTarget(path, sent);
      if (target) fromServer[target.ruleKey] = { ...fromServer[target.ruleKey], [target.field]: tidyRegexMessage(message) };
      else if (path.startsWith("rules")) setListError(message);
    }
    setErrors(fromServer);
  }

  return (
    <form
      ref={formRef}
      noValidate
      aria-labelledby="rules-title"
      aria-busy={pending}
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        void save(version);
      }}
    >
      <div>
        <h2 id="rules-title" className="text-base font-semibold">
          Routing rules
        </h2>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          Each alert is checked against the rules from the top; the first whose matchers all hold decides. None matches: the default rule.
        </p>
      </div>
      <ConflictNotice
        what="rules"
        failure={action.error}
        pending={pending}
        integration={integration}
        saved={saved}
        reset={action.reset}
        load={(latest) => {
          setDrafts(draftsOf(latest.rules));
          setErrors({});
        }}
        save={(v) => void save(v)}
      />
      <fieldset disabled={pending} className="min-w-0">
        <legend className="sr-only">Rules, in order</legend>
        <ol className="space-y-3">
          {drafts.map((draft, index) => (
            <RuleCard
              key={draft.key}
              draft={draft}
              index={index}
              count={drafts.length}
              errors={errors[draft.key] ?? {}}
              onChange={(next) => replace(drafts.map((d) => (d.key === next.key ? next : d)))}
              onMove={(by) => move(index, by)}
              onRemove={() => remove(index)}
            />
          ))}
          <DefaultRule count={drafts.length} catchAll={catchAllIndex >= 0 ? catchAllIndex + 1 : null} />
        </ol>
        {listError ? <p className={errorClass}>{listError}</p> : null}
        <button type="button" id="add-rule" className={`${buttonClass} mt-3`} onClick={add} disabled={drafts.length >= MAX_RULES}>
          <Plus aria-hidden className="h-4 w-4" /> Add rule
        </button>
      </fieldset>
      <div className="space-y-3 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <FormMessage error={conflict ? null : action.formSummary()} success={action.notice} />
        <button type="submit" className={primaryButtonClass} disabled={pending}>
          {pending ? "Saving…" : "Save rules"}
        </button>
      </div>
    </form>
  );
}
