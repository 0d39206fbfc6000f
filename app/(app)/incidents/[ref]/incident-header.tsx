"use client";
import { useEffect, useRef, useState } from "react";
import { FlaskConical, Lock, Pencil } from "lucide-react";
import { SEVERITIES, SEVERITY_INFO, type Severity } from "@/lib/severity";
import { isActive, type IncidentStatus } from "@/lib/incident-status";
import type { UpdateCadence } from "@/lib/update-cadence";
import { TITLE_MAX } from "@/lib/validation/incident";
import { SeverityPill } from "@/app/components/severity-pill";
import { StatusBadge } from "@/app/components/status-badge";
import { Elapsed, LocalTime } from "@/app/components/local-time";
import { buttonClass, errorClass, inputClass, primaryButtonClass } from "@/app/components/ui";
import { ErrorNote, useIncidentUpdate } from "./use-incident-update";
import { StatusStepper } from "./status-stepper";
import { StatusDialog, type OpenItems } from "./status-dialog";
import { HeaderPeople } from "./header-people";
import { UpdateDue } from "./update-due";

type Person = { userId: number; name: string; email: string; role: string };

/** The primary button walks the lifecycle one step at a time; each opens the status dialog. */
const NEXT_STEP: Partial<Record<IncidentStatus, { label: string; to: IncidentStatus }>> = {
  investigating: { label: "Mark identified", to: "identified" },
  identified: { label: "Mark monitoring", to: "monitoring" },
  monitoring: { label: "Resolve", to: "resolved" },
  resolved: { label: "Close incident", to: "closed" },
  closed: { label: "Reopen", to: "investigating" },
};

export type HeaderIncident = {
  reference: string;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  version: number;
  private: boolean;
  drill: boolean;
  startedAt: number;
  declaredAt: number;
  mitigatedAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
};

/**
 * Sticky header: reference, editable title, severity, who is on it, the update cadence, a
 * status stepper and the next lifecycle step, both opening the status dialog; elapsed time.
 */
