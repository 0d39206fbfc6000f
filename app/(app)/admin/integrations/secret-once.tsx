"use client";
import { useEffect, useRef } from "react";
import { AlertTriangle } from "lucide-react";
import { buttonClass, inputClass } from "@/app/components/ui";
import type { IntegrationKind } from "@/db/queries/integrations/views";
import { CopyButton } from "./copy-button";
import { SetupInstructions } from "./setup-instructions";

type Props = {
  title: string;
  name: string;
  kind: IntegrationKind;
  secret: string;
  url: string;
  hmacConfigured: boolean;
  onDone: () => void;
  /** Shown after the setup (e.g. a link to the integration's page). */
  children?: React.ReactNode;
};

/** A new secret, shown this once, with the setup that needs it. */
export function SecretOnce({ title, name, kind, secret, url, hmacConfigured, onDone, children }: Props) {
  const secretRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    secretRef.current?.focus();
    secretRef.current?.select();
  }, [secret]);
  return (
    <section aria-labelledby="secret-once-title" className="rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950/40">
      <h2 id="secret-once-title" className="flex items-start gap-2 text-base font-semibold text-amber-900 dark:text-amber-200">
        <AlertTriangle aria-hidden className="mt-1 h-4 w-4 shrink-0" />
        <span>{title}</span>
      </h2>
      <p className="mt-1 text-sm text-amber-900 dark:text-amber-200">
        <strong>You won&rsquo;t see this secret again:</strong> Hindsight keeps only a hash. Copy it into the sending tool or your secret manager now; if it is
        lost, rotate it to get a new one.
      </p>
      <label htmlFor="integration-secret" className="mt-3 block text-sm font-medium text-amber-950 dark:text-amber-100">
        Integration secret
      </label>
      <div className="mt-1 flex flex-wrap gap-2 sm:flex-nowrap">
        <input
          ref={secretRef}
          id="integration-secret"
          readOnly
          value={secret}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
          className={`${inputClass} basis-full font-mono text-xs sm:basis-auto sm:text-sm`}
        />
        <CopyButton text={secret} what="Integration secret" selectId="integration-secret" />
        <button type="button" className={buttonClass} onClick={onDone}>
          Done
        </button>
      </div>
      <div className="mt-4 border-t border-amber-200 pt-4 dark:border-amber-900">
        <h3 className="mb-2 text-sm font-semibold">Set up {name}</h3>
        <SetupInstructions id="new-secret-setup" kind={kind} name={name} url={url} secret={{ value: secret }} hmacConfigured={hmacConfigured} />
      </div>
      {children}
    </section>
  );
}
