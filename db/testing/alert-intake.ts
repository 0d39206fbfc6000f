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

export const incidentOf = (db: Db, id: number) => db.select().from(incidents).where(eq(incidents.id, id)).get()!;
export const timelineOf = (db: Db, id: number) =>
  db.select().from(timelineEntries).where(eq(timelineEntries.incidentId, id)).orderBy(asc(timelineEntries.id)).all();
export const eventsOf = (db: Db, id: number, type?: string) =>
  db
    .select()
    .from(events)
    .where(and(eq(events.incidentId, id), type ? eq(events.type, type) : undefined))
    .orderBy(asc(events.id))
    .all();
export const alertsOfIntegration = (db: Db, integrationId: number) =>
  db.select().from(alerts).where(eq(alerts.integrationId, integrationId)).orderBy(asc(alerts.id)).all();
export const deliveriesOf = (db: Db, integrationId: number) =>
  db.select().from(integrationDeliveries).where(eq(integrationDeliveries.integrationId, integrationId)).orderBy(asc(integrationDeliveries.id)).all();
export const auditFor = (db: Db, action: string) => db.select().from(auditLog).where(eq(auditLog.action, action)).all();
export const refId = (ref: unknown) => Number(String(ref).replace("INC-", ""));
