import { AlertCircle, Lightbulb } from "lucide-react";
import { POSTMORTEM_SECTIONS } from "@/lib/postmortem-template";
import type { PostmortemHint, PublishBlocker } from "@/lib/postmortem-publish-gate";

const sectionTitle = (key: string) => POSTMORTEM_SECTIONS.find((s) => s.key === key)?.title ?? key;
const anchorOf = (anchor: PublishBlocker["anchor"]) => (anchor === "factors" ? "#factors" : `#section-${anchor}`);

/** What still stands between the postmortem and publishing, each with a link to the part to fix. */
export function PublishBlockers({ id, blockers }: { id: string; blockers: PublishBlocker[] }) {
  if (!blockers.length) return null;
  return (
    <div id={id} className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2.5 text-sm dark:border-amber-800 dark:bg-amber-950/40">
      <p className="flex items-center gap-1.5 font-medium text-amber-950 dark:text-amber-100">
        <AlertCircle aria-hidden className="h-4 w-4 shrink-0" /> Required before publishing
      </p>
      <ul aria-label="Required before publishing" className="mt-1 list-disc space-y-0.5 pl-6 text-zinc-800 dark:text-zinc-200">
        {blockers.map((b) => (
          <li key={b.field}>
            <a href={anchorOf(b.anchor)} className="underline underline-offset-2">
              {b.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The blameless hints still in the text, which the publisher acknowledges (they never block otherwise). */
export function HintAcknowledgement({
  hints,
  acknowledged,
  onAcknowledge,
  canAcknowledge,
  disabled,
}: {
  hints: PostmortemHint[];
  acknowledged: boolean;
  onAcknowledge: (value: boolean) => void;
  canAcknowledge: boolean;
  disabled: boolean;
}) {
  if (!hints.length) return null;
  const n = hints.length;
  const list = (
    <ul id="publish-hints" aria-label="Blameless hints to review" className="mt-1 space-y-0.5 pl-6 text-xs">
      {hints.map((h) => (
        <li key={`${h.section}-${h.start}`} className="list-disc">
          &ldquo;{h.phrase}&rdquo; in{" "}
          <a href={`#section-${h.section}`} className="underline underline-offset-2">
            {sectionTitle(h.section)}
          </a>
        </li>
      ))}
    </ul>
  );
  return (
    <div className="mt-2 rounded-md border border-zinc-200 p-2.5 text-sm dark:border-zinc-700">
      {canAcknowledge ? (
        <label className="flex items-start gap-2 font-medium">
          <input
            type="checkbox"
            className="mt-0.5 h-4 w-4 rounded"
            checked={acknowledged}
            disabled={disabled}
            onChange={(e) => onAcknowledge(e.target.checked)}
            aria-describedby="publish-hints"
          />
          <span>
            I have reviewed the {n} blameless hint{n === 1 ? "" : "s"}
          </span>
        </label>
      ) : (
        <p className="flex items-center gap-1.5 font-medium">
          <Lightbulb aria-hidden className="h-4 w-4 text-amber-600 dark:text-amber-400" /> {n} blameless hint{n === 1 ? "" : "s"} for the publisher to review
        </p>
      )}
      {list}
    </div>
  );
}
