import type { Metadata } from "next";
import Link from "next/link";
import { FlaskConical } from "lucide-react";
import { requireActor } from "@/server/auth/session";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/policy";
import { listPostmortems } from "@/db/queries/postmortems/list";
import { getRequiredSeverities } from "@/db/queries/admin/settings";
import { SeverityPill } from "@/app/components/severity-pill";
import { LocalTime } from "@/app/components/local-time";
import { cardClass, primaryButtonClass } from "@/app/components/ui";
import { Pager, ProblemAlert } from "@/app/components/list-page";
import { DueBadge, PostmortemStatusBadge } from "../incidents/[ref]/postmortem/postmortem-badges";
import { startPostmortemAction } from "../incidents/[ref]/postmortem/actions";
import { PostmortemFilters } from "./postmortem-filters";

export const metadata: Metadata = { title: "Postmortems" };

type Search = { status?: string; q?: string; due?: string; cursor?: string };

export default async function PostmortemsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const canWrite = can(actor, "postmortem", "start");
  const current = { status: params.status ?? "", due: params.due ?? "", q: params.q ?? "" };
  let result: Awaited<ReturnType<typeof listPostmortems>> | null = null;
  let problem: string | null = null;
  try {
    result = await listPostmortems({
      actor,
      query: { status: current.status || undefined, due: current.due || undefined, q: current.q || undefined, cursor: params.cursor || undefined, limit: 50 },
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problem = error.message;
  }
  const now = Date.now();
  const keep = Object.fromEntries(Object.entries(current).filter(([, v]) => v));
  const nextHref = result?.nextCursor ? `/postmortems?${new URLSearchParams({ ...keep, cursor: result.nextCursor })}` : null;
  const filtered = Object.keys(keep).length > 0;

  return (
    <div className="mx-auto max-w-6xl">
      <div className="mb-4">
        <h1 className="text-2xl font-semibold tracking-tight">Postmortems</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {requiredText(await getRequiredSeverities({ actor }))}, due 5 business days after it resolves.
          {canWrite ? " Required ones nobody has started are listed too." : " Only published postmortems are shown to viewers."}
        </p>
      </div>
      <PostmortemFilters current={current} showNotStarted={canWrite} />
      <ProblemAlert problem={problem} />
      <div className={`${cardClass} mt-4 overflow-hidden`}>
        {result && result.items.length === 0 ? (
          <p className="px-4 py-10 text-center text-sm text-zinc-500">{filtered ? "No postmortems match these filters." : "No postmortems yet."}</p>
        ) : (
          <table className="w-full text-sm">
            <caption className="sr-only">Postmortems</caption>
            <thead className="hidden border-b border-zinc-200 bg-zinc-50 text-left text-xs text-zinc-600 md:table-header-group dark:border-zinc-800 dark:bg-zinc-900/60 dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Incident
                </th>
                <th scope="col" className="px-2 py-2 font-medium">
                  Status
                </th>
                <th scope="col" className="px-2 py-2 font-medium">
                  Owner
                </th>
                <th scope="col" className="px-2 py-2 font-medium">
                  Deadline
                </th>
                <th scope="col" className="px-2 py-2 font-medium">
                  Updated
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {result?.items.map((item) => (
                <tr
                  key={item.incidentId}
                  className={`flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 md:table-row md:px-0 md:py-0 ${item.due.state === "overdue" ? "bg-red-50/60 dark:bg-red-950/20" : ""}`}
                >
                  <td className="w-full min-w-0 md:w-auto md:px-4 md:py-2.5">
                    <div className="flex min-w-0 items-center gap-2">
                      <SeverityPill severity={item.severity} />
                      <span className="font-mono text-xs text-zinc-500">{item.reference}</span>
                      {item.drill ? <FlaskConical aria-label="Drill" className="h-3.5 w-3.5 text-teal-600" /> : null}
                    </div>
                    <Link
                      href={item.status === "not_started" ? `/incidents/${item.reference}` : `/incidents/${item.reference}/postmortem`}
                      data-row-link
                      className="mt-0.5 block font-medium break-words hover:underline"
                    >
                      {item.title}
                    </Link>
                  </td>
                  <td className="md:px-2 md:py-2.5">
                    <PostmortemStatusBadge status={item.status === "not_started" ? null : item.status} />
                  </td>
                  <td className="text-xs text-zinc-700 md:px-2 md:py-2.5 md:text-sm md:whitespace-nowrap dark:text-zinc-300">
                    <span className="md:hidden">Owner: </span>
                    {item.ownerName ?? <span className="text-zinc-500">none</span>}
                  </td>
                  <td className="md:px-2 md:py-2.5">
                    <DueBadge due={item.due} now={now} />
                  </td>
                  <td className="text-xs text-zinc-600 md:px-2 md:py-2.5 dark:text-zinc-400">
                    {item.updatedAt ? (
                      <>
                        <span className="md:hidden">Updated </span>
                        <LocalTime ms={item.updatedAt} />
                      </>
                    ) : item.resolvedAt ? (
                      <>
                        Resolved <LocalTime ms={item.resolvedAt} />
                      </>
                    ) : null}
                  </td>
                  <td className="ml-auto md:px-4 md:py-2.5 md:text-right">
                    {item.status === "not_started" && canWrite ? (
                      <form action={startPostmortemAction}>
                        <input type="hidden" name="reference" value={item.reference} />
                        <button type="submit" className={`${primaryButtonClass} px-2.5 py-1 text-xs`} aria-label={`Start postmortem for ${item.reference}`}>
                          Start
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <Pager firstHref={params.cursor ? (filtered ? `/postmortems?${new URLSearchParams(keep)}` : "/postmortems") : null} nextHref={nextHref} />
    </div>
  );
}

/** "Every SEV1 and SEV2 gets a blameless postmortem", following Admin → Settings. */
function requiredText(severities: string[]): string {
  if (severities.length === 0) return "No severity requires a postmortem, but a SEV3/SEV4 whose spend exhausts an error budget still needs one";
  const list = severities.length === 1 ? severities[0] : `${severities.slice(0, -1).join(", ")} and ${severities.at(-1)}`;
  return `Every ${list} gets a blameless postmortem`;
}
