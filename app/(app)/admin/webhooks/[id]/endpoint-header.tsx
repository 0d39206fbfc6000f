import { Breadcrumb } from "@/app/components/breadcrumb";
import { LocalTime } from "@/app/components/local-time";
import type { WebhookEndpointView } from "@/lib/webhooks/event-types";
import { EndpointStateBadge } from "../webhook-badges";
import { FORMAT_INFO } from "../webhook-display";

/** The endpoint's name and state, its full URL, and a line of figures (format, 24 h outcomes, pending, secret hint, version). */
export function EndpointHeader({ endpoint }: { endpoint: WebhookEndpointView }) {
  return (
    <header>
      <Breadcrumb href="/admin/webhooks" label="Webhooks">
        {endpoint.name}
      </Breadcrumb>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold break-words">{endpoint.name}</h1>
        <EndpointStateBadge enabled={endpoint.enabled} disabledReason={endpoint.disabledReason} />
      </div>
      <p className="mt-1 font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">{endpoint.url}</p>
      <p className="text-sm text-zinc-500 dark:text-zinc-400">
        {FORMAT_INFO[endpoint.format].label} format · {endpoint.stats.delivered24h} delivered and {endpoint.stats.failed24h} failed in 24 h ·{" "}
        {endpoint.stats.pending} pending · signing secret{" "}
        <code className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-xs dark:bg-zinc-800">whsec_…{endpoint.secretHint}</code> · version {endpoint.version},
        changed <LocalTime ms={endpoint.updatedAt} />
      </p>
    </header>
  );
}
