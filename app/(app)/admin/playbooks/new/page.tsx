import type { Metadata } from "next";
import { listServiceChoices } from "@/db/queries/catalogue/playbooks";
import { cardClass } from "@/app/components/ui";
import { AdminForbidden, adminActor } from "../../admin-guard";
import { PlaybookForm } from "../playbook-form";
import { Breadcrumb } from "@/app/components/breadcrumb";

export const metadata: Metadata = { title: "New playbook" };

export default async function NewPlaybookPage() {
  const actor = await adminActor();
  if (!actor) return <AdminForbidden />;
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <div>
        <Breadcrumb href="/admin/playbooks" label="Playbooks">
          New
        </Breadcrumb>
        <h1 className="text-xl font-semibold">New playbook</h1>
      </div>
      <section className={`${cardClass} p-4 sm:p-5`}>
        <PlaybookForm playbook={null} services={await listServiceChoices({ actor })} />
      </section>
    </div>
  );
}
