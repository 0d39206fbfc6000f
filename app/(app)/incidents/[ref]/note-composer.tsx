"use client";
import { useRef, useState, useTransition } from "react";
import { NOTE_MAX } from "@/lib/validation/incident";
import { localInputToIso } from "@/lib/datetime-local";
import { Markdown } from "@/app/components/markdown";
import { useSentText } from "@/app/components/use-sent-text";
import { submitHandlers } from "@/app/components/submit-handlers";
import { buttonClass, cardClass, errorClass, inputClass, primaryButtonClass } from "@/app/components/ui";
import { addNoteAction } from "./actions";
import { callAction } from "@/lib/server-action";

/** Markdown note, optionally backdated and highlighted; Ctrl/⌘+Enter adds it. */
export function NoteComposer({ reference }: { reference: string }) {
  // The box is not emptied on send: typing goes on while the note is saved, and only the sent text is removed.
  const { value: body, set: setBody, settle } = useSentText();
  // Set at once on send (before React re-renders), so a second Ctrl/⌘+Enter cannot send twice.
  const sending = useRef(false);
  const [preview, setPreview] = useState(false);
  const [backdate, setBackdate] = useState(false);
  const [occurredAt, setOccurredAt] = useState("");
  const [highlighted, setHighlighted] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = () => {
    if (pending || sending.current) return;
    if (!body.trim()) {
      setFields({ body: "Write something first" });
      return;
    }
    const sent = body;
    sending.current = true;
    startTransition(async () => {
      const iso = backdate ? localInputToIso(occurredAt) : undefined;
      const result = await callAction(
        () => addNoteAction(reference, { body: sent, highlighted, ...(iso ? { occurredAt: iso } : {}) }),
        "Could not reach the server. Your note is still here; try again.",
      );
      sending.current = false;
      if (result.ok) {
        settle(sent);
        setFields({});
        setMessage(null);
        setBackdate(false);
        setOccurredAt("");
        setHighlighted(false);
        setPreview(false);
        return;
      }
      // The text stays in the box whatever went wrong, with anything typed since.
      setFields(result.fields ?? {});
      setMessage(result.message);
    });
  };

  return (
    <form className={`${cardClass} p-3`} aria-label="Note composer" {...submitHandlers(submit)}>
      <div className="mb-1 flex items-center justify-between">
        <label htmlFor="note-body" className="text-sm font-medium">
          Add a note
        </label>
        <div className="flex gap-1 text-xs" role="group" aria-label="Editor mode">
          <button
            type="button"
            aria-pressed={!preview}
            onClick={() => setPreview(false)}
            className={`rounded px-2 py-1 ${!preview ? "bg-zinc-200 dark:bg-zinc-800" : ""}`}
          >
            Write
          </button>
          <button
            type="button"
            aria-pressed={preview}
            onClick={() => setPreview(true)}
            className={`rounded px-2 py-1 ${preview ? "bg-zinc-200 dark:bg-zinc-800" : ""}`}
          >
            Preview
          </button>
        </div>
      </div>
      {preview ? (
        <div className="min-h-[5.5rem] rounded-md border border-dashed border-zinc-300 p-3 dark:border-zinc-700">
          {body.trim() ? <Markdown>{body}</Markdown> : <p className="text-sm text-zinc-500">Nothing to preview.</p>}
        </div>
      ) : (
        <textarea
          id="note-body"
          data-shortcut-note
          rows={3}
          value={body}
          maxLength={NOTE_MAX}
          onChange={(e) => setBody(e.target.value)}
          placeholder="What did you see or do? Markdown works. Press n to jump here, Ctrl/⌘+Enter to add."
          aria-invalid={fields.body ? true : undefined}
          aria-describedby="note-body-error"
          className={inputClass}
        />
      )}
      <p id="note-body-error" className={errorClass} aria-live="polite">
        {fields.body ?? ""}
      </p>
      <div className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={highlighted} onChange={(e) => setHighlighted(e.target.checked)} /> Highlight (feeds the postmortem)
        </label>
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={backdate} onChange={(e) => setBackdate(e.target.checked)} /> Happened earlier
        </label>
        {backdate ? (
          <span className="flex items-center gap-1.5">
            <label htmlFor="note-occurred" className="text-xs text-zinc-600 dark:text-zinc-400">
              When (your time)
            </label>
            <input
              id="note-occurred"
              type="datetime-local"
              value={occurredAt}
              onChange={(e) => setOccurredAt(e.target.value)}
              aria-invalid={fields.occurredAt ? true : undefined}
              aria-describedby="note-occurred-error"
              className={`${inputClass} w-auto py-1`}
            />
            <span id="note-occurred-error" className={errorClass}>
              {fields.occurredAt ?? ""}
            </span>
          </span>
        ) : null}
        <span className="ml-auto flex gap-2">
          {body ? (
            <button type="button" className={buttonClass} onClick={() => setBody("")} disabled={pending}>
              Clear
            </button>
          ) : null}
          <button type="submit" className={primaryButtonClass} disabled={pending}>
            {pending ? "Adding…" : "Add note"}
          </button>
        </span>
      </div>
      {message && !fields.body && !fields.occurredAt ? (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {message}
        </p>
      ) : null}
    </form>
  );
}
