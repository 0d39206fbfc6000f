import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getPlaybook, listServiceChoices, type PlaybookDetail } from "@/db/queries/catalogue/playbooks";
import { AppError } from "@/lib/errors";
import { LocalTime } from "@/app/components/local-time";
import { cardClass } from "@/app/components/ui";
import { AdminForbidden, adminActor } from "../../admin-guard";
import { PlaybookForm } from "../playbook-form";
import { Breadcrumb } from "@/app/components/breadcrumb";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Edit playbook" };

export default async function EditPlaybookPage({ params }: Props) {
  const actor = await adminActor();
  if (!actor) return <AdminForbidden />;
  const raw = (await params).id;
  if (!/^\d{1,12}$/.test(raw)) notFound();
  let playbook: PlaybookDetail;
  try {
    playbook = await getPlaybook({ actor, playbookId: Number(raw) });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <div>
        <Breadcrumb href="/admin/playbooks" label="Playbooks">
          {playbook.name}
        </Breadcrumb>
        <h1 className="text-xl font-semibold break-words">Edit playbook</h1>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          Version {playbook.version}, last changed <LocalTime ms={playbook.updatedAt} />. Incidents that already have its checklist keep what was copied.
        </p>
      </div>
      <section className={`${cardClass} p-4 sm:p-5`}>
        <PlaybookForm
          key={playbook.id}
          playbook={{
            id: playbook.id,
            version: playbook.version,
            name: playbook.name,
            description: playbook.description,
            severities: playbook.severities,
            serviceIds: playbook.serviceIds,
            enabled: playbook.enabled,
            items: playbook.items.map((i) => ({ text: i.text, link: i.link, autoCheck: i.autoCheck })),
            updatedAt: playbook.updatedAt,
          }}
          services={await listServiceChoices({ actor })}
        />
      </section>
    </div>
  );
}
