import { AdminTable } from "@/app/components/admin-table";
import { LocalTime } from "@/app/components/local-time";
import { cellLabelClass, tdClass, trClass } from "../../table-classes";
import type { WebhookDeliveryDetail } from "@/lib/webhooks/event-types";
import { ResponseCode } from "../webhook-badges";
import { formatMs, isInFlight, prettyBody } from "../webhook-display";
import { RedeliverButton } from "./redeliver-button";

const term = "text-xs font-medium text-zinc-500";

/** One delivery opened: its ids and times, the body as sent (indented), every attempt, and Redeliver. */
export function DeliveryDetail({ endpointId, delivery, label }: { endpointId: number; delivery: WebhookDeliveryDetail; label: string }) {
  const bodyId = `delivery-${delivery.id}-body`;
  return (
    <section
      aria-label={`Details of ${label}`}
      className="space-y-4 rounded-md border border-zinc-200 bg-white p-3 sm:p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div className="min-w-0">
          <dt className={term}>webhook-id</dt>
          <dd className="font-mono text-xs break-all">{delivery.webhookId}</dd>
        </div>
        <div>
          <dt className={term}>Queued</dt>
          <dd>
            <LocalTime ms={delivery.createdAt} mode="absolute" />
          </dd>
        </div>
        <div>
          <dt className={term}>{delivery.deliveredAt ? "Delivered" : isInFlight(delivery.status) ? "Next attempt" : "Gave up"}</dt>
          <dd>
            {delivery.deliveredAt ? (
              <LocalTime ms={delivery.deliveredAt} mode="absolute" />
            ) : isInFlight(delivery.status) && delivery.nextAttemptAt !== null ? (
              <LocalTime ms={delivery.nextAttemptAt} mode="absolute" />
            ) : (
              "—"
            )}
          </dd>
        </div>
        <div className="min-w-0">
          <dt className={term}>Last error</dt>
          <dd className="break-words">{delivery.lastError ?? "—"}</dd>
        </div>
      </dl>
      <div>
        <h4 id={`${bodyId}-title`} className="text-sm font-semibold">
          Body
        </h4>
        <pre
          id={bodyId}
          tabIndex={0}
          aria-labelledby={`${bodyId}-title`}
          className="mt-1 max-h-80 overflow-auto rounded-md bg-zinc-100 p-3 font-mono text-xs whitespace-pre dark:bg-zinc-950"
        >
          {prettyBody(delivery.body)}
        </pre>
      </div>
      <div>
        <h4 className="text-sm font-semibold">Attempts</h4>
        {delivery.attemptsLog.length === 0 ? (
          <p className="mt-1 text-sm text-zinc-500">Not attempted yet.</p>
        ) : (
          <div className="mt-1 overflow-hidden rounded-md border border-zinc-200 dark:border-zinc-800">
            <AdminTable columns={["Attempt", "Time", "Response", "Duration", "Error"]}>
              {delivery.attemptsLog.map((attempt) => (
                <tr key={attempt.attempt} className={trClass}>
                  <td className={tdClass}>
                    <span className={cellLabelClass}>Attempt</span>
                    {attempt.attempt}
                  </td>
                  <td className={`${tdClass} whitespace-nowrap`}>
                    <span className={cellLabelClass}>Time</span>
                    <LocalTime ms={attempt.at} mode="time" />
                  </td>
                  <td className={tdClass}>
                    <span className={cellLabelClass}>Response</span>
                    <ResponseCode code={attempt.statusCode} />
                  </td>
                  <td className={tdClass}>
                    <span className={cellLabelClass}>Duration</span>
                    {formatMs(attempt.durationMs)}
                  </td>
                  <td className={`${tdClass} col-span-2`}>
                    <span className={cellLabelClass}>Error</span>
                    <span className="break-words">{attempt.error ?? "—"}</span>
                  </td>
                </tr>
              ))}
            </AdminTable>
          </div>
        )}
      </div>
      <RedeliverButton endpointId={endpointId} deliveryId={delivery.id} label={label} sending={delivery.status === "delivering"} />
    </section>
  );
}
