"use client";
import { BellRing, CheckCircle2, ExternalLink } from "lucide-react";
import type { IncidentAlerts, IncidentAlertView } from "@/db/queries/integrations/views";
import { isSafeLinkUrl } from "@/lib/security/safe-url";
import { LocalTime } from "@/app/components/local-time";
import { cardClass } from "@/app/components/ui";
import { useLiveIncident } from "./live-incident";

// Alert payloads come from outside: only absolute http(s) links become links (no javascript:, no paths on this site).
const externalUrl = (raw: string | null | undefined) => (raw && isSafeLinkUrl(raw) && /^https?:\/\//i.test(raw.trim()) ? raw.trim() : null);

function StatusBadge({ status }: { status: IncidentAlertView["status"] }) {
  return status === "firing" ? (
    <span className="inline-flex items-center gap-1 rounded-full border border-red-300 bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
      <BellRing aria-hidden className="h-3 w-3" /> Firing
    </span>
  ) : (
    <span className="inline-flex items-center gap-1 rounded-full border border-green-300 bg-green-50 px-2 py-0.5 text-xs font-semibold text-green-800 dark:border-green-900 dark:bg-green-950 dark:text-green-300">
      <CheckCircle2 aria-hidden className="h-3 w-3" /> Resolved
    </span>
  );
}

function AlertLinks({ alert }: { alert: IncidentAlertView }) {
  const links = [
    { label: "Source", href: externalUrl(alert.generatorUrl) },
    { label: "Dashboard", href: externalUrl(alert.dashboardUrl) },
    { label: "Panel", href: externalUrl(alert.panelUrl) },
    { label: "Silence", href: externalUrl(alert.silenceUrl) },
    { label: "Runbook", href: externalUrl(alert.annotations.runbook_url) },
  ].filter((l): l is { label: string; href: string } => l.href !== null);
  if (!links.length) return null;
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs" aria-label={`Links for ${alert.title}`}>
      {links.map((l) => (
        <li key={l.label}>
          <a
            href={l.href}
            target="_blank"
            rel="noopener noreferrer"
            className="inline-flex items-center gap-0.5 font-medium text-blue-700 hover:underline dark:text-blue-400"
          >
            {l.label}
            <ExternalLink aria-hidden className="h-3 w-3" />
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

function AlertItem({ alert }: { alert: IncidentAlertView }) {
  const description = alert.annotations.description ?? alert.annotations.summary;
  const labels = Object.entries(alert.labels);
  return (
    <li className="space-y-1.5 border-t border-zinc-200 py-3 first:border-t-0 first:pt-0 last:pb-0 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <StatusBadge status={alert.status} />
        <span className="min-w-0 font-medium break-words">{alert.title}</span>
      </div>
      {description && description !== alert.title ? <p className="text-sm break-words text-zinc-700 dark:text-zinc-300">{description}</p> : null}
      {labels.length ? (
        <ul className="flex flex-wrap gap-1" aria-label={`Labels of ${alert.title}`}>
          {labels.map(([name, value]) => (
            <li
              key={name}
              className="max-w-full rounded border border-zinc-200 bg-zinc-50 px-1.5 py-0.5 font-mono text-xs break-all dark:border-zinc-700 dark:bg-zinc-800"
            >
              {name}={value}
            </li>
          ))}
        </ul>
      ) : null}
      <AlertLinks alert={alert} />
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        Started <LocalTime ms={alert.startsAt} />
        {alert.status === "resolved" && alert.endsAt ? (
          <>
            {" "}
            · ended <LocalTime ms={alert.endsAt} />
          </>
        ) : null}{" "}
        · from {alert.integrationName}
      </p>
    </li>
  );
}

function AllResolved({ total, mitigatedByAlert }: { total: number; mitigatedByAlert: boolean }) {
  return (
    <div
      role="status"
      className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900 dark:border-green-900 dark:bg-green-950 dark:text-green-200"
    >
      <p className="font-medium">{total === 1 ? "Its alert has resolved." : `All ${total} alerts resolved.`}</p>
      <p className="mt-0.5">
        {mitigatedByAlert
          ? "The integration's routing rule marked the incident mitigated; it is not resolved until someone resolves it."
          : "The incident does not resolve itself (unless its routing rule says to): check that it is over, then change its status."}
      </p>
    </div>
  );
}

/** The incident's alerts from integrations, as they fire and resolve. Absent when it has none. */
export function AlertsPanel({ alerts, mitigatedByAlert }: { alerts: IncidentAlerts; mitigatedByAlert: boolean }) {
  if (alerts.total === 0) return null;
  const shown = alerts.alerts.length;
  return (
    <section aria-labelledby="alerts-heading" className={`${cardClass} mb-4 p-4`}>
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-3">
        <h2 id="alerts-heading" className="text-sm font-semibold">
          Alerts
        </h2>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {alerts.firing} firing · {alerts.total} in all{shown < alerts.total ? ` · showing ${shown}` : ""}
        </p>
      </div>
      {alerts.allResolved ? (
        <div className="mb-3">
          <AllResolved total={alerts.total} mitigatedByAlert={mitigatedByAlert} />
        </div>
      ) : null}
      <ul aria-label="Alerts of this incident">
        {alerts.alerts.map((alert) => (
          <AlertItem key={alert.id} alert={alert} />
        ))}
      </ul>
    </section>
  );
}

/** The alerts panel from the live store: `alerts.changed` events replace it in place. */
export function LiveAlerts() {
  const { alerts, incident } = useLiveIncident().state;
  return <AlertsPanel alerts={alerts} mitigatedByAlert={incident.mitigatedAtSource === "alert" && incident.mitigatedAt !== null} />;
}
