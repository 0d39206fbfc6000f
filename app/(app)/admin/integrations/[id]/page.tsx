import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getIntegration, listIntegrationDeliveries } from "@/db/queries/integrations/integrations";
import type { IntegrationView } from "@/db/queries/integrations/views";
import { AppError } from "@/lib/errors";
import { LocalTime } from "@/app/components/local-time";
import { Breadcrumb } from "@/app/components/breadcrumb";
import { publicOrigin } from "@/server/public-origin";
import { AdminForbidden, adminActor } from "../../admin-guard";
import { KIND_INFO } from "../integration-labels";
import { EnabledPill } from "../../enabled-pill";
import { IntegrationEditor } from "./integration-editor";
import { DeliveriesSection } from "./deliveries-section";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Integration" };

export default async function IntegrationPage({ params }: Props) {
  const actor = await adminActor();
  if (!actor) return <AdminForbidden />;
  const raw = (await params).id;
  if (!/^\d{1,12}$/.test(raw)) notFound();
  let integration: IntegrationView;
  try {
    integration = await getIntegration({ actor, id: Number(raw) });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  const deliveries = await listIntegrationDeliveries({ actor, integrationId: integration.id });
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <div>
        <Breadcrumb href="/admin/integrations" label="Integrations">
          {integration.name}
        </Breadcrumb>
        <h1 className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xl font-semibold break-words">
          {integration.name} <EnabledPill enabled={integration.enabled} />
        </h1>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          {KIND_INFO[integration.kind].label}. Created <LocalTime ms={integration.createdAt} />, last changed <LocalTime ms={integration.updatedAt} />.
        </p>
      </div>
      <IntegrationEditor integration={integration} origin={await publicOrigin()}>
        <DeliveriesSection integrationId={integration.id} deliveries={deliveries} />
      </IntegrationEditor>
    </div>
  );
}
