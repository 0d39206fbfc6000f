"use client";
import { useState } from "react";
import { X } from "lucide-react";
import { TAG_MAX, TAGS_MAX } from "@/lib/validation/postmortem";
import { buttonClass, hintClass, inputClass } from "@/app/components/ui";

export type FactorChoice = { id: number; name: string; description?: string };

/** Contributing factors from the organisation's taxonomy, plus free tags. */
export function FactorsField({
  factors,
  selected,
  onSelected,
  tags,
  onTags,
  error,
  readOnly = false,
}: {
  factors: FactorChoice[];
  selected: number[];
  onSelected: (ids: number[]) => void;
  tags: string[];
  onTags: (tags: string[]) => void;
  error?: string;
  readOnly?: boolean;
}) {
  const [tag, setTag] = useState("");
  const addTag = () => {
    const clean = tag.trim().replace(/\s+/g, " ").slice(0, TAG_MAX);
    if (clean && !tags.some((t) => t.toLowerCase() === clean.toLowerCase())) onTags([...tags, clean]);
    setTag("");
  };
  return (
    <section id="factors" aria-labelledby="factors-heading" className="scroll-mt-32 border-t border-zinc-200 py-5 dark:border-zinc-800">
      <h2 id="factors-heading" className="text-base font-semibold">
        Contributing factors
      </h2>
      <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">Pick every condition that played a part; they feed the insights on repeat incidents.</p>
      <fieldset disabled={readOnly} className="mt-2">
        <legend className="sr-only">Contributing factors</legend>
        <ul className="grid gap-1 sm:grid-cols-2">
          {factors.map((f) => (
            <li key={f.id}>
              <label className="flex items-start gap-2 rounded px-1 py-1 text-sm hover:bg-zinc-50 dark:hover:bg-zinc-800/60">
                <input
                  type="checkbox"
                  className="mt-0.5 h-4 w-4 rounded"
                  checked={selected.includes(f.id)}
                  onChange={(e) => onSelected(e.target.checked ? [...selected.filter((id) => id !== f.id), f.id] : selected.filter((id) => id !== f.id))}
                />
                <span>
                  {f.name}
                  {f.description ? <span className="block text-xs text-zinc-500">{f.description}</span> : null}
                </span>
              </label>
            </li>
          ))}
        </ul>
        {factors.length === 0 ? <p className="text-sm text-zinc-500">No factors in the taxonomy yet; an admin can add them.</p> : null}
      </fieldset>
      <div className="mt-3">
        <label htmlFor="pm-tag" className="text-sm font-medium">
          Tags
        </label>
        <ul aria-label="Tags" className="mt-1 flex flex-wrap gap-1">
          {tags.map((t) => (
            <li key={t} className="inline-flex items-center gap-1 rounded-full bg-zinc-200 py-0.5 pr-1 pl-2 text-xs dark:bg-zinc-800">
              {t}
              {readOnly ? null : (
                <button
                  type="button"
                  aria-label={`Remove tag ${t}`}
                  onClick={() => onTags(tags.filter((x) => x !== t))}
                  className="rounded-full p-0.5 hover:bg-zinc-300 dark:hover:bg-zinc-700"
                >
                  <X aria-hidden className="h-3 w-3" />
                </button>
              )}
            </li>
          ))}
        </ul>
        {readOnly ? null : (
          <div className="mt-1 flex gap-2">
            <input
              id="pm-tag"
              value={tag}
              maxLength={TAG_MAX}
              onChange={(e) => setTag(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" || e.key === ",") {
                  e.preventDefault();
                  addTag();
                }
              }}
              placeholder="e.g. postgres, feature-flags"
              aria-describedby="pm-tag-hint"
              className={`${inputClass} max-w-xs`}
            />
            <button type="button" className={buttonClass} onClick={addTag} disabled={!tag.trim() || tags.length >= TAGS_MAX}>
              Add tag
            </button>
          </div>
        )}
        <p id="pm-tag-hint" className={hintClass}>
          Free words for anything the taxonomy does not cover. Enter or comma adds one.
        </p>
        {error ? <p className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">{error}</p> : null}
      </div>
    </section>
  );
}
