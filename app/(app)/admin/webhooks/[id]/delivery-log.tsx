import Link from "next/link";
import { ChevronDown, ChevronRight } from "lucide-react";
import { AdminTable, TableSection } from "@/app/components/admin-table";
import { LocalTime } from "@/app/components/local-time";
import { buttonClass } from "@/app/components/ui";
import { cellLabelClass, panelCellClass, panelRowClass, tdClass, tdWideClass, trClass } from "../../table-classes";
import { WEBHOOK_EVENT_LABELS, type WebhookDeliveryDetail, type WebhookDeliveryView } from "@/lib/webhooks/event-types";
import { DeliveryStatusBadge, ResponseCode } from "../webhook-badges";
import { formatMs, isInFlight } from "../webhook-display";
import { DeliveryDetail } from "./delivery-detail";

const columns = ["Time", "Event", "Incident", "Status", "Attempts", "Response", "Duration", "Next attempt"];

export const eventLabel = (type: WebhookDeliveryView["eventType"]) => (type === "webhook.test" ? "Test event" : WEBHOOK_EVENT_LABELS[type]);

type Props = {
  endpointId: number;
  items: WebhookDeliveryView[];
  /** The cursor of this page (null: the newest) and of the next, older one. */
  cursor: string | null;
  nextCursor: string | null;
  /** The delivery whose detail is open, read with its body and attempts. */
  open: WebhookDeliveryDetail | null;
};

/** The endpoint's deliveries, newest first, a page at a time; a row's Details opens its body and attempts below it. */
export function DeliveryLog({ endpointId, items, cursor, nextCursor, open }: Props) {
  const href = (params: { cursor?: string | null; delivery?: number | null }) => {
    const query = new URLSearchParams();
    if (params.cursor) query.set("cursor", params.cursor);
    if (params.delivery) query.set("delivery", String(params.delivery));
    const text = query.toString();
    return `/admin/webhooks/${endpointId}${text ? `?${text}` : ""}`;
  };
  return (
    <TableSection
      titleId="deliveries-title"
      title="Delivery log"
      isEmpty={items.length === 0}
      empty={
        cursor ? (
          <>
            No older deliveries.{" "}
            <Link href={href({})} className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">
              Back to the newest
            </Link>
          </>
        ) : (
          "No deliveries yet. Send a test event to try the endpoint."
        )
      }
      before={
        <div className="border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
          {/* The section's heading is the hidden h2 above; this is its visible twin. */}
          <p aria-hidden className="text-sm font-semibold">
            Delivery log
          </p>
          <p className="text-xs text-zinc-500">
            {cursor ? "Older deliveries" : "Newest first"}. Failed attempts are retried with growing pauses (timeouts, network errors, 5xx and 429); other 4xx
            answers are final.
          </p>
        </div>
      }
    >
      <AdminTable columns={columns} actions="sr-only">
        {items.map((delivery) => {
          const isOpen = open?.id === delivery.id;
          const what = `${eventLabel(delivery.eventType)} #${delivery.id}`;
          return [
            <tr key={delivery.id} id={`delivery-${delivery.id}`} className={`${trClass} ${isOpen ? "bg-zinc-50 dark:bg-zinc-950" : ""}`}>
              <td className={`${tdClass} whitespace-nowrap`}>
                <span className={cellLabelClass}>Time</span>
                <LocalTime ms={delivery.createdAt} mode="time" />
              </td>
              <td className={tdClass}>
                <span className={cellLabelClass}>Event</span>
                {eventLabel(delivery.eventType)}
              </td>
              <td className={tdClass}>
                <span className={cellLabelClass}>Incident</span>
                {delivery.incidentReference ? (
                  <Link href={`/incidents/${delivery.incidentReference}`} className="font-mono text-xs text-blue-700 hover:underline dark:text-blue-400">
                    {delivery.incidentReference}
                  </Link>
                ) : (
                  <span className="text-zinc-500">—</span>
                )}
              </td>
              <td className={tdClass}>
                <span className={cellLabelClass}>Status</span>
                <DeliveryStatusBadge status={delivery.status} />
              </td>
              <td className={tdClass}>
                <span className={cellLabelClass}>Attempts</span>
                {delivery.attempts}
              </td>
              <td className={tdClass}>
                <span className={cellLabelClass}>Response</span>
                <ResponseCode code={delivery.lastStatusCode} />
              </td>
              <td className={`${tdClass} whitespace-nowrap`}>
                <span className={cellLabelClass}>Duration</span>
                {delivery.lastDurationMs === null ? <span className="text-zinc-500">—</span> : formatMs(delivery.lastDurationMs)}
              </td>
              <td className={`${tdClass} whitespace-nowrap`}>
                <span className={cellLabelClass}>Next attempt</span>
                {delivery.nextAttemptAt !== null && isInFlight(delivery.status) ? (
                  <LocalTime ms={delivery.nextAttemptAt} />
                ) : (
                  <span className="text-zinc-500">—</span>
                )}
              </td>
              <td className={`${tdWideClass} md:text-right`}>
                <Link href={href({ cursor, delivery: isOpen ? null : delivery.id })} scroll={false} aria-expanded={isOpen} className={`${buttonClass} py-1`}>
                  {isOpen ? <ChevronDown aria-hidden className="h-4 w-4" /> : <ChevronRight aria-hidden className="h-4 w-4" />}
                  {isOpen ? "Hide" : "Details"}
                  <span className="sr-only"> of {what}</span>
                </Link>
              </td>
            </tr>,
            isOpen && open ? (
              <tr key={`${delivery.id}-detail`} className={panelRowClass}>
                <td colSpan={columns.length + 1} className={panelCellClass}>
                  <DeliveryDetail endpointId={endpointId} delivery={open} label={what} />
                </td>
              </tr>
            ) : null,
          ];
        })}
      </AdminTable>
      {cursor || nextCursor ? (
        <nav aria-label="Delivery log pages" className="flex flex-wrap justify-between gap-2 border-t border-zinc-200 px-3 py-2 dark:border-zinc-800">
          {cursor ? (
            <Link href={href({})} className={buttonClass}>
              Newest deliveries
            </Link>
          ) : (
            <span />
          )}
          {nextCursor ? (
            <Link href={href({ cursor: nextCursor })} className={buttonClass}>
              Older deliveries
            </Link>
          ) : null}
        </nav>
      ) : null}
    </TableSection>
  );
}
