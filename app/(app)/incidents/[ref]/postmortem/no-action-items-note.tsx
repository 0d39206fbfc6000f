"use client";
import { useState, useTransition } from "react";
import { buttonClass, errorClass, hintClass, inputClass } from "@/app/components/ui";
import { callAction } from "@/lib/server-action";
import type { EditorPostmortem } from "./editor-types";
import { savePostmortemAction } from "./actions";

/**
 * The explicit "No action items needed" note with its reason: what publishing accepts instead
 * of a tracked action item. Saved with the postmortem (after any pending edits), never cleared
 * by the round trip: the text stays as typed.
 */
export function NoActionItemsNote({
  reference,
  stored,
  flush,
  onSaved,
}: {
  reference: string;
  stored: string | null;
  flush: () => Promise<EditorPostmortem | null>;
  onSaved: (detail: EditorPostmortem) => void;
}) {
  const [checked, setChecked] = useState(stored !== null);
  const [reason, setReason] = useState(stored ?? "");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const wanted = checked ? reason.trim() : null;
  const changed = wanted !== (stored?.trim() ?? null);

  const save = () =>
    start(async () => {
      setError(null);
      if (checked && !reason.trim()) return setError("Say why no action items are needed.");
      const current = await flush();
      if (!current) return setError("Save or settle your latest edits first (see the message above).");
      const result = await callAction(
        () => savePostmortemAction(reference, { version: current.version, noActionItemsReason: wanted }),
        "Could not reach the server; nothing was saved.",
      );
      if (!result.ok) return setError(result.fields?.noActionItemsReason ?? result.message);
      onSaved(result.data as EditorPostmortem);
    });

  return (
    <div className="mt-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
      <label className="flex items-start gap-2 text-sm font-medium">
        <input type="checkbox" className="mt-0.5 h-4 w-4 rounded" checked={checked} onChange={(e) => setChecked(e.target.checked)} />
        No action items needed
      </label>
      {checked ? (
        <div className="mt-2">
          <label htmlFor="no-actions-reason" className="text-sm">
            Why are no action items needed?
          </label>
          <textarea
            id="no-actions-reason"
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            className={`${inputClass} mt-1`}
            required
            aria-invalid={!!error}
            aria-describedby="no-actions-hint no-actions-error"
          />
          <p id="no-actions-hint" className={hintClass}>
            Publishing needs a tracked action item or this note. Readers see the reason in the Action items section.
          </p>
        </div>
      ) : (
        <p className={hintClass}>Tick this only when the incident leaves no follow-up work; publishing needs a tracked action item or this note.</p>
      )}
      {changed ? (
        <button type="button" className={`${buttonClass} mt-2`} disabled={pending} onClick={save}>
          {pending ? "Saving…" : checked ? "Save note" : "Remove note"}
        </button>
      ) : stored ? (
        <p className="mt-1 text-xs text-emerald-700 dark:text-emerald-400">Note saved.</p>
      ) : null}
      <p id="no-actions-error" className={errorClass} role="alert">
        {error ?? ""}
      </p>
    </div>
  );
}
