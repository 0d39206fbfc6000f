"use client";
import { useEffect, useRef, useState } from "react";
import { Check, Copy } from "lucide-react";
import { buttonClass, inputClass } from "@/app/components/ui";

/**
 * A secret shown once: its label, a read-only field (focused and selected when it appears), Copy
 * and Done. Shared by the panels that show a new API token or signing secret.
 */
export function CopySecretField({
  id,
  label,
  value,
  copiedMessage,
  labelClassName = "",
  onDone,
}: {
  id: string;
  label: string;
  value: string;
  /** Announced after copying, e.g. "Token copied to the clipboard". */
  copiedMessage: string;
  labelClassName?: string;
  onDone: () => void;
}) {
  const fieldRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    setCopied(false);
    fieldRef.current?.focus();
    fieldRef.current?.select();
  }, [value]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // No clipboard permission (e.g. plain http): select it so Ctrl/⌘+C works.
      fieldRef.current?.select();
    }
  }

  return (
    <>
      <label htmlFor={id} className={`mt-3 block text-sm font-medium ${labelClassName}`}>
        {label}
      </label>
      <div className="mt-1 flex flex-wrap gap-2 sm:flex-nowrap">
        <input
          ref={fieldRef}
          id={id}
          readOnly
          value={value}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
          className={`${inputClass} basis-full font-mono text-xs sm:basis-auto sm:text-sm`}
        />
        <button type="button" className={buttonClass} onClick={copy}>
          {copied ? <Check aria-hidden className="h-4 w-4" /> : <Copy aria-hidden className="h-4 w-4" />}
          {copied ? "Copied" : "Copy"}
        </button>
        <button type="button" className={buttonClass} onClick={onDone}>
          Done
        </button>
      </div>
      <p className="sr-only" aria-live="polite">
        {copied ? copiedMessage : ""}
      </p>
    </>
  );
}
