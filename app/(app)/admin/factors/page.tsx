import type { Metadata } from "next";
import { listFactors } from "@/db/queries/admin/factors";
import { factorUsageCounts } from "@/db/queries/admin/factors";
import { FACTOR_NAME_MAX } from "@/lib/validation/postmortem";
import { cardClass } from "@/app/components/ui";
import { AdminForbidden, adminActor } from "../admin-guard";
import { AdminTable, TableSection } from "@/app/components/admin-table";
import { CreateFactorForm } from "./create-factor-form";
import { FactorRow } from "./factor-row";

export const metadata: Metadata = { title: "Contributing factors" };

export default async function FactorsPage() {
  const actor = await adminActor();
  if (!actor) return <AdminForbidden />;
  const uses = await factorUsageCounts({ actor });
  const factors = (await listFactors({ actor, includeArchived: true }))
    .map((f) => ({ ...f, uses: uses.get(f.id) ?? 0 }))
    // Active first, then archived; by name within each.
    .sort((a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name));
  const active = factors.filter((f) => !f.archived).length;
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Contributing factors</h1>
        <p className="max-w-3xl text-sm text-zinc-500 dark:text-zinc-400">
          {factors.length} {factors.length === 1 ? "factor" : "factors"}, {active} active. Postmortem authors tag incidents with these, so the learning reports
          can count incidents by factor. Renaming keeps the tags on existing postmortems; archiving hides a factor from the picker but keeps it where it was
          used.
        </p>
      </div>
      <section className={`${cardClass} p-4 sm:p-5`}>
        <CreateFactorForm nameMax={FACTOR_NAME_MAX} />
      </section>
      <TableSection
        titleId="factors-table-title"
        title="All contributing factors"
        isEmpty={factors.length === 0}
        empty="No contributing factors yet. Add the first one above."
      >
        <AdminTable columns={["Factor", "Description", "Status", "Used by"]} actions="shown">
          {factors.map((factor) => (
            <FactorRow key={factor.id} factor={factor} nameMax={FACTOR_NAME_MAX} />
          ))}
        </AdminTable>
      </TableSection>
    </div>
  );
}
