import type { Metadata } from "next";
import { listTeams } from "@/db/queries/teams";
import { listActiveUsers } from "@/db/queries/users";
import { cardClass } from "@/app/components/ui";
import { AdminForbidden, adminActor } from "../admin-guard";
import { tableClass, tbodyClass, thClass, theadClass } from "../table-classes";
import { CreateTeamForm } from "./create-team-form";
import { TeamRow } from "./team-row";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const actor = await adminActor();
  if (!actor) return <AdminForbidden />;
  const teams = listTeams();
  const people = listActiveUsers().map(({ id, name, email }) => ({ id, name, email }));
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Teams</h1>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          {teams.length} {teams.length === 1 ? "team" : "teams"}. Teams own services, and their members can see the private incidents on those services.
        </p>
      </div>
      <section className={`${cardClass} p-4 sm:p-5`}>
        <CreateTeamForm />
      </section>
      <section aria-labelledby="teams-table-title" className={`${cardClass} overflow-hidden`}>
        <h2 id="teams-table-title" className="sr-only">
          All teams
        </h2>
        {teams.length === 0 ? (
          <p className="px-4 py-10 text-center text-sm text-zinc-500">No teams yet. Add the first one above.</p>
        ) : (
          <table className={tableClass}>
            <thead className={theadClass}>
              <tr>
                <th scope="col" className={thClass}>
                  Team
                </th>
                <th scope="col" className={thClass}>
                  Members
                </th>
                <th scope="col" className={thClass}>
                  Services
                </th>
                <th scope="col" className={`${thClass} text-right`}>
                  Actions
                </th>
              </tr>
            </thead>
            <tbody className={tbodyClass}>
              {teams.map((team) => (
                <TeamRow key={team.id} team={team} people={people} />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
