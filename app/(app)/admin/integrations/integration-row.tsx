import { Fragment } from "react";
import Link from "next/link";
import { LocalTime } from "@/app/components/local-time";
import { endpointUrl } from "@/lib/integration-setup";
import { cellLabelClass, tdClass, tdWideClass, trClass } from "../table-classes";
import type { IntegrationView } from "@/db/queries/integrations/views";
import { KIND_INFO } from "./integration-labels";
import { OutcomeBadge } from "./outcome-badge";
import { EnabledPill } from "../enabled-pill";

/** One integration; its name opens its page (settings, rules, deliveries). */
export function IntegrationRow({ integration, origin }: { integration: IntegrationView; origin: string }) {
  const last = integration.lastDelivery;
  return (
    <tr className={trClass}>
      <td className={tdWideClass}>
        <Link href={`/admin/integrations/${integration.id}`} className="font-medium break-words text-blue-700 hover:underline dark:text-blue-400">
          {integration.name}
        </Link>
      </td>
      <td className={tdClass}>
        <span className={cellLabelClass}>Kind</span>
        {KIND_INFO[integration.kind].label}
      </td>
      <td className={tdClass}>
        <span className={cellLabelClass}>Status</span>
        <EnabledPill enabled={integration.enabled} />
      </td>
      <td className={`${tdWideClass} md:col-span-1`}>
        <span className={cellLabelClass}>Last delivery</span>
        {last ? (
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <OutcomeBadge outcome={last.outcome} httpStatus={last.httpStatus} />
            <span className="text-xs text-zinc-500 whitespace-nowrap">
              <LocalTime ms={last.at} />
            </span>
          </span>
        ) : (
          <span className="text-zinc-500">None yet</span>
        )}
      </td>
      <td className={tdWideClass}>
        <span className={cellLabelClass}>Endpoint</span>
        <code className="font-mono text-xs break-words">
          {/* Long URLs wrap after a slash rather than mid-word. */}
          {endpointUrl(origin, integration.endpointPath)
            .split("/")
            .map((part, i) => (
              <Fragment key={i}>
                {i ? (
                  <>
                    /<wbr />
                  </>
                ) : null}
                {part}
              </Fragment>
            ))}
        </code>
      </td>
    </tr>
  );
}
