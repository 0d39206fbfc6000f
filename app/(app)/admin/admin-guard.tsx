import "server-only";
import Link from "next/link";
import { ShieldAlert } from "lucide-react";
import { requireActor } from "@/server/auth/session";
import { can } from "@/lib/policy";
import type { UserRole } from "@/lib/roles";
import { cardClass } from "@/app/components/ui";

/**
 * The signed-in admin, or null. Pages call it as well as the layout: a layout is kept
 * across client navigation, so a person demoted mid-session is caught by the page.
 * The data layer checks the role again on every read and write.
 */
export async function adminActor() {
  const actor = await requireActor();
  return can(actor, "admin", "open") ? actor : null;
}

/** Shown instead of an admin page to anyone without the admin role. */
export function AdminForbidden({ role }: { role?: UserRole }) {
  return (
    <section aria-labelledby="forbidden-title" className={`${cardClass} mx-auto mt-8 max-w-lg p-6 text-center`}>
      <ShieldAlert aria-hidden className="mx-auto h-10 w-10 text-amber-600" />
      <p className="mt-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase">403 · Forbidden</p>
      <h1 id="forbidden-title" className="mt-1 text-lg font-semibold">
        You need the admin role
      </h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        Users, API tokens and the audit log are managed by admins.
        {role ? ` You are signed in as a ${role}.` : null} Ask an admin if you need access.
      </p>
      <Link href="/incidents" className="mt-4 inline-block text-sm font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">
        Back to incidents
      </Link>
    </section>
  );
}
