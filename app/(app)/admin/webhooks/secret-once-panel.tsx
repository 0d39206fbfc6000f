"use client";
import { useEffect, useRef, useState } from "react";
import { Check, Copy, KeyRound } from "lucide-react";
import { buttonClass, inputClass } from "@/app/components/ui";
import type { WebhookFormat } from "@/lib/webhooks/event-types";

/** The README section that explains verifying in full (the README is the operator's manual). */
export const VERIFY_SECTION = "Outgoing webhooks → Verifying signatures";

/**
 * A new or rotated signing secret, shown this once: read-only field, Copy, Done, and how a
 * receiver checks the signature. The page never renders it again.
 */
export function SecretOncePanel({ name, format, secret, onDone }: { name: string; format: WebhookFormat; secret: string; onDone: () => void }) {
  const fieldRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    fieldRef.current?.focus();
    fieldRef.current?.select();
  }, [secret]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // No clipboard permission (e.g. plain http): select it so Ctrl/⌘+C works.
      fieldRef.current?.select();
    }
  }

  return (
    <section
      aria-labelledby="webhook-secret-title"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <h2 id="webhook-secret-title" className="flex items-start gap-2 text-base font-semibold">
        <KeyRound aria-hidden className="mt-1 h-4 w-4 shrink-0" />
        <span>Copy the secret for &ldquo;{name}&rdquo; now</span>
      </h2>
      <p className="mt-1 text-sm">
        <strong>You won&rsquo;t see it again</strong>: copy it now into the configuration of the receiver. If it is lost, rotate the secret on the
        endpoint&rsquo;s page.
      </p>
      <label htmlFor="webhook-secret" className="mt-3 block text-sm font-medium">
        Signing secret
      </label>
      <div className="mt-1 flex flex-wrap gap-2 sm:flex-nowrap">
        <input
          ref={fieldRef}
          id="webhook-secret"
          readOnly
          value={secret}
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
        {copied ? "Secret copied to the clipboard" : ""}
      </p>
      <h3 className="mt-4 text-sm font-semibold">How to verify a request</h3>
      <p className="mt-1 text-sm">
        Every request carries <code className="font-mono text-xs">webhook-id</code>, <code className="font-mono text-xs">webhook-timestamp</code> and{" "}
        <code className="font-mono text-xs">webhook-signature</code> headers (Standard Webhooks). The signature is{" "}
        <code className="font-mono text-xs">v1,</code> followed by the base64 HMAC-SHA256 of <code className="font-mono text-xs">id.timestamp.body</code>, keyed
        with the base64-decoded part after <code className="font-mono text-xs">whsec_</code>; a Standard Webhooks library does it in one call. Reject old
        timestamps.
        {format === "standard" ? "" : " Slack and Teams do not check it; a proxy or receiver of yours can."} The README section &ldquo;{VERIFY_SECTION}&rdquo;
        has examples.
      </p>
    </section>
  );
}
