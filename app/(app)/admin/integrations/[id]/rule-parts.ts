import type { RuleDraft, RuleErrors } from "@/lib/routing-rule-draft";

// Shared looks of the routing-rule editor's parts.
export const iconButton =
  "inline-flex h-9 w-9 shrink-0 items-center justify-center rounded-md border border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-50 disabled:cursor-not-allowed disabled:opacity-40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800";
export const smallLabel = "block text-xs font-medium text-zinc-600 dark:text-zinc-400";
export const legendClass = "text-sm font-medium text-zinc-800 dark:text-zinc-200";

/** Focuses an element once React has rendered the change that creates or moves it. */
export const focusSoon = (...ids: string[]) =>
  requestAnimationFrame(() => {
    for (const id of ids) {
      const el = document.getElementById(id) as HTMLButtonElement | HTMLInputElement | null;
      if (el && !el.disabled) return el.focus();
    }
  });

/** aria props tying a control to its error line (rendered by FieldError). */
export const errorAria = (id: string, error: string | undefined) => ({
  id,
  "aria-invalid": error ? true : undefined,
  "aria-describedby": error ? `${id}-error` : undefined,
});

/** What each part of a rule card gets: ids prefix, the rule's number, its draft, its errors and a setter. */
export type RulePartProps = {
  prefix: string;
  n: number;
  draft: RuleDraft;
  errors: RuleErrors;
  set: (patch: Partial<RuleDraft>) => void;
};
