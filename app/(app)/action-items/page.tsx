import type { Metadata } from "next";
import Link from "next/link";
import { ArrowDown, ArrowUp, ClipboardCheck } from "lucide-react";
import { requireActor } from "@/server/auth/session";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/policy";
import { ORGANISATION_TIME_ZONE, todayIn } from "@/lib/action-items";
import { listActionItems } from "@/db/queries/action-items/list";
import { listActiveUsers } from "@/db/queries/admin/users";
import { listTeams } from "@/db/queries/admin/teams";
import { listServicePickerChoices } from "@/db/queries/catalogue/picker";
import { cardClass } from "@/app/components/ui";
import { Pager, ProblemAlert } from "@/app/components/list-page";
import { tableClass, tbodyClass, thClass, theadClass } from "../admin/table-classes";
import { ActionItemFilters, actionItemsHref, type ActionItemFilterValues } from "./action-item-filters";
import { ActionItemRow } from "./action-item-row";

export const metadata: Metadata = { title: "Action items" };

type Search = Partial<Record<"owner" | "team" | "service" | "status" | "priority" | "overdue" | "incident" | "sort" | "cursor", string>>;

const PAGE_SIZE = 50;

export default async function ActionItemsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const current: ActionItemFilterValues = {
    owner: params.owner ?? "",
    team: params.team ?? "",
    service: params.service ?? "",
    status: params.status ?? "",
    priority: params.priority ?? "",
    overdue: params.overdue === "1" || params.overdue === "true",
    incident: params.incident ?? "",
    sort: params.sort === "-due" ? "-due" : "due",
  };
  const query = {
    owner: current.owner || undefined,
    team: current.team || undefined,
    service: current.service || undefined,
    // Unfinished items unless asked otherwise: the list is a to-do list first.
    status: current.status === "all" ? undefined : current.status || "open,in_progress",
    priority: current.priority || undefined,
    overdue: current.overdue ? "1" : undefined,
    incident: current.incident || undefined,
    sort: current.sort,
    cursor: params.cursor || undefined,
    limit: PAGE_SIZE,
  };
  let result: Awaited<ReturnType<typeof listActionItems>> | null = null;
  let problem: string | null = null;
  try {
    result = await listActionItems({ actor, query });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problem = error.message;
  }
  const canEdit = can(actor, "action-item", "edit");
  const users = (await listActiveUsers({ actor })).map(({ id, name }) => ({ id, name }));
  const teams = (await listTeams({ actor })).map(({ id, name }) => ({ id, name }));
  const services = (await listServicePickerChoices({ actor })).map(({ slug, name }) => ({ slug, name }));
  const today = todayIn(ORGANISATION_TIME_ZONE);
  const filtered = Boolean(current.owner || current.team || current.service || current.status || current.priority || current.overdue || current.incident);
  const sortHref = actionItemsHref(current, { sort: current.sort === "due" ? "-due" : "due" });

  return (
    <div className="mx-auto max-w-7xl">
      <div className="mb-4">
        <h1 className="text-2xl font-semibold tracking-tight">Action items</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Follow-up work from incidents and their postmortems. An item is overdue when it is neither done nor dropped and its due day has passed (UTC).
        </p>
      </div>
      <ActionItemFilters current={current} users={users} teams={teams} services={services} />
      <ProblemAlert problem={problem} />
      <section aria-labelledby="action-items-table-title" className={`${cardClass} mt-4 overflow-hidden`}>
        <h2 id="action-items-table-title" className="sr-only">
          Action items
        </h2>
        {result && result.items.length === 0 ? (
          <div className="px-4 py-12 text-center">
            <ClipboardCheck aria-hidden className="mx-auto h-8 w-8 text-zinc-400" />
            <p className="mt-2 font-medium">{filtered ? "No action items match these filters." : "No unfinished action items."}</p>
            <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">
              {filtered ? (
                <Link href="/action-items" className="text-blue-700 underline dark:text-blue-400">
                  Clear filters
                </Link>
              ) : (
                "Action items are added from an incident page or its postmortem."
              )}
            </p>
          </div>
        ) : result ? (
          <div className="md:overflow-x-auto">
            <table className={tableClass}>
              <thead className={theadClass}>
                <tr>
                  <th scope="col" className={`${thClass} pl-4`}>
                    Action item
                  </th>
                  <th scope="col" className={thClass}>
                    Incident
                  </th>
                  <th scope="col" className={thClass}>
                    Owner
                  </th>
                  <th scope="col" className={`${thClass} px-2!`}>
                    Priority
                  </th>
                  <th scope="col" className={thClass} aria-sort={current.sort === "due" ? "ascending" : "descending"}>
                    <Link href={sortHref} className="inline-flex items-center gap-1 uppercase hover:text-zinc-900 dark:hover:text-white">
                      Due date
                      {current.sort === "due" ? <ArrowUp aria-hidden className="h-3.5 w-3.5" /> : <ArrowDown aria-hidden className="h-3.5 w-3.5" />}
                      <span className="sr-only">{current.sort === "due" ? "(soonest first; sort latest first)" : "(latest first; sort soonest first)"}</span>
                    </Link>
                  </th>
                  <th scope="col" className={thClass}>
                    Status
                  </th>
                  <th scope="col" className={thClass}>
                    Tracker
                  </th>
                </tr>
              </thead>
              <tbody className={tbodyClass}>
                {result.items.map((item) => (
                  <ActionItemRow key={item.id} item={item} today={today} canEdit={canEdit} users={users} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <Pager
        firstHref={params.cursor ? actionItemsHref(current) : null}
        nextHref={result?.nextCursor ? `${actionItemsHref(current)}${actionItemsHref(current).includes("?") ? "&" : "?"}cursor=${result.nextCursor}` : null}
      />
    </div>
  );
}
