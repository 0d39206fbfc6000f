"use client";
import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import type { UpdateCadence } from "@/lib/update-cadence";
import { isActive } from "@/lib/incident-status";
import { openItemsBeforeResolve } from "@/lib/status-change-warnings";
import { IncidentHeader } from "./incident-header";
import { BudgetAlert, type PushedSlo } from "./budget-alert";
import { SummaryCard } from "./summary-card";
import { Timeline } from "./timeline";
import { PostmortemButton } from "./postmortem-card";
import { useLiveIncident } from "./live-incident";
import { lastActivity, lastStakeholderUpdate } from "./live-reducer";

/** The header from the live store: title, severity, status, people and the cadence move in place. */
export function LiveHeader({ canEdit, me, cadence }: { canEdit: boolean; me: { userId: number; email: string } | null; cadence: UpdateCadence }) {
  const { state } = useLiveIncident();
  const { incident, people, checklist, postmortem } = state;
  // The tab title follows a renamed incident (as the page's metadata would on a reload).
  useEffect(() => {
    document.title = `${incident.reference} ${incident.title} · Hindsight`;
  }, [incident.reference, incident.title]);
  const openItems = openItemsBeforeResolve({
    checklist: checklist.map((item) => ({ title: item.text, done: item.doneAt !== null })),
    summary: incident.summary,
    hasCommander: people.some((p) => p.role === "commander"),
    mitigatedAt: incident.mitigatedAt,
  });
  return (
    <IncidentHeader
      incident={incident}
      canEdit={canEdit}
      primaryAction={
        isActive(incident.status) ? undefined : <PostmortemButton reference={incident.reference} started={postmortem.started} canWrite={canEdit} />
      }
      people={people}
      me={me}
      openItems={openItems}
      cadence={cadence}
      lastUpdateAt={lastStakeholderUpdate(state)}
      lastActivityAt={lastActivity(state)}
    />
  );
}

/**
 * Budget left on each SLO this incident pushed. `baselines` are the SLOs' remaining budgets when
 * the page was rendered (they include other incidents' spend); live changes of this incident's
 * own spend adjust them. An SLO pushed since then has no baseline: the page is refreshed once for it.
 */
export function LiveBudgetAlert({ baselines }: { baselines: Record<number, { remainingMinutes: number; spentMinutes: number }> }) {
  const router = useRouter();
  const { incident, sloSpend } = useLiveIncident().state;
  const pushed: PushedSlo[] = sloSpend
    .filter((s) => s.pushed)
    .map((s) => {
      const base = baselines[s.sloId];
      return {
        sloId: s.sloId,
        serviceSlug: s.serviceSlug,
        sloName: s.sloName,
        status: s.status,
        budgetMinutes: s.budgetMinutes,
        remainingMinutes: base ? base.remainingMinutes - (s.spentMinutes - base.spentMinutes) : 0,
      };
    });
  const missing = pushed
    .filter((p) => !baselines[p.sloId])
    .map((p) => p.sloId)
    .join(",");
  const asked = useRef("");
  useEffect(() => {
    if (!missing || asked.current === missing) return;
    asked.current = missing;
    router.refresh();
  }, [missing, router]);
  return <BudgetAlert severity={incident.severity} status={incident.status} drill={incident.drill} pushed={pushed} />;
}

export function LiveSummary({ canEdit }: { canEdit: boolean }) {
  const { incident } = useLiveIncident().state;
  return <SummaryCard reference={incident.reference} version={incident.version} summary={incident.summary} canEdit={canEdit} />;
}

export function LiveTimeline({ canEdit }: { canEdit: boolean }) {
  const { incident, timeline } = useLiveIncident().state;
  return <Timeline reference={incident.reference} canEdit={canEdit} items={timeline} />;
}
