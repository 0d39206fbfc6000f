import Link from "next/link";
import { FilePlus2, FileText } from "lucide-react";
import type { PostmortemDue } from "@/lib/postmortem-due";
import type { PostmortemStatus } from "@/lib/postmortem-template";
import { buttonClass, primaryButtonClass } from "@/app/components/ui";
import { DueBadge, PostmortemStatusBadge } from "./postmortem/postmortem-badges";
import { startPostmortemAction } from "./postmortem/actions";

export type PostmortemSummary = {
  status: PostmortemStatus | null;
  ownerName: string | null;
  due: PostmortemDue;
  started: boolean;
  /** Started but not readable by this person (a viewer and a draft). */
  hidden: boolean;
};

/** The button that opens (or starts) the postmortem; the header shows it once the incident is resolved. */
export function PostmortemButton({
  reference,
  started,
  canWrite,
  primary = true,
}: {
  reference: string;
  started: boolean;
  canWrite: boolean;
  primary?: boolean;
}) {
  const cls = primary ? primaryButtonClass : buttonClass;
  if (started)
    return (
      <Link href={`/incidents/${reference}/postmortem`} className={cls}>
        <FileText aria-hidden className="h-4 w-4" /> Open postmortem
      </Link>
    );
  if (!canWrite) return null;
  return (
    <form action={startPostmortemAction}>
      <input type="hidden" name="reference" value={reference} />
      <button type="submit" className={cls}>
        <FilePlus2 aria-hidden className="h-4 w-4" /> Start postmortem
      </button>
    </form>
  );
}

/** Sidebar card: where the postmortem stands and the way into it. */
export function PostmortemCard({
  reference,
  summary,
  canWrite,
  resolved,
}: {
  reference: string;
  summary: PostmortemSummary;
  canWrite: boolean;
  resolved: boolean;
}) {
  const { status, due } = summary;
  const now = Date.now();
  return (
    <section aria-labelledby="postmortem-card-heading">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h2 id="postmortem-card-heading" className="text-sm font-semibold">
          Postmortem
        </h2>
        {summary.hidden ? <span className="text-xs text-zinc-500">Being written</span> : <PostmortemStatusBadge status={status} />}
      </div>
      <div className="space-y-1 text-sm">
        <p>
          <DueBadge due={due} now={now} />
        </p>
        {summary.hidden ? (
          <p className="text-xs text-zinc-600 dark:text-zinc-400">It appears here once its reviewers publish it.</p>
        ) : status ? (
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            Owner <span className="font-medium text-zinc-900 dark:text-zinc-100">{summary.ownerName ?? "none"}</span>
          </p>
        ) : (
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            {due.state === "not_required"
              ? "Not required for this incident; you can still write one."
              : resolved
                ? "Required: nobody has started it yet."
                : "Required once the incident is resolved."}
          </p>
        )}
      </div>
      {status || (canWrite && !summary.started) ? (
        <div className="mt-3">
          <PostmortemButton reference={reference} started={summary.started} canWrite={canWrite} primary={resolved} />
        </div>
      ) : null}
    </section>
  );
}
