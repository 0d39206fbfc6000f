import type { Metadata } from "next";
import { listTeams } from "@/db/queries/admin/teams";
import { listActiveUsers } from "@/db/queries/admin/users";
import { cardClass } from "@/app/components/ui";
import { AdminForbidden, adminActor } from "../admin-guard";
import { AdminTable, TableSection } from "@/app/components/admin-table";
import { CreateTeamForm } from "./create-team-form";
import { TeamRow } from "./team-row";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const actor = await adminActor();
  if (!actor) return <AdminForbidden />;
  const teams = await listTeams({ actor });
  const people = (await listActiveUsers({ actor })).map(({ id, name, email }) => ({ id, name, email }));
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
      <TableSection titleId="teams-table-title" title="All teams" isEmpty={teams.length === 0} empty="No teams yet. Add the first one above.">
        <AdminTable columns={["Team", "Members", "Services"]} actions="shown">
          {teams.map((team) => (
            <TeamRow key={team.id} team={team} people={people} />
          ))}
        </AdminTable>
      </TableSection>
    </div>
  );
}
