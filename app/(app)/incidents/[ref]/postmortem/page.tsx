import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FilePlus2 } from "lucide-react";
import { requireActor } from "@/server/auth/session";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/policy";
import { incidentReference, parseReference } from "@/lib/validation/incident";
import { getIncident } from "@/db/queries/incidents/detail";
import { listTimeline } from "@/db/queries/incidents/timeline";
import { listActiveUsers } from "@/db/queries/admin/users";
import { listFactors } from "@/db/queries/admin/factors";
import { getPostmortem } from "@/db/queries/postmortems/detail";
import { actionItemsForIncident } from "@/db/queries/action-items/read";
import { SeverityPill } from "@/app/components/severity-pill";
import { StatusBadge } from "@/app/components/status-badge";
import { cardClass, primaryButtonClass } from "@/app/components/ui";
import { PostmortemEditor } from "./postmortem-editor";
import { ActionItemsPane } from "./action-items-pane";
import { AddActionItem } from "./add-action-item";
import { startPostmortemAction } from "./actions";
import { decodeSegment } from "@/lib/http/path-segment";
import { Breadcrumb } from "@/app/components/breadcrumb";

type Props = { params: Promise<{ ref: string }> };

async function load(ref: string) {
  const actor = await requireActor();
  const decoded = decodeSegment(ref);
  const incidentId = decoded === null ? null : parseReference(decoded);
  if (!incidentId) notFound();
  let incident: Awaited<ReturnType<typeof getIncident>>;
  try {
    incident = await getIncident({ actor, incidentId });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  // A viewer asking for a draft: the data layer refuses; the page says why instead of failing.
  let postmortem: Awaited<ReturnType<typeof getPostmortem>> = null;
  let hidden = false;
  try {
    postmortem = await getPostmortem({ actor, incidentId });
  } catch (error) {
    if (!(error instanceof AppError && (error.code === "forbidden" || error.code === "not_found"))) throw error;
    hidden = true;
  }
  return { actor, incident, postmortem, hidden };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { incident } = await load((await params).ref);
  return { title: `Postmortem: ${incidentReference(incident.id)} ${incident.title}` };
}

export default async function PostmortemPage({ params }: Props) {
  const { actor, incident, postmortem, hidden } = await load((await params).ref);
  const reference = incidentReference(incident.id);
  const canWrite = can(actor, "postmortem", "edit");

  const heading = (
    <div className="mb-2">
      <Breadcrumb href="/postmortems" label="Postmortems">
        <Link href={`/incidents/${reference}`} className="hover:underline">
          {reference}
        </Link>
      </Breadcrumb>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="min-w-0 text-xl font-semibold tracking-tight break-words sm:text-2xl">Postmortem: {incident.title}</h1>
        <SeverityPill severity={incident.severity} />
        <StatusBadge status={incident.status} />
      </div>
    </div>
  );

  if (!postmortem) {
    return (
      <div className="mx-auto max-w-3xl">
        {heading}
        <div className={`${cardClass} mt-4 p-6 text-center`}>
          {hidden ? (
            <p className="text-sm">This postmortem is not published yet. It will appear here once its reviewers publish it.</p>
          ) : can(actor, "postmortem", "start") ? (
            <form action={startPostmortemAction} className="space-y-3">
              <p className="text-sm">
                No postmortem yet. Starting one creates it from the blameless template
                {incident.status === "resolved" || incident.status === "closed" ? ", with the timeline and impact filled in from the incident" : ""}.
              </p>
              <input type="hidden" name="reference" value={reference} />
              <button type="submit" className={primaryButtonClass}>
                <FilePlus2 aria-hidden className="h-4 w-4" /> Start postmortem
              </button>
            </form>
          ) : (
            <p className="text-sm">No postmortem has been written for this incident yet.</p>
          )}
        </div>
      </div>
    );
  }

  // An archived factor stays on the postmortems that chose it, so it stays tickable there.
  const taxonomy = (await listFactors({ actor, includeArchived: false })).map((f) => ({ id: f.id, name: f.name, description: f.description }));
  const factors = [...taxonomy, ...postmortem.factors.filter((f) => !taxonomy.some((t) => t.id === f.id)).map((f) => ({ ...f, description: "Archived" }))];
  const highlighted = (await listTimeline({ actor, incidentId: incident.id }))
    .filter((e) => e.highlighted)
    .map((e) => ({ id: e.id, occurredAt: e.occurredAt, kind: e.kind, body: e.body, authorLabel: e.authorLabel }));
  const actions = await actionItemsForIncident({ actor, incidentId: incident.id });
  const activeUsers = canWrite ? await listActiveUsers({ actor }) : [];
  const reviewerChoices = activeUsers.filter((u) => u.role !== "viewer").map((u) => ({ id: u.id, name: u.name, email: u.email }));

  return (
    <div className="mx-auto max-w-[100rem]">
      {heading}
      <PostmortemEditor
        reference={reference}
        initial={postmortem}
        factors={factors}
        people={[...new Set(incident.people.map((p) => p.name))]}
        me={{ id: actor.userId, role: actor.role }}
        reviewerChoices={reviewerChoices}
        highlighted={highlighted}
        actionCount={actions.items.length}
        actionItemList={actions.items}
        actionItems={
          <ActionItemsPane
            items={actions.items}
            progress={actions.progress}
            form={
              canWrite ? (
                <AddActionItem reference={reference} users={activeUsers.map((u) => ({ id: u.id, name: u.name }))} defaultOwnerId={actor.userId} />
              ) : null
            }
          />
        }
        canWrite={canWrite}
      />
    </div>
  );
}
