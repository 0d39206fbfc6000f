import type { Metadata } from "next";
import { AdminTable, TableSection } from "@/app/components/admin-table";
import { cardClass } from "@/app/components/ui";
import { AdminForbidden, adminActor } from "../admin-guard";
import { FormMessage } from "../form-message";
import { listWebhookEndpoints } from "@/db/queries/webhooks/endpoints";
import { CreateWebhookForm } from "./create-webhook-form";
import { EndpointRow } from "./endpoint-row";
import { PendingRefresh } from "./pending-refresh";

export const metadata: Metadata = { title: "Webhooks" };

const columns = ["Name", "Host", "Format", "Events", "State", "Last attempt", "Pending", "Failed (24 h)"];

type Props = { searchParams: Promise<{ deleted?: string | string[] }> };

export default async function WebhooksPage({ searchParams }: Props) {
  const actor = await adminActor();
  if (!actor) return <AdminForbidden />;
  const endpoints = await listWebhookEndpoints({ actor });
  const { deleted } = await searchParams;
  const enabled = endpoints.filter((e) => e.enabled).length;
  const stopped = endpoints.filter((e) => !e.enabled && e.disabledReason).length;
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Webhooks</h1>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          {enabled} enabled of {endpoints.length}. Hindsight tells these endpoints about incidents as they happen: signed JSON, Slack or Teams messages.
        </p>
      </div>
      {typeof deleted === "string" ? <FormMessage success={<>Endpoint &ldquo;{deleted}&rdquo; deleted.</>} /> : null}
      {stopped > 0 ? (
        <p
          role="status"
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
        >
          {stopped === 1 ? "1 endpoint was" : `${stopped} endpoints were`} disabled by Hindsight after repeated failed deliveries. Open it to see why and
          re-enable it.
        </p>
      ) : null}
      <PendingRefresh active={endpoints.some((e) => e.stats.pending > 0)} />
      <TableSection
        titleId="webhooks-table-title"
        title="Webhook endpoints"
        isEmpty={endpoints.length === 0}
        empty="No endpoints yet. Add one below to hear about incidents in Slack, Teams or your own service."
      >
        <AdminTable columns={columns}>
          {endpoints.map((endpoint) => (
            <EndpointRow key={endpoint.id} endpoint={endpoint} />
          ))}
        </AdminTable>
      </TableSection>
      <section className={`${cardClass} p-4 sm:p-5`}>
        <CreateWebhookForm />
      </section>
    </div>
  );
}
