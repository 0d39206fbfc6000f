import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BookOpen, ExternalLink, Users } from "lucide-react";
import { requireActor } from "@/server/auth/session";
import { AppError } from "@/lib/errors";
import { formatDuration } from "@/lib/format-time";
import { can } from "@/lib/policy";
import { getService, serviceIncidents } from "@/db/queries/catalogue/services";
import { sloBurnDowns, spenderTitles } from "@/db/queries/catalogue/budgets";
import { listTeams } from "@/db/queries/admin/teams";
import { BudgetStatusBadge } from "@/app/components/budget-status-badge";
import { Markdown } from "@/app/components/markdown";
import { cardClass } from "@/app/components/ui";
import { TierBadge } from "../tier";
import { CurrentCondition, IncidentHistory } from "./incident-lists";
import { medianTimeToResolve } from "./resolve-times";
import { ServiceEditor } from "./service-editor";
import { SloCard } from "./slo-card";
import { AddSlo } from "./slo-controls";
import { decodeSegment } from "@/lib/http/path-segment";
import { Breadcrumb } from "@/app/components/breadcrumb";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string }> };

const HISTORY_PAGE_SIZE = 10;
// The median covers this many of the newest past incidents: enough for a stable figure, cheap to read.
const MEDIAN_SAMPLE = 200;

