import Link from "next/link";
import { CheckCircle2, FlaskConical, Lock } from "lucide-react";
import type { Incident } from "@/db/queries/incidents/detail";
import type { ImpactLevel } from "@/lib/error-budget";
import { formatDuration } from "@/lib/format-time";
import { incidentReference } from "@/lib/validation/incident";
import { Elapsed, LocalTime } from "@/app/components/local-time";
import { SeverityPill } from "@/app/components/severity-pill";
import { StatusBadge } from "@/app/components/status-badge";
import { ImpactBadge } from "./impact-badge";

type Item = { incident: Incident; impact: ImpactLevel };

function Flags({ incident }: { incident: Incident }) {
  return (
    <>
      {incident.private ? (
        <span className="inline-flex items-center gap-1 text-xs font-medium text-violet-700 dark:text-violet-300">
          <Lock aria-hidden className="h-3 w-3" /> Private
        </span>
      ) : null}
      {incident.drill ? (
        <span className="inline-flex items-center gap-1 text-xs font-medium text-teal-700 dark:text-teal-300">
          <FlaskConical aria-hidden className="h-3 w-3" /> Drill
        </span>
      ) : null}
    </>
  );
}

function Title({ incident }: { incident: Incident }) {
  const reference = incidentReference(incident.id);
  return (
    <span className="min-w-0 flex-1 basis-56 break-words">
      <span className="mr-1.5 font-mono text-xs text-zinc-500">{reference}</span>
      <Link href={`/incidents/${reference}`} className="font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">
        {incident.title}
      </Link>
    </span>
  );
}

/** The service's active incidents, or a calm "No active incidents". */
export function CurrentCondition({ items, total, slug }: { items: Item[]; total: number; slug: string }) {
  if (total === 0) {
    return (
      <p className="flex items-center gap-2 text-sm font-medium text-green-800 dark:text-green-300">
        <CheckCircle2 aria-hidden className="h-5 w-5" /> No active incidents
      </p>
    );
  }
  return (
    <div>
      <p className="text-sm font-semibold text-red-800 dark:text-red-300">
        {total} active {total === 1 ? "incident" : "incidents"}
      </p>
      <ul className="mt-2 divide-y divide-zinc-200 dark:divide-zinc-800">
        {items.map(({ incident, impact }) => (
          <li key={incident.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
            <SeverityPill severity={incident.severity} />
            <Title incident={incident} />
            <span className="flex flex-wrap items-center gap-2">
              <StatusBadge status={incident.status} />
              <ImpactBadge impact={impact} />
              <span className="text-xs text-zinc-600 dark:text-zinc-400">
                Open for <Elapsed since={incident.startedAt} />
              </span>
              <Flags incident={incident} />
            </span>
          </li>
        ))}
      </ul>
      {total > items.length ? (
        <Link
          href={`/incidents?${new URLSearchParams({ service: slug, status: "active" })}`}
          className="mt-1 inline-block text-sm text-blue-700 underline dark:text-blue-400"
        >
          All {total} active incidents →
        </Link>
      ) : null}
    </div>
  );
}

/** Past (resolved and closed) incidents, newest first. */
export function IncidentHistory({ items }: { items: Item[] }) {
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
      {items.map(({ incident, impact }) => (
        <li key={incident.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2.5">
          <SeverityPill severity={incident.severity} />
          <Title incident={incident} />
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
            <StatusBadge status={incident.status} />
            <ImpactBadge impact={impact} />
            <span>
              Started <LocalTime ms={incident.startedAt} mode="absolute" />
            </span>
            <span>{incident.resolvedAt !== null ? `Resolved in ${formatDuration(incident.resolvedAt - incident.startedAt)}` : "No resolved time"}</span>
            <Flags incident={incident} />
          </span>
        </li>
      ))}
    </ul>
  );
}
