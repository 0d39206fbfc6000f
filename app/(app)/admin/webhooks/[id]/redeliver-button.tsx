"use client";
import { RefreshCw } from "lucide-react";
import { buttonClass } from "@/app/components/ui";
import { useServerAction } from "@/app/components/use-server-action";
import { redeliverWebhookAction } from "../actions";

/** Queues the delivery again, due now, with the same webhook-id (receivers can tell it is the same message). */
export function RedeliverButton({ endpointId, deliveryId, label, sending }: { endpointId: number; deliveryId: number; label: string; sending: boolean }) {
  const action = useServerAction();
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        className={buttonClass}
        disabled={action.pending || sending}
        onClick={() => action.run(() => redeliverWebhookAction(endpointId, deliveryId), { notice: "Queued again; the log updates when it is sent." })}
      >
        <RefreshCw aria-hidden className="h-4 w-4" />
        {action.pending ? "Queueing…" : "Redeliver"}
        <span className="sr-only"> {label}</span>
      </button>
      <p role="status" aria-live="polite" className="text-sm">
        {action.message ? <span className="font-medium text-red-700 dark:text-red-400">{action.message}</span> : sending ? "Being sent now…" : action.notice}
      </p>
    </div>
  );
}
