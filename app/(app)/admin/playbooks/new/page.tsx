import type { Metadata } from "next";
import Link from "next/link";
import { listServiceChoices } from "@/db/queries/catalogue/playbooks";
import { cardClass } from "@/app/components/ui";
import { AdminForbidden, adminActor } from "../../admin-guard";
import { PlaybookForm } from "../playbook-form";

export const metadata: Metadata = { title: "New playbook" };

export default async function NewPlaybookPage() {
  const actor = await adminActor();
  if (!actor) return <AdminForbidden />;
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <div>
        <nav aria-label="Breadcrumb" className="mb-1 text-xs text-zinc-500">
          <Link href="/admin/playbooks" className="hover:underline">
            Playbooks
          </Link>{" "}
          / New
        </nav>
        <h1 className="text-xl font-semibold">New playbook</h1>
      </div>
      <section className={`${cardClass} p-4 sm:p-5`}>
        <PlaybookForm playbook={null} services={listServiceChoices({ actor })} />
      </section>
    </div>
  );
}
