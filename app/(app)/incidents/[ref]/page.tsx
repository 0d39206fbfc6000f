import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "@/server/auth/session";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/policy";
import { incidentReference, parseReference } from "@/lib/validation/incident";
import { getIncident } from "@/db/queries/incidents/detail";
import { listTimeline } from "@/db/queries/incidents/timeline";
import { listActiveUsers } from "@/db/queries/admin/users";
import { lastActivity, lastStakeholderUpdateAt } from "@/db/queries/incidents/activity";
import { getUpdateCadence } from "@/db/queries/admin/settings";
import { openItemsBeforeResolve } from "@/lib/status-change-warnings";
import { cardClass } from "@/app/components/ui";
import { IncidentHeader } from "./incident-header";
import { SummaryCard } from "./summary-card";
import { NoteComposer } from "./note-composer";
import { Timeline } from "./timeline";
import { RolesPanel } from "./roles-panel";
import { TimestampsPanel } from "./timestamps-panel";
import { DetailsPanel } from "./details-panel";
import { LiveRefresh } from "./live-refresh";
import { incidentSloSpend, type IncidentSloSpend } from "@/db/queries/incidents/slo-spend";
import { listLinkedServices } from "@/db/queries/incidents/linked-services";
import { getService } from "@/db/queries/catalogue/services";
import type { Actor } from "@/lib/actor";
import { ServicesPanel } from "./services-panel";
import { SloSpendPanel } from "./slo-spend-panel";
import { BudgetAlert, type PushedSlo } from "./budget-alert";
import { ChecklistPanel } from "./checklist-panel";
import { listChecklist } from "@/db/queries/incidents/checklist";
import { actionItemsForIncident } from "@/db/queries/action-items/read";
import { ActionItemsPanel } from "./action-items-panel";
import { PostmortemButton, PostmortemCard, postmortemSummaryFor } from "./postmortem-card";
import { isActive } from "@/lib/incident-status";
import { decodeSegment } from "@/lib/http/path-segment";
import { Breadcrumb } from "@/app/components/breadcrumb";

type Props = { params: Promise<{ ref: string }> };

/** The SLOs this incident pushed to at risk or exhausted, with what is left of their budgets. */
function pushedSlos(actor: Actor, spend: IncidentSloSpend[]): PushedSlo[] {
  const pushed = spend.filter((s) => s.pushed);
  const budgets = new Map(
    [...new Set(pushed.map((p) => p.serviceSlug))].flatMap((slug) => getService({ actor, slug }).slos.map((slo) => [slo.id, slo.budget] as const)),
  );
  return pushed.map((p) => ({
    sloId: p.sloId,
    serviceSlug: p.serviceSlug,
    sloName: p.sloName,
    status: p.status,
    budgetMinutes: p.budgetMinutes,
    remainingMinutes: budgets.get(p.sloId)?.remainingMinutes ?? 0,
  }));
}

