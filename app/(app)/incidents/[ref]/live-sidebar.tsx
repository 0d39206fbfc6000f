"use client";
import type { Severity } from "@/lib/severity";
import { isActive } from "@/lib/incident-status";
import { postmortemDueState, postmortemRequired } from "@/lib/postmortem-due";
import { cardClass } from "@/app/components/ui";
import { PostmortemCard } from "./postmortem-card";
import { ChecklistPanel } from "./checklist-panel";
import { RolesPanel } from "./roles-panel";
import { ServicesPanel } from "./services-panel";
import { SloSpendPanel } from "./slo-spend-panel";
import { ActionItemsPanel } from "./action-items-panel";
import { TimestampsPanel } from "./timestamps-panel";
import { DetailsPanel } from "./details-panel";
import { useLiveIncident } from "./live-incident";

type User = { id: number; name: string; email: string };

/**
 * The postmortem card from the live store. Whether it is due follows the incident's severity,
 * resolution and budget spend as they change; a viewer learns only that a draft exists.
 */
export function LivePostmortemCard({
  canWrite,
  canReadDraft,
  required,
}: {
  canWrite: boolean;
  canReadDraft: boolean;
  required: { severities: Severity[]; timeZone: string };
}) {
  const { incident, postmortem, sloSpend } = useLiveIncident().state;
  const flaggedByBudget = sloSpend.some((s) => s.pushed && s.status === "exhausted");
  const due = postmortemDueState({
    required: postmortemRequired(incident.severity, incident.drill, required.severities, flaggedByBudget),
    resolvedAt: incident.resolvedAt,
    status: postmortem.status,
    now: Date.now(),
    timeZone: required.timeZone,
  });
  const hidden = postmortem.started && !canReadDraft && postmortem.status !== "published";
  return (
    <PostmortemCard
      reference={incident.reference}
      summary={{ ...postmortem, status: hidden ? null : postmortem.status, due, hidden }}
      canWrite={canWrite}
      resolved={!isActive(incident.status)}
    />
  );
}

export function LiveChecklist({ canEdit }: { canEdit: boolean }) {
  const { incident, checklist } = useLiveIncident().state;
  return <ChecklistPanel reference={incident.reference} canEdit={canEdit} items={checklist} />;
}

export function LiveRoles({ users, me, canEdit }: { users: User[]; me: number; canEdit: boolean }) {
  const { incident, people } = useLiveIncident().state;
  return <RolesPanel reference={incident.reference} version={incident.version} people={people} users={users} me={me} canEdit={canEdit} />;
}

/** Affected services, and (once any is linked) the SLO spend card under them. */
export function LiveServices({ canEdit }: { canEdit: boolean }) {
  const { incident, linked, sloSpend } = useLiveIncident().state;
  return (
    <>
      <div className={`${cardClass} p-4`}>
        <ServicesPanel reference={incident.reference} linked={linked} canEdit={canEdit} />
      </div>
      {linked.length ? (
        <div className={`${cardClass} p-4`}>
          <SloSpendPanel reference={incident.reference} rows={sloSpend} drill={incident.drill} canEdit={canEdit} />
        </div>
      ) : null}
    </>
  );
}

export function LiveActionItems(props: { canEdit: boolean; me: number; users: User[] }) {
  const { incident, actionItems } = useLiveIncident().state;
  return <ActionItemsPanel reference={incident.reference} {...props} {...actionItems} />;
}

export function LiveTimestamps({ canEdit }: { canEdit: boolean }) {
  const { incident } = useLiveIncident().state;
  return (
    <TimestampsPanel
      reference={incident.reference}
      version={incident.version}
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
  );
}

export function LiveDetails({ canEdit }: { canEdit: boolean }) {
  const { incident } = useLiveIncident().state;
  return <DetailsPanel reference={incident.reference} version={incident.version} isPrivate={incident.private} drill={incident.drill} canEdit={canEdit} />;
}
