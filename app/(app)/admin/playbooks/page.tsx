import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { listPlaybooks } from "@/db/queries/catalogue/playbooks";
import { primaryButtonClass } from "@/app/components/ui";
import { AdminForbidden, adminActor } from "../admin-guard";
import { FormMessage } from "../form-message";
import { cellLabelClass, tdClass, tdWideClass, trClass } from "../table-classes";
import { AdminTable, TableSection } from "@/app/components/admin-table";
import { PlaybookConditions } from "./conditions";
import { EnabledPill } from "../enabled-pill";

export const metadata: Metadata = { title: "Playbooks" };

export default async function PlaybooksPage({ searchParams }: { searchParams: Promise<{ saved?: string; deleted?: string }> }) {
  const actor = await adminActor();
  if (!actor) return <AdminForbidden />;
  const playbooks = await listPlaybooks({ actor });
  const { saved, deleted } = await searchParams;
  const savedName = saved ? playbooks.find((p) => String(p.id) === saved)?.name : undefined;
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="max-w-3xl">
          <h1 className="text-xl font-semibold">Playbooks</h1>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">
            When an incident is declared or a service is linked to it, every enabled playbook that matches copies its items into the incident&rsquo;s checklist,
            once per incident. Changes here apply from the next incident on.
          </p>
        </div>
        <Link href="/admin/playbooks/new" className={primaryButtonClass}>
          <Plus aria-hidden className="h-4 w-4" /> New playbook
        </Link>
      </div>
      <FormMessage success={savedName ? <>Saved &ldquo;{savedName}&rdquo;.</> : deleted ? <>Deleted &ldquo;{deleted}&rdquo;.</> : null} />
      <TableSection
        titleId="playbooks-table-title"
        title="All playbooks"
        isEmpty={playbooks.length === 0}
        emptySize="compact"
        empty={
          <>
            No playbooks yet.{" "}
            <Link href="/admin/playbooks/new" className="font-medium text-blue-700 hover:underline dark:text-blue-400">
              Create the first one
            </Link>{" "}
            so new incidents start with a checklist.
          </>
        }
      >
        <AdminTable columns={["Playbook", "Applies to", "Items", "Status"]} actions="sr-only">
          {playbooks.map((p) => (
            <tr key={p.id} className={`${trClass} ${p.enabled ? "" : "text-zinc-500"}`}>
              <td className={`${tdWideClass} md:max-w-md`}>
                <Link href={`/admin/playbooks/${p.id}`} className="font-medium break-words hover:underline">
                  {p.name}
                </Link>
                {p.description ? <span className="line-clamp-2 text-xs text-zinc-500 dark:text-zinc-400">{p.description}</span> : null}
              </td>
              <td className={tdClass}>
                <span className={cellLabelClass}>Applies to</span>
                <PlaybookConditions severities={p.severities} services={p.services} />
              </td>
              <td className={`${tdClass} whitespace-nowrap`}>
                <span className={cellLabelClass}>Items</span>
                {p.items.length} {p.items.length === 1 ? "item" : "items"}
              </td>
              <td className={tdClass}>
                <span className={cellLabelClass}>Status</span>
                <EnabledPill enabled={p.enabled} />
              </td>
              <td className={`${tdClass} md:text-right`}>
                <span className={cellLabelClass}>Actions</span>
                <Link
                  href={`/admin/playbooks/${p.id}`}
                  className="text-sm font-medium text-blue-700 hover:underline dark:text-blue-400"
                  aria-label={`Edit ${p.name}`}
                >
                  Edit
                </Link>
              </td>
            </tr>
          ))}
        </AdminTable>
      </TableSection>
    </div>
  );
}
