import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cardClass } from "@/app/components/ui";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/actor";
import { AdminForbidden, adminActor } from "../../admin-guard";
import { getWebhookDelivery, listWebhookDeliveries } from "@/db/queries/webhooks/deliveries";
import { getWebhookEndpoint } from "@/db/queries/webhooks/endpoints";
import { PendingRefresh } from "../pending-refresh";
import { isInFlight } from "../webhook-display";
import { DeliveryLog } from "./delivery-log";
import { EndpointHeader } from "./endpoint-header";
import { EditWebhookForm } from "./edit-webhook-form";
import { SecretAndDelete } from "./secret-and-delete";
import { SendTestEvent } from "./send-test-event";
import { DisabledNotice, EnableToggle } from "./state-controls";

export const metadata: Metadata = { title: "Webhook endpoint" };

const PAGE_SIZE = 20;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ cursor?: string | string[]; delivery?: string | string[] }> };

const one = (value: string | string[] | undefined) => (typeof value === "string" && value !== "" ? value : null);
const wholeNumber = (value: string | null) => (value !== null && /^\d{1,12}$/.test(value) ? Number(value) : null);

/** A missing endpoint is this page's 404; a missing delivery (a stale link) just leaves the detail closed. */
async function orNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "validation_failed")) return null;
    throw error;
  }
}

async function readPage(actor: Actor, id: number, cursor: string | null, deliveryId: number | null) {
  const endpoint = await orNull(() => getWebhookEndpoint({ actor, id }));
  if (!endpoint) notFound();
  // A cursor that no longer reads (edited by hand) falls back to the newest page.
  const paged = cursor === null ? null : await orNull(() => listWebhookDeliveries({ actor, endpointId: id, cursor, limit: PAGE_SIZE }));
  const page = paged ?? (await listWebhookDeliveries({ actor, endpointId: id, limit: PAGE_SIZE }));
  const open = deliveryId === null ? null : await orNull(() => getWebhookDelivery({ actor, endpointId: id, deliveryId }));
  return { endpoint, page, cursor: paged ? cursor : null, open };
}

export default async function WebhookEndpointPage({ params, searchParams }: Props) {
  const actor = await adminActor();
  if (!actor) return <AdminForbidden />;
  const id = wholeNumber((await params).id);
  if (id === null) notFound();
  const query = await searchParams;
  const { endpoint, page, cursor, open } = await readPage(actor, id, one(query.cursor), wholeNumber(one(query.delivery)));
  const inFlight = endpoint.stats.pending > 0 || page.items.some((d) => isInFlight(d.status));
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <EndpointHeader endpoint={endpoint} />
      <PendingRefresh active={inFlight} />
      <DisabledNotice endpoint={endpoint} />
      <section aria-label="Endpoint actions" className={`${cardClass} flex flex-wrap items-center gap-2 p-4 sm:p-5`}>
        <SendTestEvent endpointId={endpoint.id} />
        <EnableToggle endpoint={endpoint} />
        <span aria-hidden className="hidden flex-1 md:block" />
        <SecretAndDelete endpoint={endpoint} />
      </section>
      <DeliveryLog endpointId={endpoint.id} items={page.items} cursor={cursor} nextCursor={page.nextCursor} open={open} />
      <section className={`${cardClass} p-4 sm:p-5`}>
        <EditWebhookForm endpoint={endpoint} />
      </section>
    </div>
  );
}
