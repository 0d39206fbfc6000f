import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import type { NormalizedAlert } from "@/lib/alerts/normalized-alert";
import { routeAlert, type RoutingRule } from "@/lib/alerts/routing-rules";
import { alerts, type AlertRow, type Integration } from "../../schema";
import type { Tx } from "../../types";
import { writeTimelineEntry } from "../../access/timeline";
import type { DeliveryResult } from "../../queries/integrations/views";
import { declareFromAlert, notAfterNow, openIncidentOfGroup, openIncidentOfService } from "./alert-incidents";
import { afterIncidentAlertsChanged, type IncidentAlertChanges } from "./incident-alert-changes";

export type IntakeResult = DeliveryResult & { acknowledged: number };

type Context = { tx: Tx; actor: Actor & { kind: "integration" }; integration: Integration; rules: RoutingRule[]; now: number };

const firingRow = async (tx: Tx, integrationId: number, dedupKey: string) =>
  (
    await tx
      .select()
      .from(alerts)
      .where(and(eq(alerts.integrationId, integrationId), eq(alerts.dedupKey, dedupKey), eq(alerts.status, "firing")))
  )[0];

const latestRow = async (tx: Tx, integrationId: number, dedupKey: string) =>
  (
    await tx
      .select()
      .from(alerts)
      .where(and(eq(alerts.integrationId, integrationId), eq(alerts.dedupKey, dedupKey)))
      .orderBy(desc(alerts.id))
      .limit(1)
  )[0];

const bullet = (alert: { title: string }) => alert.title;

/**
 * Applies one request's alerts inside the caller's transaction. Firing alerts first, oldest first, so the
 * alert that declares a group's incident is its earliest (startedAt = earliest startsAt); then
 * acknowledgements and resolutions. Repeats (same fingerprint / dedup_key while firing, or a resolved
 * alert sent again) change nothing but `lastSeenAt`.
 */
export async function processAlerts(ctx: Context, batch: NormalizedAlert[]): Promise<IntakeResult> {
  const result: IntakeResult = { declared: [], attached: [], deduplicated: 0, resolved: 0, recorded: 0, acknowledged: 0 };
  const changes = new Map<number, IncidentAlertChanges>();
  const changesOf = (incidentId: number) => {
    let c = changes.get(incidentId);
    if (!c) changes.set(incidentId, (c = { firing: [], resolved: [], acknowledged: [], declaredNow: false, resolveIncident: false }));
    return c;
  };
  const order = (a: NormalizedAlert) => (a.event === "firing" ? 0 : a.event === "acknowledged" ? 1 : 2);
  const sorted = [...batch].sort((a, b) => order(a) - order(b) || (a.startsAt ?? ctx.now) - (b.startsAt ?? ctx.now));
  // The same alert twice in one request counts once.
  const seen = new Set<string>();
  for (const alert of sorted) {
    const key = `${alert.event}\u0000${alert.dedupKey}`;
    if (seen.has(key)) {
      result.deduplicated++;
      continue;
    }
    seen.add(key);
    if (alert.event === "firing") await fire(ctx, alert, result, changesOf);
    else if (alert.event === "acknowledged") await acknowledge(ctx, alert, result, changesOf);
    else await resolve(ctx, alert, result, changesOf);
  }
  for (const [incidentId, c] of changes) {
    await afterIncidentAlertsChanged(ctx.tx, ctx.actor, incidentId, c, ctx.now);
    if (!c.declaredNow && c.firing.length && !result.attached.includes(`INC-${incidentId}`)) result.attached.push(`INC-${incidentId}`);
  }
  return result;
}

async function insertAlert(
  ctx: Context,
  alert: NormalizedAlert,
  fields: { incidentId: number | null; action: AlertRow["action"]; severity: AlertRow["severity"] },
) {
  return (
    await ctx.tx
      .insert(alerts)
      .values({
        integrationId: ctx.integration.id,
        dedupKey: alert.dedupKey,
        groupKey: alert.groupKey,
        incidentId: fields.incidentId,
        status: alert.event === "resolved" ? "resolved" : "firing",
        action: fields.action,
        severity: fields.severity,
        title: alert.title,
        labels: JSON.stringify(alert.labels),
        annotations: JSON.stringify(alert.annotations),
        startsAt: notAfterNow(alert.startsAt ?? ctx.now, ctx.now),
        endsAt: alert.event === "resolved" ? notAfterNow(alert.endsAt ?? ctx.now, ctx.now) : null,
        generatorUrl: alert.generatorUrl,
        dashboardUrl: alert.dashboardUrl,
        panelUrl: alert.panelUrl,
        silenceUrl: alert.silenceUrl,
        values: alert.values ? JSON.stringify(alert.values) : null,
        firstSeenAt: ctx.now,
        lastSeenAt: ctx.now,
      })
      .returning()
  )[0]!;
}

const touch = async (ctx: Context, row: AlertRow) => await ctx.tx.update(alerts).set({ lastSeenAt: ctx.now }).where(eq(alerts.id, row.id));

