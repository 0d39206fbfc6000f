"use client";
import Link from "next/link";
import { useId, useState } from "react";
import type { IntegrationDeliveryView } from "@/db/queries/integrations/views";
import { LocalTime } from "@/app/components/local-time";
import { buttonClass } from "@/app/components/ui";
import { callAction } from "@/lib/server-action";
import { cellLabelClass, panelCellClass, panelRowClass, tdClass, tdWideClass, trClass } from "../../table-classes";
import { OutcomeBadge } from "../outcome-badge";
import { deliveryPayloadAction } from "../actions";
import { PayloadView, type Loaded } from "./delivery-payload";

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

function IncidentLinks({ label, references }: { label: string; references: string[] }) {
  if (!references.length) return null;
  return (
    <span className="flex flex-wrap items-baseline gap-x-1.5">
      <span>{label}</span>
      {references.map((ref) => (
        <Link key={ref} href={`/incidents/${ref}`} className="font-medium text-blue-700 hover:underline dark:text-blue-400">
          {ref}
        </Link>
      ))}
    </span>
  );
}

function WhatHappened({ result }: { result: IntegrationDeliveryView["result"] }) {
  if (!result) return <span className="text-zinc-500">Nothing</span>;
  const counts = [
    result.deduplicated ? `${plural(result.deduplicated, "repeat")} ignored` : null,
    result.resolved ? `${result.resolved} resolved` : null,
    result.recorded ? `${result.recorded} recorded only` : null,
    result.acknowledged ? `${result.acknowledged} acknowledged` : null,
  ].filter(Boolean);
  return (
    <span className="flex flex-col gap-0.5">
      <IncidentLinks label="Declared" references={result.declared} />
      <IncidentLinks label="Attached to" references={result.attached} />
      {counts.length ? <span>{counts.join(", ")}</span> : null}
      {!result.declared.length && !result.attached.length && !counts.length ? <span className="text-zinc-500">Nothing</span> : null}
    </span>
  );
}

/** One delivery; its payload is read only when someone asks for it, into the row below. */
export function DeliveryRow({ integrationId, delivery: d }: { integrationId: number; delivery: IntegrationDeliveryView }) {
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  async function toggle() {
    if (open) return setOpen(false);
    setOpen(true);
    if (loaded || loading) return;
    setLoading(true);
    setError(null);
    const result = await callAction(() => deliveryPayloadAction(integrationId, d.id), "Could not reach the server to load the payload. Try again.");
    setLoading(false);
    if (result.ok) setLoaded(result.data);
    else setError(result.message);
  }

  return (
    <>
      <tr className={trClass}>
        <td className={`${tdClass} whitespace-nowrap`}>
          <span className={cellLabelClass}>Received</span>
          <LocalTime ms={d.receivedAt} />
        </td>
        <td className={tdClass}>
          <span className={cellLabelClass}>Outcome</span>
          <OutcomeBadge outcome={d.outcome} httpStatus={d.httpStatus} />
        </td>
        <td className={`${tdClass} tabular-nums`}>
          <span className={cellLabelClass}>Alerts</span>
          {d.alertCount}
        </td>
        <td className={tdClass}>
          <span className={cellLabelClass}>What happened</span>
          <WhatHappened result={d.result} />
        </td>
        <td className={tdWideClass}>
          <span className={cellLabelClass}>Error</span>
          {d.error ? <span className="break-words text-red-700 dark:text-red-400">{d.error}</span> : <span className="text-zinc-500">None</span>}
        </td>
        <td className={`${tdWideClass} md:text-right`}>
          <button type="button" className={`${buttonClass} py-1.5`} aria-expanded={open} aria-controls={panelId} onClick={() => void toggle()}>
            {open ? "Hide payload" : "Show payload"}
          </button>
        </td>
      </tr>
      <tr id={panelId} className={open ? panelRowClass : "hidden"}>
        <td colSpan={6} className={panelCellClass}>
          {open ? <PayloadView deliveryId={d.id} loading={loading} error={error} loaded={loaded} /> : null}
        </td>
      </tr>
    </>
  );
}
