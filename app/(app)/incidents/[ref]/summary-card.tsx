"use client";
import { useRef, useState } from "react";
import { Pencil } from "lucide-react";
import { SUMMARY_MAX } from "@/lib/validation/incident";
import { Markdown } from "@/app/components/markdown";
import { buttonClass, cardClass, errorClass, inputClass, primaryButtonClass } from "@/app/components/ui";
import { ErrorNote, useIncidentUpdate } from "./use-incident-update";

/** "Current state": the short summary a newcomer reads first. */
export function SummaryCard({ reference, version, summary, canEdit }: { reference: string; version: number; summary: string; canEdit: boolean }) {
  const { run, pending, error } = useIncidentUpdate(reference, version);
  const [editing, setEditing] = useState(false);
  const [text, setTextState] = useState(summary);
  // The newest text, also between a keystroke and its render: a save that returns meanwhile must see it.
  const latest = useRef(summary);
  const setText = (next: string) => {
    latest.current = next;
    setTextState(next);
  };
  // Live refresh may move `version` while someone types; saving must still detect that.
  const [baseVersion, setBaseVersion] = useState(version);
  return (
    <section aria-labelledby="summary-heading" className={`${cardClass} mb-4 p-3`}>
      <div className="mb-1 flex items-center justify-between">
        <h2 id="summary-heading" className="text-sm font-semibold">
          Current state
        </h2>
        {canEdit && !editing ? (
          <button
            type="button"
            className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs text-zinc-600 hover:bg-zinc-200 dark:text-zinc-400 dark:hover:bg-zinc-800"
            onClick={() => (setText(summary), setBaseVersion(version), setEditing(true))}
          >
            <Pencil aria-hidden className="h-3.5 w-3.5" /> Edit summary
          </button>
        ) : null}
      </div>
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (pending) return;
            const sent = text;
            run(
              { summary: sent },
              {
                baseVersion,
                // Typed on while it was saving: stay open with the newer text, on top of the saved version.
                onDone: (saved) => (latest.current === sent ? setEditing(false) : setBaseVersion(saved.version)),
                onConflict: setBaseVersion,
              },
            );
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              e.currentTarget.requestSubmit();
            }
          }}
        >
          <label htmlFor="summary-text" className="sr-only">
            Summary
          </label>
          <textarea
            id="summary-text"
            rows={4}
            value={text}
            maxLength={SUMMARY_MAX}
            autoFocus
            onChange={(e) => setText(e.target.value)}
            aria-invalid={error?.fields?.summary ? true : undefined}
            aria-describedby="summary-text-error"
            className={inputClass}
          />
          <p id="summary-text-error" className={errorClass}>
            {error?.fields?.summary ?? ""}
          </p>
          <div className="mt-1 flex gap-2">
            <button type="submit" className={primaryButtonClass} disabled={pending}>
              Save summary
            </button>
            <button type="button" className={buttonClass} onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
          {error && !error.fields?.summary ? <ErrorNote error={error} /> : null}
        </form>
      ) : summary ? (
        <Markdown>{summary}</Markdown>
      ) : (
        <p className="text-sm text-zinc-500">No summary yet. {canEdit ? "Say what customers see and what is known so far." : ""}</p>
      )}
    </section>
  );
}
