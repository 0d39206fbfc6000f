import type { Metadata } from "next";
import { listUsers } from "@/db/queries/admin/users";
import { PASSWORD_MIN } from "@/lib/password-rules";
import { cardClass } from "@/app/components/ui";
import { AdminForbidden, adminActor } from "../admin-guard";
import { AdminTable, TableSection } from "@/app/components/admin-table";
import { CreateUserForm } from "./create-user-form";
import { UserRow } from "./user-row";
import { SignInLimits } from "./sign-in-limits";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await adminActor();
  if (!actor) return <AdminForbidden />;
  const users = await listUsers({ actor });
  const active = users.filter((u) => !u.disabled).length;
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Users</h1>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          {users.length} {users.length === 1 ? "person" : "people"}, {active} active. Changing someone&rsquo;s role, password or status signs them out
          everywhere.
        </p>
      </div>
      <TableSection titleId="users-table-title" title="All users">
        <AdminTable columns={["User", "Role", "Status", "Created"]} actions="shown">
          {users.map((user) => (
            <UserRow key={user.id} user={user} isSelf={user.id === actor.userId} passwordMin={PASSWORD_MIN} />
          ))}
        </AdminTable>
      </TableSection>
      <SignInLimits actor={actor} />
      <section className={`${cardClass} p-4 sm:p-5`}>
        <CreateUserForm passwordMin={PASSWORD_MIN} />
      </section>
    </div>
  );
}
