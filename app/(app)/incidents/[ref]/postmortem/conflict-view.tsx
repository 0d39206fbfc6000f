"use client";
import { AlertTriangle } from "lucide-react";
import { POSTMORTEM_SECTIONS, SECTION_MAX } from "@/lib/postmortem-template";
import { buttonClass, inputClass, primaryButtonClass } from "@/app/components/ui";
import type { ConflictPart } from "./editor-types";
import { sectionAnchor } from "./section-field";

const titleOf = (part: ConflictPart) =>
  part.kind === "section"
    ? (POSTMORTEM_SECTIONS.find((s) => s.key === part.key)?.title ?? part.key)
    : part.kind === "factors"
      ? "Contributing factors"
      : "Tags";

/** Says that someone else saved first, what differs, and that autosave waits for the person. */
export function ConflictBanner({ conflicts, onKeepAllMine }: { conflicts: ConflictPart[]; onKeepAllMine: () => void }) {
  if (!conflicts.length) return null;
  return (
    <div
      id="conflict-banner"
      role="alert"
      className="scroll-mt-32 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="flex items-center gap-1.5 font-semibold">
        <AlertTriangle aria-hidden className="h-4 w-4" /> Someone else saved this postmortem while you were editing.
      </p>
      <p className="mt-1">
        Your text is kept. {conflicts.length === 1 ? "One part was" : `${conflicts.length} parts were`} changed by both of you; compare the two versions and
        choose for each. Autosave is paused until you do; everything else was merged.
      </p>
      <ul className="mt-1 flex flex-wrap gap-x-3 text-sm">
        {conflicts.map((c) => (
          <li key={c.kind === "section" ? c.key : c.kind}>
            <a className="underline" href={`#${c.kind === "section" ? sectionAnchor(c.key) : "factors"}`}>
              {titleOf(c)}
            </a>
          </li>
        ))}
      </ul>
      <button type="button" className={`${buttonClass} mt-2`} onClick={onKeepAllMine}>
        Keep all mine and save
      </button>
    </div>
  );
}

/** Both versions of a section side by side: theirs read-only, mine still editable. */
export function SectionConflict({
  part,
  mine,
  onMine,
  onResolve,
}: {
  part: Extract<ConflictPart, { kind: "section" }>;
  mine: string;
  onMine: (text: string) => void;
  onResolve: (choice: "mine" | "theirs") => void;
}) {
  const id = `conflict-${part.key}`;
  return (
    <div
      role="group"
      aria-label={`Conflict in ${titleOf(part)}`}
      className="rounded-md border-2 border-amber-400 bg-amber-50/60 p-3 dark:border-amber-700 dark:bg-amber-950/30"
    >
      <p className="mb-2 text-sm font-medium text-amber-950 dark:text-amber-100">
        Both of you changed this section. Keep one, or edit yours to combine them, then keep it.
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        <div>
          <label htmlFor={`${id}-theirs`} className="text-xs font-semibold text-zinc-700 dark:text-zinc-300">
            Theirs (saved by someone else)
          </label>
          <textarea
            id={`${id}-theirs`}
            readOnly
            value={part.theirs}
            rows={6}
            className={`${inputClass} mt-1 field-sizing-content bg-zinc-100 dark:bg-zinc-800`}
          />
        </div>
        <div>
          <label htmlFor={`${id}-mine`} className="text-xs font-semibold text-zinc-700 dark:text-zinc-300">
            Yours
          </label>
          <textarea
            id={`${id}-mine`}
            value={mine}
            maxLength={SECTION_MAX}
            rows={6}
            onChange={(e) => onMine(e.target.value)}
            className={`${inputClass} mt-1 field-sizing-content`}
          />
        </div>
      </div>
      <ResolveButtons className="mt-2 flex flex-wrap gap-2" onResolve={onResolve} />
    </div>
  );
}

/** Factors or tags both sides changed: the lists side by side. */
export function ListConflict({
  part,
  mineLabels,
  theirsLabels,
  onResolve,
}: {
  part: ConflictPart;
  mineLabels: string[];
  theirsLabels: string[];
  onResolve: (choice: "mine" | "theirs") => void;
}) {
  const show = (list: string[]) => (list.length ? list.join(", ") : "none");
  return (
    <div
      role="group"
      aria-label={`Conflict in ${titleOf(part)}`}
      className="mt-2 rounded-md border-2 border-amber-400 bg-amber-50/60 p-3 text-sm dark:border-amber-700 dark:bg-amber-950/30"
    >
      <p className="font-medium">{titleOf(part)} were changed by both of you.</p>
      <p className="mt-1">
        <span className="font-semibold">Theirs (saved by someone else):</span> {show(theirsLabels)}
      </p>
      <p>
        <span className="font-semibold">Yours:</span> {show(mineLabels)}
      </p>
      <ResolveButtons className="mt-2 flex gap-2" onResolve={onResolve} />
    </div>
  );
}

/** The two ways out of a conflict: keep this tab's version or take the saved one. */
function ResolveButtons({ className, onResolve }: { className: string; onResolve: (choice: "mine" | "theirs") => void }) {
  return (
    <div className={className}>
      <button type="button" className={primaryButtonClass} onClick={() => onResolve("mine")}>
        Keep mine
      </button>
      <button type="button" className={buttonClass} onClick={() => onResolve("theirs")}>
        Use theirs
      </button>
    </div>
  );
}
