import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/server/auth/session";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/policy";
import { listServices, type ServiceSummary } from "@/db/queries/catalogue/services";
import { listTeams } from "@/db/queries/admin/teams";
import { BudgetStatusBadge } from "@/app/components/budget-status-badge";
import { cardClass } from "@/app/components/ui";
import { cellLabelClass, tableClass, tbodyClass, tdClass, tdWideClass, thClass, theadClass, trClass } from "../admin/table-classes";
import { AddServicePanel } from "./add-service-panel";
import { ServiceFilters, type CatalogueFilter } from "./service-filters";
import { TierBadge } from "./tier";

export const metadata: Metadata = { title: "Services" };

type Search = { q?: string; team?: string; tier?: string; openIncident?: string; atRisk?: string };
const one = (v: unknown) => (typeof v === "string" ? v : "");

export default async function ServicesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const current: CatalogueFilter = {
    q: one(params.q),
    team: one(params.team),
    tier: one(params.tier),
    openIncident: one(params.openIncident) === "1",
    atRisk: one(params.atRisk) === "1",
  };
  const teams = (await listTeams({ actor })).map(({ id, name }) => ({ id, name }));
  let services: ServiceSummary[] = [];
  let problem: string | null = null;
  try {
    services = await listServices({
      actor,
      query: {
        q: current.q || undefined,
        team: current.team || undefined,
        tier: current.tier || undefined,
        openIncident: current.openIncident ? "1" : undefined,
        atRisk: current.atRisk ? "1" : undefined,
      },
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problem = error.message;
  }
  const filtered = Boolean(current.q || current.team || current.tier || current.openIncident || current.atRisk);
  const canCreate = can(actor, "service", "create");

  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Services</h1>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">What incidents hurt: owners, tiers and how much error budget each SLO has left.</p>
        </div>
        {canCreate ? <AddServicePanel teams={teams} /> : null}
      </div>
      <ServiceFilters key={JSON.stringify(current)} current={current} teams={teams} />
      {problem ? (
        <p
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
        >
          {problem}
        </p>
      ) : null}
      <section aria-labelledby="services-table-title" className={`${cardClass} overflow-hidden`}>
        <h2 id="services-table-title" className="sr-only">
          {filtered ? "Matching services" : "All services"}
        </h2>
        <p className="border-b border-zinc-200 px-3 py-2 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400" aria-live="polite">
          {services.length} {services.length === 1 ? "service" : "services"}
          {filtered ? " match these filters" : ""}
        </p>
        {services.length === 0 ? (
          <p className="px-4 py-10 text-center text-sm text-zinc-500">
            {filtered ? "No services match these filters." : canCreate ? "No services yet. Add the first one above." : "No services yet. An admin adds them."}
          </p>
        ) : (
          <table className={tableClass}>
            <thead className={theadClass}>
              <tr>
                <th scope="col" className={thClass}>
                  Service
                </th>
                <th scope="col" className={thClass}>
                  Tier
                </th>
                <th scope="col" className={thClass}>
                  Owner team
                </th>
                <th scope="col" className={thClass}>
                  SLO budget
                </th>
                <th scope="col" className={`${thClass} md:text-right`}>
                  Open incidents
                </th>
              </tr>
            </thead>
            <tbody className={tbodyClass}>
              {services.map((s) => (
                <tr key={s.id} className={trClass}>
                  <td className={tdWideClass}>
                    <span className="block">
                      <Link href={`/services/${s.slug}`} className="font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">
                        {s.name}
                      </Link>
                    </span>
                    <span className="block font-mono text-xs break-all text-zinc-500">{s.slug}</span>
                  </td>
                  <td className={tdClass}>
                    <span className={cellLabelClass}>Tier</span>
                    <TierBadge tier={s.tier} />
                  </td>
                  <td className={tdClass}>
                    <span className={cellLabelClass}>Owner team</span>
                    {s.teamName ? <span>{s.teamName}</span> : <span className="text-zinc-500 italic">No owner</span>}
                  </td>
                  <td className={tdClass}>
                    <span className={cellLabelClass}>SLO budget</span>
                    <span className="flex flex-wrap items-center gap-1.5">
                      <BudgetStatusBadge status={s.worstStatus} prefix="Budget:" />
                      {s.sloCount > 0 ? (
                        <span className="text-xs text-zinc-500">
                          {s.sloCount} {s.sloCount === 1 ? "SLO" : "SLOs"}
                        </span>
                      ) : null}
                    </span>
                  </td>
                  <td className={`${tdClass} md:text-right`}>
                    <span className={cellLabelClass}>Open incidents</span>
                    {s.openIncidents > 0 ? (
                      <Link
                        href={`/incidents?${new URLSearchParams({ service: s.slug, status: "active" })}`}
                        className="inline-flex items-center gap-1 rounded-full bg-red-50 px-2 py-0.5 text-sm font-semibold text-red-800 hover:underline dark:bg-red-950 dark:text-red-200"
                        aria-label={`${s.openIncidents} open ${s.openIncidents === 1 ? "incident" : "incidents"} on ${s.name}`}
                      >
                        {s.openIncidents}
                      </Link>
                    ) : (
                      <span className="text-zinc-500">0</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
