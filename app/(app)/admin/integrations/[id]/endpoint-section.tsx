"use client";
import { useRef, useState } from "react";
import { RotateCcw } from "lucide-react";
import { buttonClass } from "@/app/components/ui";
import { useServerAction } from "@/app/components/use-server-action";
import { endpointUrl } from "@/lib/integration-setup";
import { ConfirmPanel } from "../../confirm-panel";
import { rotateIntegrationSecretAction } from "../actions";
import { SecretOnce } from "../secret-once";
import { SetupInstructions } from "../setup-instructions";
import type { EditorPartProps } from "./integration-editor";

/** Where to send alerts and how, the secret's last characters, and rotating it (the new one shown once). */
export function EndpointSection({ integration, version, saved, origin }: EditorPartProps & { origin: string }) {
  const url = endpointUrl(origin, integration.endpointPath);
  const [confirming, setConfirming] = useState(false);
  const [rotated, setRotated] = useState<string | null>(null);
  const action = useServerAction({ offline: "Could not reach the server. The secret was not changed; try again." });
  const rotateRef = useRef<HTMLButtonElement>(null);
  const cancel = () => {
    setConfirming(false);
    action.reset();
    requestAnimationFrame(() => rotateRef.current?.focus());
  };

  return (
    <div className="space-y-4">
      <h2 id="endpoint-title" className="text-base font-semibold">
        Endpoint and secret
      </h2>
      {rotated ? (
        <SecretOnce
          title="Copy the new secret now"
          name={integration.name}
          kind={integration.kind}
          secret={rotated}
          url={url}
          hmacConfigured={integration.hmacConfigured}
          onDone={() => setRotated(null)}
        />
      ) : (
        <SetupInstructions
          id="setup"
          kind={integration.kind}
          name={integration.name}
          url={url}
          secret={{ hint: integration.secretHint }}
          hmacConfigured={integration.hmacConfigured}
        />
      )}
      <div className="border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <p className="text-sm">
          Secret: <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs dark:bg-zinc-800">…{integration.secretHint}</code>
          <span className="text-zinc-500 dark:text-zinc-400"> (only the last characters are kept to tell it apart)</span>
        </p>
        <button
          ref={rotateRef}
          type="button"
          className={`${buttonClass} mt-2`}
          aria-expanded={confirming}
          aria-controls="rotate-confirm"
          onClick={() => (confirming ? cancel() : setConfirming(true))}
        >
          <RotateCcw aria-hidden className="h-4 w-4" /> Rotate secret…
        </button>
        <div id="rotate-confirm" className="mt-2">
          {confirming ? (
            <ConfirmPanel
              label="Confirm rotating the secret"
              tone="warning"
              confirmLabel="Rotate secret"
              pendingLabel="Rotating…"
              pending={action.pending}
              error={action.error?.conflict ? "Someone else changed this integration just now. Try again: the page shows its current state." : action.message}
              onConfirm={() =>
                action.run(() => rotateIntegrationSecretAction(integration.id, { version }), {
                  onSuccess: (result) => {
                    saved(result.integration);
                    setRotated(result.secret);
                    setConfirming(false);
                  },
                  onFailure: (failure) => {
                    if (failure.conflict) saved((failure.current as { version: number } | undefined) ?? integration);
                  },
                })
              }
              onCancel={cancel}
            >
              Rotate the secret of &ldquo;{integration.name}&rdquo;? The current secret stops working at once: alerts sent with it get 401 until the sender has
              the new one.
            </ConfirmPanel>
          ) : null}
        </div>
      </div>
    </div>
  );
}
