import type { Metadata } from "next";
import { requireActor } from "@/server/auth/session";
import { PASSWORD_MIN } from "@/lib/password-rules";
import { ROLE_DESCRIPTIONS } from "@/lib/roles";
import { cardClass } from "@/app/components/ui";
import { roleLabel } from "../admin/role-label";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const actor = await requireActor();
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-xl font-semibold">Account</h1>
      <section aria-labelledby="profile-title" className={`${cardClass} p-4 sm:p-5`}>
        <h2 id="profile-title" className="text-base font-semibold">
          Your profile
        </h2>
        <dl className="mt-3 space-y-3 text-sm">
          <div className="sm:grid sm:grid-cols-[8rem_1fr] sm:gap-x-6">
            <dt className="font-medium text-zinc-500 dark:text-zinc-400">Name</dt>
            <dd>{actor.name}</dd>
          </div>
          <div className="sm:grid sm:grid-cols-[8rem_1fr] sm:gap-x-6">
            <dt className="font-medium text-zinc-500 dark:text-zinc-400">Email</dt>
            <dd className="break-all">{actor.email}</dd>
          </div>
          <div className="sm:grid sm:grid-cols-[8rem_1fr] sm:gap-x-6">
            <dt className="font-medium text-zinc-500 dark:text-zinc-400">Role</dt>
            <dd>
              <span className="font-medium">{roleLabel(actor.role)}</span>
              <span className="block text-zinc-500 dark:text-zinc-400">{ROLE_DESCRIPTIONS[actor.role]}.</span>
            </dd>
          </div>
        </dl>
        <p className="mt-4 text-xs text-zinc-500 dark:text-zinc-400">An admin changes names, roles and email addresses.</p>
      </section>
      <section className={`${cardClass} p-4 sm:p-5`}>
        <ChangePasswordForm email={actor.email} passwordMin={PASSWORD_MIN} />
      </section>
    </div>
  );
}
