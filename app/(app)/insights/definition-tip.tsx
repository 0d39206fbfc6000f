"use client";
import { useId, useState } from "react";
import { Info } from "lucide-react";

/**
 * A small "i" button next to a figure's name; hovering, focusing or tapping it shows the
 * figure's definition. The text is tied to the button with aria-describedby, so a screen
 * reader reads it on focus; Escape hides it. Place it inside a `relative` row that spans
 * the card, so the bubble never pokes out of the page on a phone.
 */
export function DefinitionTip({ label, definition }: { label: string; definition: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <span className="inline-flex" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        aria-label={`Definition of ${label}`}
        aria-describedby={id}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        // A tap focuses the button too: opening (not toggling) keeps the text up; tapping elsewhere hides it.
        onClick={() => setOpen(true)}
        onKeyDown={(event) => {
          if (event.key === "Escape") setOpen(false);
        }}
        className="rounded-full p-0.5 text-zinc-400 hover:text-zinc-700 dark:text-zinc-500 dark:hover:text-zinc-200"
      >
        <Info aria-hidden className="h-3.5 w-3.5" />
      </button>
      <span
        id={id}
        role="tooltip"
        className={`${open ? "block" : "hidden"} absolute inset-x-0 top-full z-20 mt-1 rounded-md border border-zinc-200 bg-white px-3 py-2 text-xs font-normal leading-snug text-zinc-700 normal-case shadow-lg dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-200`}
      >
        <span className="font-semibold">{label}: </span>
        {definition}
      </span>
    </span>
  );
}
