import "server-only";
import type { Actor } from "@/lib/actor";
import { notFound } from "@/lib/errors";
import type { Severity } from "@/lib/severity";
import type { PostmortemStatus } from "@/lib/postmortem-template";
import { postmortemDueState, postmortemRequired, type PostmortemDue } from "@/lib/postmortem-due";
import { getDb } from "../../client";
import type { Incident } from "../../schema";
import type { Reader } from "../../types";
import { findVisibleIncident } from "../../access/incidents";
import { readOrgTimeZone, readRequiredSeverities } from "../../access/settings";
import { budgetFlaggedIncidents } from "./budget-flags";
import { findPostmortemRow } from "./stored";

export type DueContext = { required: Severity[]; timeZone: string; now: number };

export const dueContext = async (db: Reader, now = Date.now()): Promise<DueContext> => ({
  required: await readRequiredSeverities(db),
  timeZone: await readOrgTimeZone(db),
  now,
});

export function dueOf(
  incident: Pick<Incident, "severity" | "drill" | "resolvedAt">,
  status: PostmortemStatus | null,
  flaggedByBudget: boolean,
  ctx: DueContext,
): PostmortemDue {
  const required = postmortemRequired(incident.severity, incident.drill, ctx.required, flaggedByBudget);
  return postmortemDueState({ required, resolvedAt: incident.resolvedAt, status, now: ctx.now, timeZone: ctx.timeZone });
}

/** Whether the incident needs a postmortem and where that stands, with or without one started. */
export async function incidentPostmortemDue(db: Reader, incident: Incident, status: PostmortemStatus | null, now = Date.now()): Promise<PostmortemDue> {
  const ctx = await dueContext(db, now);
  const needsBudgetCheck = !incident.drill && !ctx.required.includes(incident.severity);
  const flagged = needsBudgetCheck && (await budgetFlaggedIncidents(db, [incident.id], now)).has(incident.id);
  return dueOf(incident, status, flagged, ctx);
}

/** Whether and when the incident's postmortem is due, for the incident page (viewers included). */
export async function postmortemDueForIncident({ actor, incidentId }: { actor: Actor; incidentId: number }): Promise<PostmortemDue & { started: boolean }> {
  const db = getDb();
  const incident = await findVisibleIncident(db, actor, incidentId);
  if (!incident) throw notFound();
  const row = await findPostmortemRow(db, incidentId);
  return { ...(await incidentPostmortemDue(db, incident, row?.status ?? null)), started: Boolean(row) };
}
