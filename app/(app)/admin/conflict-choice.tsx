"use client";
import { buttonClass } from "@/app/components/ui";

/**
 * Above a form whose save was refused as stale (409): says someone else saved first, what theirs
 * holds (children), and offers the two ways on — save mine over theirs, or load theirs.
 */
export function ConflictChoice({
  what,
  pending,
  onSaveMine,
  onLoadTheirs,
  children,
}: {
  /** "playbook", "endpoint"… */
  what: string;
  pending: boolean;
  onSaveMine: () => void;
  onLoadTheirs: () => void;
  children: React.ReactNode;
}) {
  return (
    <div
      role="alert"
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="font-medium">Someone else saved this {what} while you were editing.</p>
      <p className="mt-1">{children}</p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className={buttonClass} disabled={pending} onClick={onSaveMine}>
          Save mine over theirs
        </button>
        <button type="button" className={buttonClass} disabled={pending} onClick={onLoadTheirs}>
          Discard mine, load theirs
        </button>
      </div>
    </div>
  );
}
