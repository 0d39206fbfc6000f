"use client";
import { primaryButtonClass } from "@/app/components/ui";
import { FormMessage } from "../form-message";

type Props = {
  /** The id of the element naming the form (its heading or legend). */
  titleId: string;
  pending: boolean;
  /** Whether there is anything to save; the button is disabled otherwise. */
  dirty: boolean;
  /** Show "Unsaved changes" next to the button while dirty. */
  dirtyNote?: boolean;
  saveLabel: string;
  error: string | null;
  notice: string | null;
  /** The id of the message area (for aria-describedby from the fields). */
  messageId?: string;
  onSubmit: () => void;
  children: React.ReactNode;
};

/** One settings form: its fields, a Save button (Saving… while pending) and the outcome below. */
export function SettingsForm({ titleId, pending, dirty, dirtyNote = true, saveLabel, error, notice, messageId, onSubmit, children }: Props) {
  return (
    <form
      noValidate
      aria-labelledby={titleId}
      aria-busy={pending}
      onSubmit={(event) => {
        event.preventDefault();
        if (!pending) onSubmit();
      }}
    >
      {children}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="submit" className={primaryButtonClass} disabled={pending || !dirty}>
          {pending ? "Saving…" : saveLabel}
        </button>
        {dirtyNote && dirty ? <span className="text-sm text-zinc-500">Unsaved changes</span> : null}
      </div>
      <div id={messageId} className="mt-2" aria-live="polite">
        <FormMessage error={error} success={notice} />
      </div>
    </form>
  );
}
