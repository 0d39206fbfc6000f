import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "@/server/auth/session";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/policy";
import { incidentReference, parseReference } from "@/lib/validation/incident";
import { getIncident } from "@/db/queries/incidents/detail";
import { listTimeline } from "@/db/queries/incidents/timeline";
import { listActiveUsers } from "@/db/queries/admin/users";
import { getUpdateCadence } from "@/db/queries/admin/settings";
import { cardClass } from "@/app/components/ui";
import { NoteComposer } from "./note-composer";
import { incidentSloSpend, type IncidentSloSpend } from "@/db/queries/incidents/slo-spend";
import { listLinkedServices } from "@/db/queries/incidents/linked-services";
import { getService } from "@/db/queries/catalogue/services";
import type { Actor } from "@/lib/actor";
import { listChecklist } from "@/db/queries/incidents/checklist";
import { actionItemsForIncident } from "@/db/queries/action-items/read";
import { listIncidentAlerts } from "@/db/queries/integrations/incident-alerts";
import { postmortemSummaryFor } from "./postmortem-summary";
import { latestEventId } from "@/db/queries/events/cursor";
import { getOrgTimeZone, getRequiredSeverities } from "@/db/queries/admin/settings";
import { LiveIncidentProvider } from "./live-incident";
import { LiveStatus } from "./live-status";
import { LiveBudgetAlert, LiveHeader, LiveSummary, LiveTimeline } from "./live-main";
import { LiveActionItems, LiveChecklist, LiveDetails, LivePostmortemCard, LiveRoles, LiveServices, LiveTimestamps } from "./live-sidebar";
import type { LiveIncidentState } from "./live-reducer";
import { decodeSegment } from "@/lib/http/path-segment";
import { LiveAlerts } from "./alerts-panel";
import { Breadcrumb } from "@/app/components/breadcrumb";

type Props = { params: Promise<{ ref: string }> };

/** What was left of the budgets of the SLOs this incident pushed, at render: the live alert adjusts it. */
async function budgetBaselines(actor: Actor, spend: IncidentSloSpend[]) {
  const pushed = spend.filter((s) => s.pushed);
  const budgets = new Map<number, Awaited<ReturnType<typeof getService>>["slos"][number]["budget"]>();
  for (const slug of new Set(pushed.map((p) => p.serviceSlug))) {
    for (const slo of (await getService({ actor, slug })).slos) budgets.set(slo.id, slo.budget);
  }
  return Object.fromEntries(pushed.map((p) => [p.sloId, { remainingMinutes: budgets.get(p.sloId)?.remainingMinutes ?? 0, spentMinutes: p.spentMinutes }]));
}

async function load(ref: string) {
  const actor = await requireActor();
  const decoded = decodeSegment(ref);
  const incidentId = decoded === null ? null : parseReference(decoded);
  if (!incidentId) notFound();
  try {
    // Read before the data: events after it are replayed to the page, so nothing falls in between.
    const lastEventId = await latestEventId({ actor, incidentId });
    return { actor, lastEventId, incident: await getIncident({ actor, incidentId }), timeline: await listTimeline({ actor, incidentId }) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { incident } = await load((await params).ref);
  return { title: `${incidentReference(incident.id)} ${incident.title}` };
}

export default async function IncidentPage({ params }: Props) {
  const { actor, lastEventId, incident, timeline } = await load((await params).ref);
  const reference = incidentReference(incident.id);
  const canEdit = can(actor, "incident", "edit");
  const users = canEdit ? await listActiveUsers({ actor }) : [];
  const linked = await listLinkedServices({ actor, incidentId: incident.id });
  const sloSpend = linked.length ? await incidentSloSpend({ actor, incidentId: incident.id }) : [];
  const postmortem = await postmortemSummaryFor({ actor, incidentId: incident.id });
  const { people, services: _services, ...fields } = incident;
  const initial: LiveIncidentState = {
    lastEventId,
    incident: { ...fields, reference },
    people,
    timeline: timeline.map((t) => ({
      id: t.id,
      occurredAt: t.occurredAt,
      createdAt: t.createdAt,
      kind: t.kind,
      body: t.body,
      authorLabel: t.authorLabel,
      highlighted: t.highlighted,
      stakeholderUpdate: t.kind === "update" && t.meta?.includes('"field":"message"') === true,
    })),
    checklist: await listChecklist({ actor, incidentId: incident.id }),
    linked,
    sloSpend,
    postmortem: { started: postmortem.started, status: postmortem.status, ownerName: postmortem.ownerName },
    actionItems: await actionItemsForIncident({ actor, incidentId: incident.id }),
    alerts: await listIncidentAlerts({ actor, incidentId: incident.id }),
  };

  return (
    <div className="mx-auto max-w-7xl">
      <Breadcrumb href="/incidents" label="Incidents">
        {reference}
      </Breadcrumb>
      <LiveIncidentProvider initial={initial}>
        <LiveHeader
          canEdit={canEdit}
          me={actor.kind === "user" ? { userId: actor.userId, email: actor.email } : null}
          cadence={await getUpdateCadence({ actor })}
        />
        <div className="mt-5 grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <div className="min-w-0">
            <LiveBudgetAlert baselines={await budgetBaselines(actor, sloSpend)} />
            <LiveSummary canEdit={canEdit} />
            <LiveAlerts />
            {canEdit ? <NoteComposer reference={reference} /> : null}
            <LiveTimeline canEdit={canEdit} />
          </div>
          <aside aria-label="Incident details" className="space-y-4">
            <div className={`${cardClass} p-4`}>
              <LiveStatus />
            </div>
            <div className={`${cardClass} p-4`}>
              <LivePostmortemCard
                canWrite={canEdit}
                canReadDraft={can(actor, "postmortem", "read-draft")}
                required={{ severities: await getRequiredSeverities({ actor }), timeZone: await getOrgTimeZone({ actor }) }}
              />
            </div>
            <div className={`${cardClass} p-4`}>
              <LiveChecklist canEdit={canEdit} />
            </div>
            <div className={`${cardClass} p-4`}>
              <LiveRoles users={users} me={actor.userId} canEdit={canEdit} />
            </div>
            <LiveServices canEdit={canEdit} />
            <div className={`${cardClass} p-4`}>
              <LiveActionItems canEdit={canEdit} me={actor.userId} users={users} />
            </div>
            <div className={`${cardClass} p-4`}>
              <LiveTimestamps canEdit={canEdit} />
            </div>
            <div className={`${cardClass} p-4`}>
              <LiveDetails canEdit={canEdit} />
            </div>
          </aside>
        </div>
      </LiveIncidentProvider>
    </div>
  );
}
