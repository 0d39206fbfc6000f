"use client";
import { useEffect, useRef, useState } from "react";
import { TriangleAlert } from "lucide-react";
import { STATUSES, STATUS_INFO, type IncidentStatus } from "@/lib/incident-status";
import { WARN_BEFORE } from "@/lib/status-change-warnings";
import { UPDATE_MESSAGE_MAX } from "@/lib/validation/incident";
import { buttonClass, errorClass, hintClass, inputClass, labelClass, primaryButtonClass } from "@/app/components/ui";
import { submitHandlers } from "@/app/components/submit-handlers";
import { ErrorNote, useIncidentUpdate } from "./use-incident-update";

export type OpenItems = { uncheckedChecklist: string[]; other: string[] };

/**
 * Confirms a status move: the new status (changeable), an optional update message that goes
 * to the timeline as an update in the same write, and — when resolving or closing — what is
 * still open, as a warning that never blocks. Target = current status posts only an update.
 */
export function StatusDialog({
  reference,
  version,
  status,
  target,
  openItems,
  onClose,
}: {
  reference: string;
  version: number;
  status: IncidentStatus;
  /** The status to preselect; null while the dialog is closed. */
  target: IncidentStatus | null;
  openItems: OpenItems;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const messageField = useRef<HTMLTextAreaElement>(null);
  const { run, pending, error, clearError } = useIncidentUpdate(reference, version);
  const [next, setNext] = useState<IncidentStatus>(target ?? status);
  const [message, setMessage] = useState("");
  const [baseVersion, setBaseVersion] = useState(version);
  const [localError, setLocalError] = useState<string | null>(null);

  useEffect(() => {
    if (target && !dialog.current?.open) {
      setNext(target);
      setBaseVersion(version);
      setLocalError(null);
      clearError();
      dialog.current?.showModal();
      messageField.current?.focus();
    }
    if (!target && dialog.current?.open) dialog.current.close();
    // Only opening and closing reset the form; a refresh while open keeps what was typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target]);

  const onlyUpdate = next === status;
  const warn = WARN_BEFORE.includes(next) && (openItems.uncheckedChecklist.length > 0 || openItems.other.length > 0);
  const messageError = localError ?? error?.fields?.message ?? null;

  const submit = () => {
    if (pending) return;
    const text = message.trim();
    if (onlyUpdate && !text) {
      setLocalError("Write the update to post, or pick another status");
      messageField.current?.focus();
      return;
    }
    setLocalError(null);
    run(text ? { status: next, message: text } : { status: next }, {
      baseVersion,
      onConflict: setBaseVersion,
      onDone: () => {
        setMessage("");
        onClose();
      },
    });
  };

  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="status-dialog-title"
      className="m-auto max-h-[92vh] w-[min(32rem,96vw)] overflow-y-auto rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-black/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <form className="space-y-4 px-4 pt-4 sm:px-5 sm:pt-5" aria-busy={pending} {...submitHandlers(submit)}>
        <div>
          <h2 id="status-dialog-title" className="text-lg font-semibold">
            {onlyUpdate ? "Post an update" : "Change status"}
          </h2>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">
            {reference} is {STATUS_INFO[status].label.toLowerCase()}.
          </p>
        </div>
        <div>
          <label htmlFor="status-dialog-status" className={labelClass}>
            New status
          </label>
          <select
            id="status-dialog-status"
            value={next}
            disabled={pending}
            onChange={(e) => (setNext(e.target.value as IncidentStatus), setLocalError(null))}
            aria-describedby="status-dialog-status-hint status-dialog-status-error"
            className={`${inputClass} mt-1`}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_INFO[s].label}
                {s === status ? " (no change, post an update)" : ""}
              </option>
            ))}
          </select>
          <p id="status-dialog-status-hint" className={hintClass}>
            {STATUS_INFO[next].hint}
          </p>
          <p id="status-dialog-status-error" className={errorClass}>
            {error?.fields?.status ?? ""}
          </p>
        </div>
        <div>
          <label htmlFor="status-dialog-message" className={labelClass}>
            Update message {onlyUpdate ? "" : <span className="font-normal text-zinc-500 dark:text-zinc-400">(optional)</span>}
          </label>
          <textarea
            id="status-dialog-message"
            ref={messageField}
            rows={4}
            value={message}
            maxLength={UPDATE_MESSAGE_MAX}
            disabled={pending}
            onChange={(e) => (setMessage(e.target.value), setLocalError(null))}
            aria-invalid={messageError ? true : undefined}
            aria-describedby="status-dialog-message-hint status-dialog-message-error"
            className={`${inputClass} mt-1`}
            placeholder="What changed, what customers see, what happens next"
          />
          <p id="status-dialog-message-hint" className={hintClass}>
            Posted to the timeline as an update: what stakeholders will receive. {message.length}/{UPDATE_MESSAGE_MAX}
          </p>
          <p id="status-dialog-message-error" className={errorClass}>
            {messageError ?? ""}
          </p>
        </div>
        {warn ? (
          <section
            aria-labelledby="status-dialog-open-title"
            className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
          >
            <h3 id="status-dialog-open-title" className="flex items-center gap-1.5 font-semibold">
              <TriangleAlert aria-hidden className="h-4 w-4 shrink-0" /> Still open — you can {next === "closed" ? "close" : "resolve"} anyway
            </h3>
            {openItems.uncheckedChecklist.length ? (
              <>
                <p className="mt-1.5">
                  {openItems.uncheckedChecklist.length} checklist item{openItems.uncheckedChecklist.length === 1 ? "" : "s"} not done:
                </p>
                <ul aria-label="Unchecked checklist items" className="mt-0.5 list-disc pl-5">
                  {openItems.uncheckedChecklist.map((title, i) => (
                    <li key={i}>{title}</li>
                  ))}
                </ul>
              </>
            ) : null}
            {openItems.other.length ? (
              <ul aria-label="Other open items" className="mt-1.5 list-disc pl-5">
                {openItems.other.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            ) : null}
          </section>
        ) : null}
        {error && !error.fields?.message && !error.fields?.status ? <ErrorNote error={error} /> : null}
        <div className="sticky bottom-0 -mx-4 flex flex-wrap items-center justify-end gap-2 border-t border-zinc-200 bg-white px-4 py-3 sm:-mx-5 sm:px-5 dark:border-zinc-800 dark:bg-zinc-900">
          <span className="mr-auto text-xs text-zinc-500 max-sm:hidden dark:text-zinc-400">Ctrl/⌘+Enter to save</span>
          <button type="button" className={buttonClass} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={primaryButtonClass} disabled={pending} aria-keyshortcuts="Control+Enter Meta+Enter">
            {pending ? "Saving…" : onlyUpdate ? "Post update" : "Change status"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