async function fire(ctx: Context, alert: NormalizedAlert, result: IntakeResult, changesOf: (id: number) => IncidentAlertChanges) {
  const { tx, integration, now } = ctx;
  const existing = await firingRow(tx, integration.id, alert.dedupKey);
  // A repeat (repeat_interval, a retry), or a late copy of an occurrence that has already resolved.
  const resolvedCopy = existing ? undefined : await latestRow(tx, integration.id, alert.dedupKey);
  const same = existing ?? (resolvedCopy && alert.startsAt !== null && resolvedCopy.startsAt === notAfterNow(alert.startsAt, now) ? resolvedCopy : undefined);
  if (same) {
    await touch(ctx, same);
    result.deduplicated++;
    return;
  }
  const routing = routeAlert(ctx.rules, alert.labels);
  let incidentId = routing.action === "record" ? null : await openIncidentOfGroup(tx, integration.id, alert.groupKey);
  if (incidentId === null && routing.action === "attach") incidentId = await openIncidentOfService(tx, ctx.actor, routing.serviceSlug);
  let declaredNow = false;
  let note: string | null = null;
  if (incidentId === null && routing.action === "declare") {
    const declared = await declareFromAlert(
      tx,
      ctx.actor,
      {
        title: alert.title,
        summary: (alert.annotations.description ?? "").slice(0, 20_000),
        severity: routing.severity,
        serviceSlug: routing.serviceSlug,
        startsAt: alert.startsAt ?? now,
      },
      now,
    );
    incidentId = declared.incident.id;
    note = declared.note;
    declaredNow = true;
    result.declared.push(`INC-${incidentId}`);
  }
  const row = await insertAlert(ctx, alert, { incidentId, action: routing.action, severity: routing.severity });
  if (incidentId === null) {
    result.recorded++;
    return;
  }
  const c = changesOf(incidentId);
  c.firing.push(row);
  c.declaredNow ||= declaredNow;
  await writeTimelineEntry(
    tx,
    ctx.actor,
    {
      incidentId,
      kind: "alert",
      body: `Alert firing: ${bullet(alert)}${note ? ` (${note})` : ""}`,
      occurredAt: row.startsAt,
      meta: { alertId: row.id, dedupKey: row.dedupKey, status: "firing" },
    },
    now,
  );
}

async function resolve(ctx: Context, alert: NormalizedAlert, result: IntakeResult, changesOf: (id: number) => IncidentAlertChanges) {
  const { tx, integration, now } = ctx;
  const existing = await firingRow(tx, integration.id, alert.dedupKey);
  if (!existing) {
    const latest = await latestRow(tx, integration.id, alert.dedupKey);
    if (latest && (alert.startsAt === null || latest.startsAt === notAfterNow(alert.startsAt, now))) {
      // Resolved before (Alertmanager sends resolved alerts again while the group has others firing).
      await touch(ctx, latest);
      result.deduplicated++;
      return;
    }
    // Never seen firing (it fired and resolved between two deliveries): kept for the record.
    const routing = routeAlert(ctx.rules, alert.labels);
    await insertAlert(ctx, alert, { incidentId: null, action: "record", severity: routing.severity });
    result.recorded++;
    return;
  }
  const endsAt = Math.max(existing.startsAt, notAfterNow(alert.endsAt ?? now, now));
  await tx.update(alerts).set({ status: "resolved", endsAt, lastSeenAt: now }).where(eq(alerts.id, existing.id));
  result.resolved++;
  if (existing.incidentId === null) return;
  const c = changesOf(existing.incidentId);
  const labels = JSON.parse(existing.labels) as Record<string, string>;
  c.resolved.push({ ...existing, status: "resolved", endsAt });
  c.resolveIncident ||= routeAlert(ctx.rules, labels).resolveIncident;
  await writeTimelineEntry(
    tx,
    ctx.actor,
    {
      incidentId: existing.incidentId,
      kind: "alert",
      body: `Alert resolved: ${bullet(existing)}`,
      occurredAt: endsAt,
      meta: { alertId: existing.id, dedupKey: existing.dedupKey, status: "resolved" },
    },
    now,
  );
}

async function acknowledge(ctx: Context, alert: NormalizedAlert, result: IntakeResult, changesOf: (id: number) => IncidentAlertChanges) {
  const { tx, integration, now } = ctx;
  const existing = await firingRow(tx, integration.id, alert.dedupKey);
  if (!existing) return;
  if (existing.acknowledgedAt !== null) {
    await touch(ctx, existing);
    result.deduplicated++;
    return;
  }
  await tx.update(alerts).set({ acknowledgedAt: now, lastSeenAt: now }).where(eq(alerts.id, existing.id));
  result.acknowledged++;
  if (existing.incidentId === null) return;
  changesOf(existing.incidentId).acknowledged.push(existing);
  await writeTimelineEntry(
    tx,
    ctx.actor,
    {
      incidentId: existing.incidentId,
      kind: "alert",
      body: `Alert acknowledged at the source: ${bullet(existing)}`,
      meta: { alertId: existing.id, dedupKey: existing.dedupKey, status: "acknowledged" },
    },
    now,
  );
}
