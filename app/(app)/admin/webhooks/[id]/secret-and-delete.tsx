"use client";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { RotateCw, Trash2 } from "lucide-react";
import { buttonClass } from "@/app/components/ui";
import { useServerAction } from "@/app/components/use-server-action";
import { ConfirmPanel } from "../../confirm-panel";
import type { WebhookFormat } from "@/lib/webhooks/event-types";
import { deleteWebhookAction, rotateWebhookSecretAction } from "../actions";
import { SecretOncePanel } from "../secret-once-panel";

type Endpoint = { id: number; version: number; name: string; format: WebhookFormat };
type Open = "rotate" | "delete" | null;

// The outline button in red (swapping the colour utilities, as the playbook form does).
const deleteButtonClass = buttonClass.replace("text-zinc-800", "text-red-700").replace("dark:text-zinc-100", "dark:text-red-400");

/** Rotate secret and Delete endpoint, each behind an inline confirmation; a rotated secret is shown once. */
export function SecretAndDelete({ endpoint }: { endpoint: Endpoint }) {
  const router = useRouter();
  const action = useServerAction();
  const [open, setOpen] = useState<Open>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const rotateRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    const back = open === "delete" ? deleteRef : rotateRef;
    setOpen(null);
    action.reset();
    requestAnimationFrame(() => back.current?.focus());
  };
  const toggle = (which: Exclude<Open, null>) => (open === which ? close() : (action.reset(), setOpen(which)));

  // A fragment in the actions row: the two buttons, then the panels each on a full line below (order-last).
  return (
    <>
      <button
        ref={rotateRef}
        type="button"
        className={buttonClass}
        aria-expanded={open === "rotate"}
        aria-controls="rotate-confirm"
        onClick={() => toggle("rotate")}
      >
        <RotateCw aria-hidden className="h-4 w-4" /> Rotate secret
      </button>
      <button
        ref={deleteRef}
        type="button"
        className={deleteButtonClass}
        aria-expanded={open === "delete"}
        aria-controls="delete-confirm"
        onClick={() => toggle("delete")}
      >
        <Trash2 aria-hidden className="h-4 w-4" /> Delete endpoint
      </button>
      <div id="rotate-confirm" hidden={open !== "rotate"} className="order-last basis-full">
        {open === "rotate" ? (
          <ConfirmPanel
            label={`Confirm rotating the secret of ${endpoint.name}`}
            tone="warning"
            confirmStyle="primary"
            confirmLabel="Rotate secret"
            pendingLabel="Rotating…"
            pending={action.pending}
            error={action.message}
            onConfirm={() =>
              action.run(() => rotateWebhookSecretAction(endpoint.id, endpoint.version), {
                onSuccess: (rotated) => {
                  setOpen(null);
                  setSecret(rotated.secret);
                },
              })
            }
            onCancel={close}
          >
            Rotate the signing secret of &ldquo;{endpoint.name}&rdquo;? Requests are signed with the new secret from now on (retries too); a receiver still
            checking the old one rejects them until it is updated.
          </ConfirmPanel>
        ) : null}
      </div>
      <div id="delete-confirm" hidden={open !== "delete"} className="order-last basis-full">
        {open === "delete" ? (
          <ConfirmPanel
            label={`Confirm deleting ${endpoint.name}`}
            confirmLabel="Delete endpoint"
            pendingLabel="Deleting…"
            pending={action.pending}
            error={action.message}
            onConfirm={() =>
              action.run(() => deleteWebhookAction(endpoint.id), {
                refresh: false,
                onSuccess: () => router.push(`/admin/webhooks?deleted=${encodeURIComponent(endpoint.name)}`),
              })
            }
            onCancel={close}
          >
            Delete &ldquo;{endpoint.name}&rdquo; with its delivery log? Deliveries not yet sent are dropped. This cannot be undone.
          </ConfirmPanel>
        ) : null}
      </div>
      {secret ? (
        <div className="order-last basis-full">
          <SecretOncePanel name={endpoint.name} format={endpoint.format} secret={secret} onDone={() => setSecret(null)} />
        </div>
      ) : null}
    </>
  );
}