export function IncidentHeader({
  incident,
  canEdit,
  primaryAction,
  people,
  me,
  openItems,
  cadence,
  lastUpdateAt,
  lastActivityAt,
}: {
  incident: HeaderIncident;
  canEdit: boolean;
  /** Replaces the primary status button, e.g. "Start postmortem" once the incident is resolved. */
  primaryAction?: React.ReactNode;
  people: Person[];
  me: { userId: number; email: string } | null;
  openItems: OpenItems;
  cadence: UpdateCadence;
  /** Last update message or status change (else declaration): the cadence counts from here. */
  lastUpdateAt: number;
  /** Last timeline activity: drives the stale marker, as on the incident list. */
  lastActivityAt: number;
}) {
  const { run, pending, error } = useIncidentUpdate(incident.reference, incident.version);
  // Enter pressed again while the title is still saving: save once more when that save is done,
  // rather than dropping the keystroke.
  const titleForm = useRef<HTMLFormElement>(null);
  const saveAgain = useRef(false);
  useEffect(() => {
    if (pending || !saveAgain.current) return;
    saveAgain.current = false;
    titleForm.current?.requestSubmit();
  }, [pending]);
  const [editingTitle, setEditingTitle] = useState(false);
  const [title, setTitleState] = useState(incident.title);
  // The newest typed title, read when a save returns (the render with it may not have happened yet).
  const latestTitle = useRef(incident.title);
  const setTitle = (next: string) => {
    latestTitle.current = next;
    setTitleState(next);
  };
  const [baseVersion, setBaseVersion] = useState(incident.version);
  const [target, setTarget] = useState<IncidentStatus | null>(null);
  const primary = NEXT_STEP[incident.status];

  return (
    <header className="z-20 sm:sticky sm:top-14 -mx-3 border-b border-zinc-200 bg-zinc-50/95 px-3 pt-1 pb-3 backdrop-blur sm:-mx-6 sm:px-6 dark:border-zinc-800 dark:bg-zinc-950/95">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-mono font-semibold text-zinc-600 dark:text-zinc-400">{incident.reference}</span>
        <SeverityPill severity={incident.severity} long />
        <StatusBadge status={incident.status} />
        {incident.private ? (
          <span className="inline-flex items-center gap-1 rounded bg-violet-100 px-1.5 py-0.5 text-xs font-medium text-violet-800 dark:bg-violet-900/50 dark:text-violet-200">
            <Lock aria-hidden className="h-3 w-3" /> Private
          </span>
        ) : null}
        {incident.drill ? (
          <span className="inline-flex items-center gap-1 rounded bg-teal-100 px-1.5 py-0.5 text-xs font-medium text-teal-800 dark:bg-teal-900/50 dark:text-teal-200">
            <FlaskConical aria-hidden className="h-3 w-3" /> Drill
          </span>
        ) : null}
        <span className="ml-auto text-xs text-zinc-600 dark:text-zinc-400">
          {isActive(incident.status) ? "Impact for " : "Lasted "}
          <strong className="font-semibold text-zinc-900 dark:text-zinc-100">
            <Elapsed since={incident.startedAt} until={incident.mitigatedAt ?? incident.resolvedAt ?? null} />
          </strong>
          {" · declared "}
          <LocalTime ms={incident.declaredAt} />
        </span>
      </div>

      {editingTitle ? (
        <form
          ref={titleForm}
          className="mt-2 flex flex-wrap items-start gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (pending) return;
            const sent = title;
            run(
              { title: sent },
              {
                baseVersion,
                // Typed on while it was saving: stay open with the newer title, on top of the saved version.
                onDone: (saved) => (latestTitle.current === sent ? setEditingTitle(false) : setBaseVersion(saved.version)),
                onConflict: setBaseVersion,
              },
            );
          }}
        >
          <label htmlFor="incident-title" className="sr-only">
            Title
          </label>
          <input
            id="incident-title"
            value={title}
            maxLength={TITLE_MAX}
            onChange={(e) => setTitle(e.target.value)}
            autoFocus
            aria-invalid={error?.fields?.title ? true : undefined}
            aria-describedby="incident-title-error"
            className={`${inputClass} min-w-0 flex-1 basis-72 text-lg font-semibold`}
            onKeyDown={(e) => {
              if (e.key === "Escape") {
                setTitle(incident.title);
                setEditingTitle(false);
              } else if (e.key === "Enter" && pending) {
                // The disabled Save button blocks the form's own submit meanwhile.
                e.preventDefault();
                saveAgain.current = true;
              }
            }}
          />
          <button type="submit" className={primaryButtonClass} disabled={pending}>
            Save title
          </button>
          <button type="button" className={buttonClass} onClick={() => (setTitle(incident.title), setEditingTitle(false))}>
            Cancel
          </button>
          <p id="incident-title-error" className={`${errorClass} basis-full`}>
            {error?.fields?.title ?? ""}
          </p>
        </form>
      ) : (
        <div className="mt-1 flex items-start gap-2">
          <h1 className="min-w-0 text-xl font-semibold tracking-tight break-words sm:text-2xl">{incident.title}</h1>
          {canEdit ? (
            <button
              type="button"
              onClick={() => (setTitle(incident.title), setBaseVersion(incident.version), setEditingTitle(true))}
              className="mt-1 rounded p-1 text-zinc-500 hover:bg-zinc-200 dark:hover:bg-zinc-800"
              aria-label="Edit title"
            >
              <Pencil className="h-4 w-4" />
            </button>
          ) : null}
        </div>
      )}

      <div className="mt-2 flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <HeaderPeople reference={incident.reference} version={incident.version} people={people} me={me} canEdit={canEdit} />
        <UpdateDue
          severity={incident.severity}
          status={incident.status}
          cadence={cadence}
          lastUpdateAt={lastUpdateAt}
          lastActivityAt={lastActivityAt}
          onPostUpdate={canEdit ? () => setTarget(incident.status) : undefined}
        />
      </div>

      <div className="mt-3 flex flex-wrap items-end gap-3">
        <StatusStepper
          status={incident.status}
          canEdit={canEdit}
          onChoose={setTarget}
          times={{
            investigating: incident.declaredAt,
            identified: null,
            monitoring: incident.mitigatedAt,
            resolved: incident.resolvedAt,
            closed: incident.closedAt,
          }}
        />
        {canEdit ? (
          <div className="flex flex-wrap items-end gap-2">
            <div>
              <label htmlFor="incident-severity-select" className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
                Severity
              </label>
              <select
                id="incident-severity-select"
                value={incident.severity}
                disabled={pending}
                onChange={(e) => run({ severity: e.target.value })}
                className={`${inputClass} mt-0.5 w-auto py-1.5`}
              >
                {SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {s} · {SEVERITY_INFO[s].label}
                  </option>
                ))}
              </select>
            </div>
            {primaryAction && primary ? (
              // Once resolved the postmortem leads; closing (or reopening) stays one click away.
              <button type="button" className={buttonClass} disabled={pending} onClick={() => setTarget(primary.to)}>
                {primary.label}
              </button>
            ) : null}
            {primaryAction ? (
              primaryAction
            ) : primary ? (
              <button type="button" className={primaryButtonClass} disabled={pending} onClick={() => setTarget(primary.to)}>
                {primary.label}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      {error && !error.fields?.title ? <ErrorNote error={error} /> : null}
      {canEdit ? (
        <StatusDialog
          reference={incident.reference}
          version={incident.version}
          status={incident.status}
          target={target}
          openItems={openItems}
          onClose={() => setTarget(null)}
        />
      ) : null}
    </header>
  );
}
