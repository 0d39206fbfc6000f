// Helpers for the intake tests: post a payload to receiveAlerts as the route would.
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { alerts, auditLog, events, incidents, integrationDeliveries, timelineEntries } from "../schema";
import { receiveAlerts, type IntakeRequest } from "../commands/integrations/intake";

export function post(integrationId: number, kind: string, secret: string | null, body: unknown, extra: Partial<IntakeRequest> = {}) {
  return receiveAlerts({
    integrationId,
    kind,
    authorization: secret === null ? null : `Bearer ${secret}`,
    signature: null,
    signatureTimestamp: null,
    body: { text: typeof body === "string" ? body : JSON.stringify(body) },
    ip: "203.0.113.9",
    ...extra,
  });
}

export const incidentOf = async (db: Db, id: number) => (await db.select().from(incidents).where(eq(incidents.id, id)))[0]!;
export const timelineOf = async (db: Db, id: number) =>
  await db.select().from(timelineEntries).where(eq(timelineEntries.incidentId, id)).orderBy(asc(timelineEntries.id));
export const eventsOf = async (db: Db, id: number, type?: string) =>
  await db
    .select()
    .from(events)
    .where(and(eq(events.incidentId, id), type ? eq(events.type, type) : undefined))
    .orderBy(asc(events.id));
export const alertsOfIntegration = async (db: Db, integrationId: number) =>
  await db.select().from(alerts).where(eq(alerts.integrationId, integrationId)).orderBy(asc(alerts.id));
export const deliveriesOf = async (db: Db, integrationId: number) =>
  await db.select().from(integrationDeliveries).where(eq(integrationDeliveries.integrationId, integrationId)).orderBy(asc(integrationDeliveries.id));
export const auditFor = async (db: Db, action: string) => await db.select().from(auditLog).where(eq(auditLog.action, action));
export const refId = (ref: unknown) => Number(String(ref).replace("INC-", ""));
