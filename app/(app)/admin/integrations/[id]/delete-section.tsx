"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { IntegrationView } from "@/db/queries/integrations/views";
import { buttonClass } from "@/app/components/ui";
import { useServerAction } from "@/app/components/use-server-action";
import { ConfirmPanel } from "../../confirm-panel";
import { deleteIntegrationAction } from "../actions";

const deleteButtonClass = buttonClass.replace("text-zinc-800", "text-red-700").replace("dark:text-zinc-100", "dark:text-red-400");

/** Deleting, after a confirmation that says what stops and what stays. */
export function DeleteSection({ integration }: { integration: IntegrationView }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const action = useServerAction({ offline: "Could not reach the server. Nothing was deleted; try again.", refresh: false });
  return (
    <div className="space-y-2">
      <h2 id="delete-title" className="text-base font-semibold">
        Delete this integration
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Its endpoint stops accepting alerts (404) and its alerts and deliveries are deleted. Incidents it declared stay, with their timelines.
      </p>
      {confirming ? (
        <ConfirmPanel
          label={`Confirm deleting ${integration.name}`}
          confirmLabel="Delete integration"
          pendingLabel="Deleting…"
          pending={action.pending}
          error={action.message}
          onConfirm={() =>
            action.run(() => deleteIntegrationAction(integration.id), {
              onSuccess: () => router.push(`/admin/integrations?deleted=${encodeURIComponent(integration.name)}`),
            })
          }
          onCancel={() => {
            setConfirming(false);
            action.reset();
          }}
        >
          Delete &ldquo;{integration.name}&rdquo;? Senders still using its URL get 404. This cannot be undone.
        </ConfirmPanel>
      ) : (
        <button type="button" className={deleteButtonClass} onClick={() => setConfirming(true)}>
          Delete integration…
        </button>
      )}
    </div>
  );
}
