"use client";
import { useEffect, useState } from "react";
import { AlertTriangle, Check, Download, Loader2, Printer, RefreshCw, Save } from "lucide-react";
import type { PostmortemStatus } from "@/lib/postmortem-template";
import { buttonClass as baseButton, primaryButtonClass as basePrimary } from "@/app/components/ui";
import { PostmortemStatusBadge } from "./postmortem-badges";
import type { Person } from "./editor-types";

// Compact buttons: the bar stays one line on a laptop.
const buttonClass = baseButton.replace("px-3 py-2", "px-2.5 py-1.5");
const primaryButtonClass = basePrimary.replace("px-3 py-2", "px-2.5 py-1.5");

function secondsAgo(at: number, now: number) {
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 60) return `${s} s ago`;
  const m = Math.round(s / 60);
  return m < 60 ? `${m} min ago` : `${Math.round(m / 60)} h ago`;
}

/** "Saved 3 s ago", ticking. */
function SavedAgo({ at }: { at: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  // The server's clock and the browser's differ by the time the page takes to arrive: a text
  // mismatch here would make React re-render the whole document (and drop the theme class).
  return <span suppressHydrationWarning>Saved {secondsAgo(at, Math.max(now, at))}</span>;
}

export type SaveIndicator = { saving: boolean; dirty: boolean; conflict: boolean; error: string | null; savedAt: number | null; updatedAt: number };

function SaveState({ state }: { state: SaveIndicator }) {
  const base = "inline-flex items-center gap-1 text-xs";
  if (state.conflict)
    return (
      <a href="#conflict-banner" className={`${base} font-semibold text-amber-800 underline dark:text-amber-300`}>
        <AlertTriangle aria-hidden className="h-3.5 w-3.5" /> Conflict: compare versions
      </a>
    );
  if (state.saving)
    return (
      <span className={`${base} text-zinc-600 dark:text-zinc-400`}>
        <Loader2 aria-hidden className="h-3.5 w-3.5 animate-spin" /> Saving…
      </span>
    );
  if (state.error)
    return (
      <span className={`${base} font-semibold text-red-700 dark:text-red-400`} title={state.error}>
        <AlertTriangle aria-hidden className="h-3.5 w-3.5" /> Not saved
      </span>
    );
  if (state.dirty) return <span className={`${base} font-medium text-zinc-700 dark:text-zinc-300`}>Unsaved changes</span>;
  return (
    <span className={`${base} text-emerald-700 dark:text-emerald-400`}>
      <Check aria-hidden className="h-3.5 w-3.5" />
      <SavedAgo at={state.savedAt ?? state.updatedAt} />
    </span>
  );
}

/** Status, reviewers, save state and the document's actions; stays in view while scrolling. */
export function StatusBar({
  reference,
  status,
  reviewers,
  save,
  editable,
  onSave,
  onRegenerate,
}: {
  reference: string;
  status: PostmortemStatus;
  reviewers: Person[];
  save: SaveIndicator;
  editable: boolean;
  onSave: () => void;
  onRegenerate: () => void;
}) {
  return (
    <div className="z-20 -mx-3 flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-zinc-200 bg-zinc-50/95 px-3 py-2 backdrop-blur sm:sticky sm:top-14 sm:-mx-6 sm:px-6 dark:border-zinc-800 dark:bg-zinc-950/95">
      <PostmortemStatusBadge status={status} />
      <span className="min-w-0 text-xs text-zinc-600 dark:text-zinc-400">
        Reviewers{" "}
        <span className="font-medium text-zinc-900 dark:text-zinc-100">{reviewers.length ? reviewers.map((r) => r.name).join(", ") : "none yet"}</span>
      </span>
      <span role="status" aria-live="polite" className="min-w-[7rem]">
        {editable ? <SaveState state={save} /> : null}
      </span>
      <span className="ml-auto flex flex-wrap gap-2">
        {editable ? (
          <>
            <button
              type="button"
              className={buttonClass}
              onClick={onRegenerate}
              title="Rebuild the Timeline section from key times, status and severity changes and highlighted entries"
            >
              <RefreshCw aria-hidden className="h-4 w-4" /> Regenerate timeline
            </button>
            <button type="button" className={primaryButtonClass} onClick={onSave} disabled={save.saving || save.conflict} title="Ctrl/⌘+S">
              <Save aria-hidden className="h-4 w-4" /> Save
            </button>
          </>
        ) : null}
        <a className={buttonClass} href={`/api/v1/incidents/${reference}/postmortem.md`} download>
          <Download aria-hidden className="h-4 w-4" /> Download Markdown
        </a>
        <a className={buttonClass} href={`/print/incidents/${reference}/postmortem`} target="_blank" rel="noopener">
          <Printer aria-hidden className="h-4 w-4" /> Print
        </a>
      </span>
    </div>
  );
}
