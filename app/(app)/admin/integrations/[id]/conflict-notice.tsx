import type { ActionFailure } from "@/app/components/use-server-action";
import type { IntegrationView } from "@/db/queries/integrations/views";
import { buttonClass } from "@/app/components/ui";

type Props = {
  /** What was not saved: "settings", "rules". */
  what: string;
  failure: ActionFailure | null;
  pending: boolean;
  /** The integration as the page last rendered it (refreshed after a 409). */
  integration: IntegrationView;
  saved: (view: { version: number }) => void;
  reset: () => void;
  /** Put the saved version's values into the form. */
  load: (latest: IntegrationView) => void;
  /** Save the form's values based on this version. */
  save: (version: number) => void;
};

/** A stale save (409): nothing was overwritten; the admin loads the saved version or saves theirs over it. */
export function ConflictNotice({ what, failure, pending, integration, saved, reset, load, save }: Props) {
  if (!failure?.conflict) return null;
  // The 409 carries the integration as saved now; the refreshed page has it too.
  const latest = (failure.current as IntegrationView | undefined) ?? integration;
  const choices = [
    {
      label: "Discard mine, load the saved version",
      run: () => {
        load(latest);
        saved(latest);
        reset();
      },
    },
    {
      label: "Save mine over it",
      run: () => {
        saved(latest);
        save(latest.version);
      },
    },
  ];
  return (
    <div
      role="alert"
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="font-medium">Someone else changed this integration while you were editing. Your {what} were not saved.</p>
      <p className="mt-1">Your edits are still below. Load the saved version to see theirs, or save yours over it.</p>
      <div className="mt-2 flex flex-wrap gap-2">
        {choices.map((choice) => (
          <button key={choice.label} type="button" className={buttonClass} disabled={pending} onClick={choice.run}>
            {choice.label}
          </button>
        ))}
      </div>
    </div>
  );
}
