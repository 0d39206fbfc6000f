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
type Which = "rotate" | "delete";

// The outline button in red (swapping the colour utilities, as the playbook form does).
const deleteButtonClass = buttonClass.replace("text-zinc-800", "text-red-700").replace("dark:text-zinc-100", "dark:text-red-400");

const TRIGGERS = [
  { which: "rotate", label: "Rotate secret", icon: RotateCw, className: buttonClass },
  { which: "delete", label: "Delete endpoint", icon: Trash2, className: deleteButtonClass },
] as const;

/** Rotate secret and Delete endpoint, each asking first in one inline panel below; a rotated secret is shown once. */
export function SecretAndDelete({ endpoint }: { endpoint: Endpoint }) {
  const router = useRouter();
  const action = useServerAction();
  const [open, setOpen] = useState<Which | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const buttons = { rotate: useRef<HTMLButtonElement>(null), delete: useRef<HTMLButtonElement>(null) };
  const close = () => {
    const back = open ? buttons[open] : null;
    setOpen(null);
    action.reset();
    requestAnimationFrame(() => back?.current?.focus());
  };
  const toggle = (which: Which) => {
    action.reset();
    setOpen(open === which ? null : which);
  };
  const confirms = {
    rotate: {
      label: `Confirm rotating the secret of ${endpoint.name}`,
      confirmLabel: "Rotate secret",
      pendingLabel: "Rotating…",
      question: (
        <>
          Rotate the signing secret of &ldquo;{endpoint.name}&rdquo;? Requests are signed with the new secret from now on (retries too); a receiver still
          checking the old one rejects them until it is updated.
        </>
      ),
      run: () =>
        action.run(() => rotateWebhookSecretAction(endpoint.id, endpoint.version), {
          onSuccess: (rotated) => {
            setOpen(null);
            setSecret(rotated.secret);
          },
        }),
    },
    delete: {
      label: `Confirm deleting ${endpoint.name}`,
      confirmLabel: "Delete endpoint",
      pendingLabel: "Deleting…",
      question: <>Delete &ldquo;{endpoint.name}&rdquo; with its delivery log? Deliveries not yet sent are dropped. This cannot be undone.</>,
      run: () =>
        action.run(() => deleteWebhookAction(endpoint.id), {
          refresh: false,
          onSuccess: () => router.push(`/admin/webhooks?deleted=${encodeURIComponent(endpoint.name)}`),
        }),
    },
  };
  const panel = open ? confirms[open] : null;

  // A fragment in the actions row: the two buttons, then the panels each on a full line below (order-last).
  return (
    <>
      {TRIGGERS.map(({ which, label, icon: Icon, className }) => (
        <button
          key={which}
          ref={buttons[which]}
          type="button"
          className={className}
          aria-expanded={open === which}
          aria-controls="endpoint-confirm"
          onClick={() => toggle(which)}
        >
          <Icon aria-hidden className="h-4 w-4" /> {label}
        </button>
      ))}
      <div id="endpoint-confirm" hidden={!panel} className="order-last basis-full">
        {panel ? (
          <ConfirmPanel
            label={panel.label}
            tone={open === "rotate" ? "warning" : "danger"}
            confirmStyle={open === "rotate" ? "primary" : "danger"}
            confirmLabel={panel.confirmLabel}
            pendingLabel={panel.pendingLabel}
            pending={action.pending}
            error={action.message}
            onConfirm={panel.run}
            onCancel={close}
          >
            {panel.question}
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
