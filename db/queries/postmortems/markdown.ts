import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { notFound } from "@/lib/errors";
import { incidentReference } from "@/lib/validation/incident";
import { postmortemFileName, postmortemMarkdown, type MarkdownActionItem } from "@/lib/postmortem-markdown";
import { getDb } from "../../client";
import { actionItems, users } from "../../schema";
import type { Reader } from "../../types";
import { findVisibleIncident } from "../../access/incidents";
import { getPostmortem } from "./detail";

/** The incident's action items for the export, with owner names; most urgent first. */
export async function postmortemActionItems(db: Reader, incidentId: number): Promise<MarkdownActionItem[]> {
  return await db
    .select({
      title: actionItems.title,
      ownerName: users.name,
      status: actionItems.status,
      priority: actionItems.priority,
      dueDate: actionItems.dueDate,
      trackerUrl: actionItems.trackerUrl,
    })
    .from(actionItems)
    .leftJoin(users, eq(users.id, actionItems.ownerId))
    .where(eq(actionItems.incidentId, incidentId))
    .orderBy(asc(actionItems.priority), asc(actionItems.dueDate), asc(actionItems.id));
}

/** The Markdown download (same access as reading the postmortem); 404 when none. */
export async function exportPostmortemMarkdown({ actor, incidentId }: { actor: Actor; incidentId: number }): Promise<{ fileName: string; markdown: string }> {
  const detail = await getPostmortem({ actor, incidentId });
  if (!detail) throw notFound("Postmortem");
  const db = getDb();
  const incident = (await findVisibleIncident(db, actor, incidentId))!;
  const reference = incidentReference(incident.id);
  return {
    fileName: postmortemFileName(reference),
    markdown: postmortemMarkdown({ incident: { ...incident, reference }, postmortem: detail, actionItems: await postmortemActionItems(db, incidentId) }),
  };
}
