import type { IntegrationDeliveryView } from "@/db/queries/integrations/views";
import { AdminTable, TableSection } from "@/app/components/admin-table";
import { DeliveryRow } from "./delivery-row";

const columns = ["Received", "Outcome", "Alerts", "What happened", "Error"];

/** The last 50 deliveries, newest first: what each did, and its payload on demand. */
export function DeliveriesSection({ integrationId, deliveries }: { integrationId: number; deliveries: IntegrationDeliveryView[] }) {
  return (
    <TableSection
      titleId="deliveries-title"
      title="Recent deliveries"
      isEmpty={deliveries.length === 0}
      emptySize="compact"
      empty="No deliveries yet. Once the sender posts to the endpoint, each request shows here with what it did."
      before={
        <div className="border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
          <p aria-hidden className="text-base font-semibold">
            Recent deliveries
          </p>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">The last 50 requests, newest first: why an alert did or did not declare.</p>
        </div>
      }
    >
      <AdminTable columns={columns} actions="sr-only">
        {deliveries.map((d) => (
          <DeliveryRow key={d.id} integrationId={integrationId} delivery={d} />
        ))}
      </AdminTable>
    </TableSection>
  );
}
