import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { notFound } from "@/lib/errors";
import type { RoutingRule } from "@/lib/alerts/routing-rules";
import { alerts, integrationDeliveries, integrations, type Integration } from "../schema";
import type { Reader } from "../types";
import { countWhere } from "../dialect-sql";
import type { DeliveryOutcome, DeliveryResult, IncidentAlerts, IncidentAlertView, IntegrationView } from "../queries/integrations/views";

export const INTEGRATION_SECRET_PREFIX = "hsi_";
export const DELIVERIES_KEPT = 50;
export const INCIDENT_ALERTS_SHOWN = 200;

export const hashIntegrationSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** Compares a presented secret with the stored hash in constant time (both are SHA-256 hex of equal length). */
export function secretMatches(presented: string, storedHash: string): boolean {
  const a = Buffer.from(hashIntegrationSecret(presented), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

export const endpointPath = (row: Pick<Integration, "id" | "kind">) => `/api/v1/integrations/${row.id}/${row.kind}`;

export async function findIntegration(db: Reader, id: number): Promise<Integration> {
  const row = (await db.select().from(integrations).where(eq(integrations.id, id)))[0];
  if (!row) throw notFound("Integration");
  return row;
}

export const parseRules = (row: Pick<Integration, "rules">) => JSON.parse(row.rules) as RoutingRule[];

export async function integrationView(db: Reader, row: Integration): Promise<IntegrationView> {
  const last = (
    await db
      .select({ at: integrationDeliveries.receivedAt, httpStatus: integrationDeliveries.httpStatus, outcome: integrationDeliveries.outcome })
      .from(integrationDeliveries)
      .where(eq(integrationDeliveries.integrationId, row.id))
      .orderBy(desc(integrationDeliveries.id))
      .limit(1)
  )[0];
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    enabled: row.enabled,
    endpointPath: endpointPath(row),
    secretHint: row.secretHint,
    hmacConfigured: row.hmacSecret !== null,
    rules: parseRules(row),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    lastDelivery: last ? { at: last.at, httpStatus: last.httpStatus, outcome: last.outcome as DeliveryOutcome } : null,
  };
}

export const parseResult = (text: string | null) => (text === null ? null : (JSON.parse(text) as DeliveryResult));

/** The alerts panel's state for one incident (also the `alerts.changed` payload). */
export async function incidentAlertsState(db: Reader, incidentId: number): Promise<IncidentAlerts> {
  const counts = (
    await db
      .select({ total: sql<number>`count(*)`, firing: sql<number>`${countWhere(sql`${alerts.status} = 'firing'`)}` })
      .from(alerts)
      .where(eq(alerts.incidentId, incidentId))
  )[0] ?? { total: 0, firing: 0 };
  const rows = await db
    .select({ alert: alerts, integrationName: integrations.name, kind: integrations.kind })
    .from(alerts)
    .innerJoin(integrations, eq(integrations.id, alerts.integrationId))
    .where(eq(alerts.incidentId, incidentId))
    .orderBy(sql`${alerts.status} = 'firing' DESC`, desc(alerts.lastSeenAt), desc(alerts.id))
    .limit(INCIDENT_ALERTS_SHOWN);
  const view = ({ alert: a, integrationName, kind }: (typeof rows)[number]): IncidentAlertView => ({
    id: a.id,
    integrationId: a.integrationId,
    integrationName,
    kind,
    dedupKey: a.dedupKey,
    groupKey: a.groupKey,
    status: a.status,
    title: a.title,
    labels: JSON.parse(a.labels) as Record<string, string>,
    annotations: JSON.parse(a.annotations) as Record<string, string>,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    generatorUrl: a.generatorUrl,
    dashboardUrl: a.dashboardUrl,
    panelUrl: a.panelUrl,
    silenceUrl: a.silenceUrl,
    firstSeenAt: a.firstSeenAt,
    lastSeenAt: a.lastSeenAt,
  });
  return { alerts: rows.map(view), total: counts.total, firing: counts.firing, allResolved: counts.total > 0 && counts.firing === 0 };
}

/** Every integration, oldest first (the order they were set up in). */
export const allIntegrations = async (db: Reader) => await db.select().from(integrations).orderBy(asc(integrations.id));

export const deliveryOf = async (db: Reader, integrationId: number, deliveryId: number) =>
  (
    await db
      .select()
      .from(integrationDeliveries)
      .where(and(eq(integrationDeliveries.integrationId, integrationId), eq(integrationDeliveries.id, deliveryId)))
  )[0];