async function load(slug: string) {
  const actor = await requireActor();
  const decoded = decodeSegment(slug);
  if (decoded === null) notFound();
  try {
    return { actor, service: await getService({ actor, slug: decoded }) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { service } = await load((await params).slug);
  return { title: service.name };
}

export default async function ServicePage({ params, searchParams }: Props) {
  const { actor, service } = await load((await params).slug);
  const page = Math.max(1, Math.floor(Number((await searchParams).page)) || 1);
  const canEdit = can(actor, "service", "edit");
  const isAdmin = can(actor, "service", "edit-ownership");

  const active = await serviceIncidents({ actor, serviceId: service.id, open: true, page: 1, pageSize: 20 });
  const history = await serviceIncidents({ actor, serviceId: service.id, open: false, page, pageSize: HISTORY_PAGE_SIZE });
  const sample = await serviceIncidents({ actor, serviceId: service.id, open: false, page: 1, pageSize: MEDIAN_SAMPLE });
  const ttr = medianTimeToResolve(sample.items.map((i) => i.incident));
  const pages = Math.max(1, Math.ceil(history.total / HISTORY_PAGE_SIZE));

  const titles = await spenderTitles({ actor, budgets: service.slos.map((s) => s.budget) });
  const burnDowns = await sloBurnDowns({ actor, slos: service.slos });
  const teams = isAdmin ? (await listTeams({ actor })).map(({ id, name }) => ({ id, name })) : [];
  const pageHref = (p: number) => `/services/${service.slug}${p > 1 ? `?page=${p}` : ""}#history`;

  return (
    <div className="mx-auto max-w-6xl space-y-5">
      <div>
        <Breadcrumb href="/services" label="Services">
          <span className="font-mono">{service.slug}</span>
        </Breadcrumb>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight break-words">{service.name}</h1>
            <div className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1.5 text-sm">
              <TierBadge tier={service.tier} />
              <span className="inline-flex items-center gap-1 text-zinc-700 dark:text-zinc-300">
                <Users aria-hidden className="h-4 w-4 text-zinc-500" />
                <span className="text-zinc-500">Owner team:</span> {service.teamName ?? <span className="italic">none</span>}
              </span>
              {service.slos.length ? <BudgetStatusBadge status={service.worstStatus} prefix="Budget:" /> : null}
            </div>
          </div>
          {canEdit ? (
            <ServiceEditor
              full={isAdmin}
              teams={teams}
              version={service.version}
              service={{
                slug: service.slug,
                name: service.name,
                description: service.description,
                teamId: service.teamId,
                tier: service.tier,
                runbookUrl: service.runbookUrl,
                links: service.links,
              }}
            />
          ) : null}
        </div>
        <ul aria-label="Links" className="mt-3 flex flex-wrap gap-2 text-sm">
          {service.runbookUrl ? (
            <li>
              <a
                href={service.runbookUrl}
                target="_blank"
                rel="noopener noreferrer nofollow"
                className="inline-flex items-center gap-1.5 rounded-md border border-blue-200 bg-blue-50 px-2.5 py-1 font-medium text-blue-800 hover:underline dark:border-blue-900 dark:bg-blue-950 dark:text-blue-200"
              >
                <BookOpen aria-hidden className="h-4 w-4" /> Runbook
              </a>
            </li>
          ) : (
            <li className="px-1 py-1 text-zinc-500 italic">No runbook linked</li>
          )}
          {service.links.map((link, i) => (
            <li key={`${link.url}-${i}`} className="min-w-0">
              <a
                href={link.url}
                target="_blank"
                rel="noopener noreferrer nofollow"
                className="inline-flex max-w-full items-center gap-1.5 rounded-md border border-zinc-200 px-2.5 py-1 text-zinc-800 hover:underline dark:border-zinc-800 dark:text-zinc-200"
              >
                <ExternalLink aria-hidden className="h-4 w-4 shrink-0" /> <span className="truncate">{link.label}</span>
              </a>
            </li>
          ))}
        </ul>
      </div>

      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <section aria-labelledby="condition-heading" className={`${cardClass} p-4`}>
          <h2 id="condition-heading" className="mb-2 text-sm font-semibold">
            Current condition
          </h2>
          <CurrentCondition items={active.items} total={active.total} slug={service.slug} />
        </section>
        <section aria-labelledby="description-heading" className={`${cardClass} p-4`}>
          <h2 id="description-heading" className="mb-2 text-sm font-semibold">
            Description
          </h2>
          {service.description ? <Markdown>{service.description}</Markdown> : <p className="text-sm text-zinc-500">No description yet.</p>}
        </section>
      </div>

      <section aria-labelledby="slos-heading">
        <div className="mb-2 flex flex-wrap items-end justify-between gap-2">
          <div>
            <h2 id="slos-heading" className="text-lg font-semibold">
              SLOs and error budgets
            </h2>
            <p className="text-xs text-zinc-500 dark:text-zinc-400">
              Budget = window minutes × (1 − objective). Incidents spend impact minutes × weight (full outage 1, partial 0.5, degraded 0.25); drills spend
              nothing.
            </p>
          </div>
        </div>
        {service.slos.length === 0 ? (
          <p className={`${cardClass} px-4 py-6 text-sm text-zinc-500`}>No SLOs yet.{isAdmin ? " Add one to track an error budget." : ""}</p>
        ) : (
          <div className="grid gap-4 xl:grid-cols-2">
            {service.slos.map((slo) => (
              <SloCard key={slo.id} slug={service.slug} slo={slo} burnDown={burnDowns.get(slo.id) ?? []} titles={titles} canManage={isAdmin} />
            ))}
          </div>
        )}
        {isAdmin ? (
          <div className="mt-3">
            <AddSlo slug={service.slug} first={service.slos.length === 0} />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="history-heading" id="history" className="scroll-mt-16">
        <div className="mb-2 flex flex-wrap items-end justify-between gap-2">
          <div>
            <h2 id="history-heading" className="text-lg font-semibold">
              Incident history
            </h2>
            <p className="text-xs text-zinc-500 dark:text-zinc-400">Resolved and closed incidents, newest first.</p>
          </div>
          <p className="text-sm" title="Time to resolve = resolved − impact started. Drills and incidents without a resolved time are left out.">
            Median time to resolve: <strong className="font-semibold">{ttr.median === null ? "—" : formatDuration(ttr.median)}</strong>{" "}
            <span className="text-xs text-zinc-500">
              ({ttr.counted} {ttr.counted === 1 ? "incident" : "incidents"}
              {sample.total > sample.items.length ? `, newest ${sample.items.length}` : ""}
              {ttr.drills ? `; ${ttr.drills} ${ttr.drills === 1 ? "drill" : "drills"} left out` : ""}
              {ttr.missing ? `; ${ttr.missing} without a resolved time` : ""})
            </span>
          </p>
        </div>
        <div className={`${cardClass} overflow-hidden`}>
          {history.items.length === 0 ? (
            <p className="px-4 py-6 text-sm text-zinc-500">{page > 1 ? "No incidents on this page." : "No past incidents on this service."}</p>
          ) : (
            <IncidentHistory items={history.items} />
          )}
        </div>
        {pages > 1 ? (
          <nav aria-label="History pages" className="mt-2 flex items-center justify-between text-sm">
            {page > 1 ? (
              <Link href={pageHref(page - 1)} className="text-blue-700 underline dark:text-blue-400">
                ← Newer
              </Link>
            ) : (
              <span />
            )}
            <span className="text-zinc-500">
              Page {page} of {pages}
            </span>
            {page < pages ? (
              <Link href={pageHref(page + 1)} className="text-blue-700 underline dark:text-blue-400">
                Older →
              </Link>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
