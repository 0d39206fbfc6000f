"use client";
import { useState } from "react";
import { Check, Copy } from "lucide-react";
import { buttonClass } from "@/app/components/ui";

/**
 * Copies `text`; says so for screen readers. Without clipboard access (plain http on another
 * host) it selects the element `selectId` instead, so Ctrl/⌘+C works.
 */
export function CopyButton({ text, what, selectId, className = "" }: { text: string; what: string; selectId?: string; className?: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 3_000);
    } catch {
      const el = selectId ? document.getElementById(selectId) : null;
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) el.select();
      else if (el) window.getSelection()?.selectAllChildren(el);
    }
  }
  return (
    <>
      <button type="button" className={`${buttonClass} shrink-0 ${className}`} onClick={copy}>
        {copied ? <Check aria-hidden className="h-4 w-4" /> : <Copy aria-hidden className="h-4 w-4" />}
        {copied ? "Copied" : "Copy"}
        <span className="sr-only"> {what}</span>
      </button>
      <span className="sr-only" aria-live="polite">
        {copied ? `${what} copied to the clipboard` : ""}
      </span>
    </>
  );
}

/** A labelled, read-only block of text to paste elsewhere (a config snippet, a command), with its copy button. */
export function Snippet({ id, label, text }: { id: string; label: string; text: string }) {
  return (
    <figure className="min-w-0">
      <figcaption className="flex items-center justify-between gap-2">
        <span id={`${id}-label`} className="text-sm font-medium">
          {label}
        </span>
        <CopyButton text={text} what={label} selectId={id} className="py-1" />
      </figcaption>
      <pre
        id={id}
        tabIndex={0}
        aria-labelledby={`${id}-label`}
        className="mt-1 max-h-80 overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs leading-relaxed dark:border-zinc-800 dark:bg-zinc-950"
      >
        {text}
      </pre>
    </figure>
  );
}
