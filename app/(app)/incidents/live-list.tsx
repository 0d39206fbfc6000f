"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useState } from "react";
import type { IncidentState, LiveEvent } from "@/db/queries/events/types";
import type { IncidentStatus } from "@/lib/incident-status";
import type { Severity } from "@/lib/severity";
import { SeverityPill } from "@/app/components/severity-pill";
import { StatusBadge } from "@/app/components/status-badge";
import { StreamIndicator } from "@/app/components/stream-indicator";
import { useEventStream } from "@/app/components/use-event-stream";

type Live = { incidents: Map<number, IncidentState>; commanders: Map<number, string | null> };
const Context = createContext<Live>({ incidents: new Map(), commanders: new Map() });

/**
 * Follows every visible incident's events: rows on the page change in place; newly declared
 * incidents are announced rather than inserted, so a filtered or paged list does not reshuffle.
 */
export function LiveIncidentList({ lastEventId, children }: { lastEventId: number; children: React.ReactNode }) {
  const router = useRouter();
  const [live, setLive] = useState<Live>({ incidents: new Map(), commanders: new Map() });
  const [declared, setDeclared] = useState<number[]>([]);
  const onEvent = useCallback((event: LiveEvent) => {
    if (event.type === "incident.declared") setDeclared((ids) => (ids.includes(event.incidentId) ? ids : [...ids, event.incidentId]));
    if (event.type === "incident.declared" || event.type === "incident.updated") {
      const next = event.payload.incident;
      setLive((l) => {
        const known = l.incidents.get(next.id);
        if (known && known.version > next.version) return l;
        return { ...l, incidents: new Map(l.incidents).set(next.id, next) };
      });
    }
    if (event.type === "roles.changed") {
      const commander = event.payload.people.find((p) => p.role === "commander")?.name ?? null;
      setLive((l) => ({ ...l, commanders: new Map(l.commanders).set(event.incidentId, commander) }));
    }
  }, []);
  const stream = useEventStream("/api/v1/events", lastEventId, onEvent);
  return (
    <Context.Provider value={live}>
      {stream.state === "reconnecting" || stream.state === "lost" ? (
        <div className="mt-3">
          <StreamIndicator stream={stream} subject="list" />
        </div>
      ) : null}
      {declared.length ? (
        <p
          role="status"
          className="mt-3 flex items-center gap-2 rounded-md border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-900 dark:border-blue-900 dark:bg-blue-950 dark:text-blue-100"
        >
          {declared.length === 1 ? "1 new incident" : `${declared.length} new incidents`} declared
          <button
            type="button"
            className="font-medium underline"
            onClick={() => {
              setDeclared([]);
              router.refresh();
            }}
          >
            Show
          </button>
        </p>
      ) : null}
      {children}
    </Context.Provider>
  );
}

type Row = { id: number; reference: string; title: string; severity: Severity; status: IncidentStatus; version: number };

/** Severity, reference, title and status of one row: the newest of the rendered row and its live updates. */
export function LiveRowHead({ row }: { row: Row }) {
  const update = useContext(Context).incidents.get(row.id);
  const shown = update && update.version >= row.version ? update : row;
  return (
    <>
      <SeverityPill severity={shown.severity} />
      <span className="font-mono text-xs text-zinc-500">{row.reference}</span>
      <Link
        href={`/incidents/${row.reference}`}
        data-row-link
        className="min-w-0 flex-1 basis-64 truncate font-medium after:absolute after:inset-0 focus:outline-none"
      >
        {shown.title}
      </Link>
      <StatusBadge status={shown.status} />
    </>
  );
}

export function LiveCommander({ id, name }: { id: number; name: string | null }) {
  const commanders = useContext(Context).commanders;
  const shown = commanders.has(id) ? commanders.get(id) : name;
  return <span className="font-medium text-zinc-800 dark:text-zinc-200">{shown ?? "unassigned"}</span>;
}
