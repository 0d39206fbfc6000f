import type { Metadata } from "next";
import { Lock, FlaskConical, Server } from "lucide-react";
import { requireActor } from "@/server/auth/session";
import { AppError } from "@/lib/errors";
import { isActive } from "@/lib/incident-status";
import { incidentReference } from "@/lib/validation/incident";
import { listIncidents } from "@/db/queries/incidents/list";
import { lastActivity } from "@/db/queries/incidents/activity";
import { serviceNamesFor } from "@/db/queries/incidents/list";
import { listServicePickerChoices } from "@/db/queries/catalogue/picker";
import { listTeams } from "@/db/queries/admin/teams";
import { getOrgTimeZone } from "@/db/queries/admin/settings";
import { firstRunChecklist } from "@/db/queries/admin/first-run";
import { can } from "@/lib/policy";
import { Elapsed, LocalTime } from "@/app/components/local-time";
import { StaleMarker } from "@/app/components/stale-marker";
import { isStale } from "@/lib/update-cadence";
import { cardClass } from "@/app/components/ui";
import { Pager, ProblemAlert } from "@/app/components/list-page";
import { IncidentFilters } from "./incident-filters";
import { DrillDownChips } from "./drill-down-chips";
import { FirstRunChecklist } from "./first-run-checklist";
import { LiveCommander, LiveIncidentList, LiveRowHead } from "./live-list";
import { latestEventId } from "@/db/queries/events/cursor";
import {
  clearDrillDownHref,
  drillDownChips,
  effectiveStatus,
  hasDrillDown,
  listHref,
  listParamsCursor,
  listParamsFrom,
  type RawSearchParams,
} from "./list-params";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActor();
  // Read before the list: the live stream replays anything written after it.
  const lastEventId = await latestEventId({ actor });
  const search = await searchParams;
  const params = listParamsFrom(search);
  const cursor = listParamsCursor(search);
  const status = effectiveStatus(params);
  const query = {
    status: status === "all" ? undefined : status,
    severity: params.severity,
    q: params.q,
    mine: params.mine === "1" ? "1" : undefined,
    service: params.service,
    from: params.from,
    to: params.to,
    team: params.team,
    drill: params.drill,
    cursor,
    limit: 25,
  };
  let result: Awaited<ReturnType<typeof listIncidents>> | null = null;
  let problem: string | null = null;
  try {
    result = await listIncidents({ actor, query });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problem = error.message;
  }
  const activity = await lastActivity({ actor, incidentIds: result?.items.map((i) => i.id) ?? [] });
  const serviceNames = await serviceNamesFor({ actor, incidentIds: result?.items.map((i) => i.id) ?? [] });
  const serviceOptions = (await listServicePickerChoices({ actor })).map((s) => ({ slug: s.slug, name: s.name }));
  const teamName = params.team ? ((await listTeams({ actor })).find((t) => String(t.id) === params.team)?.name ?? null) : null;
  const chips = drillDownChips(params, { teamName, timeZone: await getOrgTimeZone({ actor }) });
  const filtered = Boolean(query.q || query.severity || query.service || query.mine || hasDrillDown(params));
  const now = Date.now();
  const nextHref = result?.nextCursor ? listHref({ ...params, cursor: result.nextCursor }) : null;
  // Admins only; `?checklist=1` brings it back after it was dismissed or completed.
  const firstRun = await firstRunChecklist({ actor, force: search.checklist === "1" });

  return (
    <div className="mx-auto max-w-6xl">
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Incidents</h1>
      </div>
      {firstRun?.show ? <FirstRunChecklist steps={firstRun.steps} canDeclare={can(actor, "incident", "declare")} /> : null}
      <IncidentFilters
        current={{ status, severity: params.severity ?? "", q: params.q ?? "", mine: params.mine === "1", service: params.service ?? "" }}
        drillDown={{ from: params.from, to: params.to, team: params.team, drill: params.drill }}
        services={serviceOptions}
      />
      <DrillDownChips chips={chips} clearHref={clearDrillDownHref(params)} />
      <ProblemAlert problem={problem} />
      <LiveIncidentList lastEventId={lastEventId}>
        <div className={`${cardClass} mt-4 overflow-hidden`}>
          {result && result.items.length === 0 ? (
            <p className="px-4 py-10 text-center text-sm text-zinc-500">
              {status === "active" && !filtered ? "No active incidents. All quiet." : "No incidents match these filters."}
            </p>
          ) : (
            <ul role="list" aria-label="Incidents" className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {result?.items.map((incident) => {
                const ref = incidentReference(incident.id);
                const last = Math.max(activity.get(incident.id)?.at ?? 0, incident.updatedAt);
                const stale = isStale({ status: incident.status, lastActivityAt: last, now });
                const linked = serviceNames.get(incident.id) ?? [];
                return (
                  <li
                    key={incident.id}
                    className="relative px-4 py-3 hover:bg-zinc-50 focus-within:bg-zinc-50 dark:hover:bg-zinc-800/50 dark:focus-within:bg-zinc-800/50"
                  >
                    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                      <LiveRowHead
                        row={{
                          id: incident.id,
                          reference: ref,
                          title: incident.title,
                          severity: incident.severity,
                          status: incident.status,
                          version: incident.version,
                        }}
                      />
                    </div>
                    <div className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
                      {linked.length ? (
                        <span className="inline-flex min-w-0 items-center gap-1">
                          <Server aria-hidden className="h-3 w-3 shrink-0" />
                          <span className="sr-only">Services: </span>
                          <span className="truncate font-medium text-zinc-800 dark:text-zinc-200">{linked.map((s) => s.name).join(", ")}</span>
                        </span>
                      ) : null}
                      <span>
                        Commander: <LiveCommander id={incident.id} name={incident.commander?.name ?? null} />
                      </span>
                      <span>
                        Declared <LocalTime ms={incident.declaredAt} />
                      </span>
                      <span>
                        {isActive(incident.status) ? "Open for " : "Lasted "}
                        <Elapsed since={incident.startedAt} until={incident.resolvedAt ?? incident.closedAt ?? null} />
                      </span>
                      {incident.private ? (
                        <span className="inline-flex items-center gap-1 font-medium text-violet-700 dark:text-violet-300">
                          <Lock aria-hidden className="h-3 w-3" /> Private
                        </span>
                      ) : null}
                      {incident.drill ? (
                        <span className="inline-flex items-center gap-1 font-medium text-teal-700 dark:text-teal-300">
                          <FlaskConical aria-hidden className="h-3 w-3" /> Drill
                        </span>
                      ) : null}
                      {stale ? <StaleMarker since={last} /> : null}
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      </LiveIncidentList>
      <Pager firstHref={cursor ? listHref(params) : null} nextHref={nextHref} />
    </div>
  );
}
