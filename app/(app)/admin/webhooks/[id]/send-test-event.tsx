"use client";
import { useEffect, useState } from "react";
import { Send } from "lucide-react";
import { buttonClass } from "@/app/components/ui";
import { useServerAction } from "@/app/components/use-server-action";
import { callAction } from "@/lib/server-action";
import type { WebhookDeliveryView } from "@/lib/webhooks/event-types";
import { deliveryStateAction, sendTestWebhookAction } from "../actions";
import { DeliveryStatusBadge } from "../webhook-badges";
import { formatMs, isInFlight, responseText } from "../webhook-display";

const FOLLOW_MS = 1_000;

/** Queues a "webhook.test" delivery (sent even while the endpoint is disabled, to check a fixed receiver), then follows that one delivery until it is delivered or failed. */
export function SendTestEvent({ endpointId }: { endpointId: number }) {
  const action = useServerAction();
  const [delivery, setDelivery] = useState<WebhookDeliveryView | null>(null);
  const following = delivery !== null && isInFlight(delivery.status);
  const deliveryId = delivery?.id;

  useEffect(() => {
    if (!following || deliveryId === undefined) return;
    let stopped = false;
    const timer = setInterval(() => {
      if (document.visibilityState !== "visible") return;
      void (async () => {
        const result = await callAction(() => deliveryStateAction(endpointId, deliveryId));
        if (!stopped && result.ok) setDelivery(result.data);
      })();
    }, FOLLOW_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [following, deliveryId, endpointId]);

  // A fragment: the button sits in the actions row, the status takes a full line below it (order-last).
  return (
    <>
      <button
        type="button"
        className={buttonClass}
        disabled={action.pending || following}
        onClick={() => action.run(() => sendTestWebhookAction(endpointId), { onSuccess: setDelivery })}
      >
        <Send aria-hidden className="h-4 w-4" />
        {action.pending ? "Queueing…" : following ? "Sending test event…" : "Send test event"}
      </button>
      <div role="status" aria-live="polite" className="order-last basis-full text-sm empty:hidden">
        {action.message ? <span className="font-medium text-red-700 dark:text-red-400">{action.message}</span> : null}
        {delivery ? (
          <span className="inline-flex flex-wrap items-center gap-2">
            Test event (delivery #{delivery.id}): <DeliveryStatusBadge status={delivery.status} />
            <TestOutcome delivery={delivery} />
          </span>
        ) : null}
      </div>
    </>
  );
}

function TestOutcome({ delivery }: { delivery: WebhookDeliveryView }) {
  if (isInFlight(delivery.status)) return <span className="text-zinc-500">{delivery.attempts > 0 ? "retrying" : "queued"}</span>;
  const took = delivery.lastDurationMs === null ? "" : ` in ${formatMs(delivery.lastDurationMs)}`;
  return (
    <span>
      {responseText(delivery.lastStatusCode, delivery.lastError)}
      {took}
    </span>
  );
}
