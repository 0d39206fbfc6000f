import type { Metadata } from "next";
import { getOrgTimeZone, getRequiredSeverities, getUpdateCadence } from "@/db/queries/admin/settings";
import { cardClass } from "@/app/components/ui";
import { AdminForbidden, adminActor } from "../admin-guard";
import { RequiredSeveritiesForm } from "./required-severities-form";
import { TimeZoneForm } from "./time-zone-form";
import { UpdateCadenceForm } from "./update-cadence-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const actor = await adminActor();
  if (!actor) return <AdminForbidden />;
  const required = await getRequiredSeverities({ actor });
  const timeZone = await getOrgTimeZone({ actor });
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Settings</h1>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          Organisation-wide rules for incidents and postmortems. Every change is recorded in the audit log.
        </p>
      </div>
      <section className={`${cardClass} p-4 sm:p-5`}>
        <RequiredSeveritiesForm initial={required} />
      </section>
      <section className={`${cardClass} p-4 sm:p-5`}>
        <UpdateCadenceForm initial={await getUpdateCadence({ actor })} />
      </section>
      <section className={`${cardClass} p-4 sm:p-5`}>
        <TimeZoneForm initial={timeZone} />
      </section>
    </div>
  );
}
