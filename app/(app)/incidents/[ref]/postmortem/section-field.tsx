"use client";
import { memo, useState } from "react";
import type { BlameHint } from "@/lib/blameless-hints";
import { SECTION_MAX, type PostmortemSectionKey } from "@/lib/postmortem-template";
import { Markdown } from "@/app/components/markdown";
import { errorClass } from "@/app/components/ui";
import { HintedTextarea } from "./hinted-textarea";
import { BlameHintList } from "./blame-hint-list";

const MODES = [
  { id: "write", label: "Write" },
  { id: "both", label: "Write + preview" },
  { id: "preview", label: "Preview" },
] as const;
type Mode = (typeof MODES)[number]["id"];

export const sectionAnchor = (key: string) => `section-${key}`;

/** One section of the document: its title, what good content looks like, the markdown and its hints. */
export const SectionField = memo(function SectionField({
  section,
  value,
  onChange,
  hints,
  error,
  children,
  toolbar,
  locked = false,
}: {
  section: { key: PostmortemSectionKey; title: string; prompt: string };
  value: string;
  onChange: (key: PostmortemSectionKey, value: string) => void;
  hints: BlameHint[];
  error?: string;
  /** Below the field: comments. */
  children?: React.ReactNode;
  /** Beside the mode switch, e.g. "Regenerate" for the timeline. */
  toolbar?: React.ReactNode;
  /** Read-only until the page has hydrated, so nothing typed into the server HTML is lost. */
  locked?: boolean;
}) {
  const [mode, setMode] = useState<Mode>("write");
  const id = `pm-${section.key}`;
  const describedBy = [`${id}-prompt`, hints.length ? `${id}-hints` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <section
      id={sectionAnchor(section.key)}
      aria-labelledby={`${id}-label`}
      className="scroll-mt-32 border-b border-zinc-200 py-5 first:pt-2 last:border-b-0 dark:border-zinc-800"
    >
      <div className="flex flex-wrap items-baseline gap-2">
        <h2 className="min-w-0 flex-auto text-base font-semibold">
          <label id={`${id}-label`} htmlFor={id}>
            {section.title}
          </label>
        </h2>
        {toolbar}
        <div
          role="group"
          aria-label={`${section.title}: editor mode`}
          className="flex gap-0.5 rounded-md border border-zinc-200 p-0.5 text-xs dark:border-zinc-700"
        >
          {MODES.map((m) => (
            <button
              key={m.id}
              type="button"
              aria-pressed={mode === m.id}
              onClick={() => setMode(m.id)}
              className={`rounded px-2 py-0.5 ${mode === m.id ? "bg-zinc-200 font-medium dark:bg-zinc-700" : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"}`}
            >
              {m.label}
            </button>
          ))}
        </div>
      </div>
      <p id={`${id}-prompt`} className="mt-0.5 mb-2 text-xs text-zinc-500 dark:text-zinc-400">
        {section.prompt}
      </p>
      {mode === "preview" ? (
        <div className="min-h-24 rounded-md border border-dashed border-zinc-300 p-3 dark:border-zinc-700">
          {value.trim() ? <Markdown>{value}</Markdown> : <p className="text-sm text-zinc-500">Nothing written yet.</p>}
        </div>
      ) : (
        <HintedTextarea
          id={id}
          value={value}
          onChange={(text) => onChange(section.key, text)}
          hints={hints}
          maxLength={SECTION_MAX}
          describedBy={describedBy}
          invalid={!!error}
          readOnly={locked}
        />
      )}
      {mode === "both" ? (
        <div aria-label={`${section.title}: preview`} className="mt-2 rounded-md border border-dashed border-zinc-300 p-3 dark:border-zinc-700">
          {value.trim() ? <Markdown>{value}</Markdown> : <p className="text-sm text-zinc-500">The preview appears here as you type.</p>}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className={errorClass} role="alert">
          {error}
        </p>
      ) : null}
      <BlameHintList id={`${id}-hints`} text={value} hints={hints} />
      {children}
    </section>
  );
});