async function load(ref: string) {
  const actor = await requireActor();
  const decoded = decodeSegment(ref);
  const incidentId = decoded === null ? null : parseReference(decoded);
  if (!incidentId) notFound();
  try {
    return { actor, incident: getIncident({ actor, incidentId }), timeline: listTimeline({ actor, incidentId }) };
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
  const { actor, incident, timeline } = await load((await params).ref);
  const reference = incidentReference(incident.id);
  const canEdit = can(actor, "incident", "edit");
  const users = canEdit ? listActiveUsers({ actor }) : [];
  const activity = lastActivity({ actor, incidentIds: [incident.id] }).get(incident.id);
  const freshness = `${incident.version}:${activity?.entryId ?? 0}:${incident.people.length}`;
  const v = incident.version;
  const linked = listLinkedServices({ actor, incidentId: incident.id });
  const sloSpend = linked.length ? incidentSloSpend({ actor, incidentId: incident.id }) : [];
  const postmortem = postmortemSummaryFor({ actor, incidentId: incident.id });
  const resolved = !isActive(incident.status);
  const checklist = listChecklist({ actor, incidentId: incident.id });
  const openItems = openItemsBeforeResolve({
    checklist: checklist.map((item) => ({ title: item.text, done: item.doneAt !== null })),
    summary: incident.summary,
    hasCommander: incident.people.some((p) => p.role === "commander"),
    mitigatedAt: incident.mitigatedAt,
  });

  return (
    <div className="mx-auto max-w-7xl">
      <Breadcrumb href="/incidents" label="Incidents">
        {reference}
      </Breadcrumb>
      <IncidentHeader
        incident={{ ...incident, reference }}
        canEdit={canEdit}
        primaryAction={resolved ? <PostmortemButton reference={reference} started={postmortem.started} canWrite={canEdit} /> : undefined}
        people={incident.people}
        me={actor.kind === "user" ? { userId: actor.userId, email: actor.email } : null}
        openItems={openItems}
        cadence={getUpdateCadence({ actor })}
        lastUpdateAt={lastStakeholderUpdateAt({ actor, incidentId: incident.id })}
        lastActivityAt={Math.max(activity?.at ?? 0, incident.updatedAt)}
      />
      <div className="mt-5 grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0">
          <BudgetAlert severity={incident.severity} status={incident.status} drill={incident.drill} pushed={pushedSlos(actor, sloSpend)} />
          <SummaryCard reference={reference} version={v} summary={incident.summary} canEdit={canEdit} />
          {canEdit ? <NoteComposer reference={reference} /> : null}
          <Timeline
            reference={reference}
            canEdit={canEdit}
            items={timeline.map((t) => ({
              id: t.id,
              occurredAt: t.occurredAt,
              createdAt: t.createdAt,
              kind: t.kind,
              body: t.body,
              authorLabel: t.authorLabel,
              highlighted: t.highlighted,
              stakeholderUpdate: t.kind === "update" && t.meta?.includes('"field":"message"') === true,
            }))}
          />
        </div>
        <aside aria-label="Incident details" className="space-y-4">
          <div className={`${cardClass} p-4`}>
            <LiveRefresh reference={reference} token={freshness} />
          </div>
          <div className={`${cardClass} p-4`}>
            <PostmortemCard reference={reference} summary={postmortem} canWrite={canEdit} resolved={resolved} />
          </div>
          <div className={`${cardClass} p-4`}>
            <ChecklistPanel reference={reference} canEdit={canEdit} items={checklist} />
          </div>
          <div className={`${cardClass} p-4`}>
            <RolesPanel reference={reference} version={v} people={incident.people} users={users} me={actor.userId} canEdit={canEdit} />
          </div>
          <div className={`${cardClass} p-4`}>
            <ServicesPanel reference={reference} linked={linked} canEdit={canEdit} />
          </div>
          {linked.length ? (
            <div className={`${cardClass} p-4`}>
              <SloSpendPanel reference={reference} rows={sloSpend} drill={incident.drill} canEdit={canEdit} />
            </div>
          ) : null}
          <div className={`${cardClass} p-4`}>
            <ActionItemsPanel
              reference={reference}
              canEdit={canEdit}
              me={actor.userId}
              users={users}
              {...actionItemsForIncident({ actor, incidentId: incident.id })}
            />
          </div>
          <div className={`${cardClass} p-4`}>
            <TimestampsPanel
              reference={reference}
              version={v}
              canEdit={canEdit}
              rows={[
                { field: "startedAt", value: incident.startedAt, source: incident.startedAtSource },
                { field: "detectedAt", value: incident.detectedAt, source: incident.detectedAtSource },
                { field: "declaredAt", value: incident.declaredAt, source: null },
                { field: "acknowledgedAt", value: incident.acknowledgedAt, source: incident.acknowledgedAtSource },
                { field: "mitigatedAt", value: incident.mitigatedAt, source: incident.mitigatedAtSource },
                { field: "resolvedAt", value: incident.resolvedAt, source: incident.resolvedAtSource },
                { field: "closedAt", value: incident.closedAt, source: incident.closedAtSource },
              ]}
            />
          </div>
          <div className={`${cardClass} p-4`}>
            <DetailsPanel reference={reference} version={v} isPrivate={incident.private} drill={incident.drill} canEdit={canEdit} />
          </div>
        </aside>
      </div>
    </div>
  );
}
