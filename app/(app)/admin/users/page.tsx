import type { Metadata } from "next";
import { listUsers } from "@/db/queries/users";
import { PASSWORD_MIN } from "@/server/auth/password";
import { cardClass } from "@/app/components/ui";
import { AdminForbidden, adminActor } from "../admin-guard";
import { tableClass, tbodyClass, thClass, theadClass } from "../table-classes";
import { CreateUserForm } from "./create-user-form";
import { UserRow } from "./user-row";
import { SignInLimits } from "./sign-in-limits";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await adminActor();
  if (!actor) return <AdminForbidden />;
  const users = listUsers({ actor });
  const active = users.filter((u) => !u.disabled).length;
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Users</h1>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          {users.length} {users.length === 1 ? "person" : "people"}, {active} active. Changing someone&rsquo;s role, password or status signs them out everywhere.
        </p>
      </div>
      <section aria-labelledby="users-table-title" className={`${cardClass} overflow-hidden`}>
        <h2 id="users-table-title" className="sr-only">
          All users
        </h2>
        <table className={tableClass}>
          <thead className={theadClass}>
            <tr>
              <th scope="col" className={thClass}>
                User
              </th>
              <th scope="col" className={thClass}>
                Role
              </th>
              <th scope="col" className={thClass}>
                Status
              </th>
              <th scope="col" className={thClass}>
                Created
              </th>
              <th scope="col" className={`${thClass} text-right`}>
                Actions
              </th>
            </tr>
          </thead>
          <tbody className={tbodyClass}>
            {users.map((user) => (
              <UserRow key={user.id} user={user} isSelf={user.id === actor.userId} passwordMin={PASSWORD_MIN} />
            ))}
          </tbody>
        </table>
      </section>
      <SignInLimits actor={actor} />
      <section className={`${cardClass} p-4 sm:p-5`}>
        <CreateUserForm passwordMin={PASSWORD_MIN} />
      </section>
    </div>
  );
}
