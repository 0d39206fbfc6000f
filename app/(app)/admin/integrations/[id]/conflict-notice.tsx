import { buttonClass } from "@/app/components/ui";

/** A stale save (409): nothing was overwritten; the admin chooses to load the saved version or save theirs over it. */
export function ConflictNotice({ what, pending, onLoad, onOverwrite }: { what: string; pending: boolean; onLoad: () => void; onOverwrite: () => void }) {
  return (
    <div
      role="alert"
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="font-medium">Someone else changed this integration while you were editing. Your {what} were not saved.</p>
      <p className="mt-1">Your edits are still below. Load the saved version to see theirs, or save yours over it.</p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className={buttonClass} disabled={pending} onClick={onLoad}>
          Discard mine, load the saved version
        </button>
        <button type="button" className={buttonClass} disabled={pending} onClick={onOverwrite}>
          Save mine over it
        </button>
      </div>
    </div>
  );
}
