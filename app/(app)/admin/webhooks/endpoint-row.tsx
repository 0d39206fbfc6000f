import Link from "next/link";
import { LocalTime } from "@/app/components/local-time";
import { cellLabelClass, tdClass, tdWideClass, trClass } from "../table-classes";
import { WEBHOOK_EVENT_TYPES, type WebhookEndpointView } from "@/lib/webhooks/event-types";
import { EndpointStateBadge, ResponseCode } from "./webhook-badges";
import { urlHost } from "./webhook-display";
import { FORMAT_INFO } from "./webhook-display";

const count = (n: number, tone: string) => (n > 0 ? <span className={`font-semibold ${tone}`}>{n}</span> : <span className="text-zinc-500">0</span>);

/** One endpoint in the list; its name opens the endpoint's page. */
export function EndpointRow({ endpoint }: { endpoint: WebhookEndpointView }) {
  const { stats } = endpoint;
  return (
    <tr className={`${trClass} ${endpoint.enabled ? "" : "text-zinc-600 dark:text-zinc-400"}`}>
      <td className={tdWideClass}>
        <Link href={`/admin/webhooks/${endpoint.id}`} className="font-medium break-words text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">
          {endpoint.name}
        </Link>
      </td>
      <td className={tdClass}>
        <span className={cellLabelClass}>Host</span>
        <span className="font-mono text-xs break-all md:break-normal md:whitespace-nowrap">{urlHost(endpoint.url)}</span>
      </td>
      <td className={tdClass}>
        <span className={cellLabelClass}>Format</span>
        {FORMAT_INFO[endpoint.format].label}
      </td>
      <td className={tdClass}>
        <span className={cellLabelClass}>Events</span>
        <span title={endpoint.events.join(", ")}>
          {endpoint.events.length === WEBHOOK_EVENT_TYPES.length ? "All" : endpoint.events.length} of {WEBHOOK_EVENT_TYPES.length}
        </span>
      </td>
      <td className={tdClass}>
        <span className={cellLabelClass}>State</span>
        <EndpointStateBadge enabled={endpoint.enabled} disabledReason={endpoint.disabledReason} />
        {endpoint.disabledReason ? <span className="mt-1 block max-w-56 text-xs text-amber-900 dark:text-amber-200">{endpoint.disabledReason}</span> : null}
      </td>
      <td className={`${tdClass} whitespace-nowrap`}>
        <span className={cellLabelClass}>Last attempt</span>
        {stats.lastAttemptAt ? (
          <span className="inline-flex items-center gap-1.5">
            <ResponseCode code={stats.lastStatusCode} /> <LocalTime ms={stats.lastAttemptAt} />
          </span>
        ) : (
          <span className="text-zinc-500">Never</span>
        )}
      </td>
      <td className={tdClass}>
        <span className={cellLabelClass}>Pending</span>
        {count(stats.pending, "text-blue-700 dark:text-blue-400")}
      </td>
      <td className={tdClass}>
        <span className={cellLabelClass}>Failed (24 h)</span>
        {count(stats.failed24h, "text-red-700 dark:text-red-400")}
      </td>
    </tr>
  );
}
