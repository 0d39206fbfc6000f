import type { Metadata } from "next";
import { listIntegrations } from "@/db/queries/integrations/integrations";
import { cardClass } from "@/app/components/ui";
import { publicOrigin } from "@/server/public-origin";
import { AdminTable, TableSection } from "@/app/components/admin-table";
import { AdminForbidden, adminActor } from "../admin-guard";
import { FormMessage } from "../form-message";
import { CreateIntegrationForm } from "./create-integration-form";
import { IntegrationRow } from "./integration-row";

export const metadata: Metadata = { title: "Integrations" };

const columns = ["Name", "Kind", "Status", "Last delivery", "Endpoint"];

export default async function IntegrationsPage({ searchParams }: { searchParams: Promise<{ deleted?: string | string[] }> }) {
  const actor = await adminActor();
  if (!actor) return <AdminForbidden />;
  const integrations = await listIntegrations({ actor });
  const origin = await publicOrigin();
  const enabled = integrations.filter((i) => i.enabled).length;
  const { deleted } = await searchParams;
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Integrations</h1>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          {enabled} enabled of {integrations.length}. Alertmanager, Grafana and PagerDuty-style tools post alerts here; routing rules decide which declare an
          incident.
        </p>
      </div>
      {typeof deleted === "string" && deleted ? <FormMessage success={`Deleted the integration “${deleted.slice(0, 100)}”.`} /> : null}
      <section className={`${cardClass} p-4 sm:p-5`}>
        <CreateIntegrationForm origin={origin} />
      </section>
      <TableSection
        titleId="integrations-table-title"
        title="All integrations"
        isEmpty={integrations.length === 0}
        emptySize="compact"
        empty="No integrations yet. Add one above and point your Alertmanager or Grafana at it."
      >
        <AdminTable columns={columns}>
          {integrations.map((integration) => (
            <IntegrationRow key={integration.id} integration={integration} origin={origin} />
          ))}
        </AdminTable>
      </TableSection>
    </div>
  );
}
