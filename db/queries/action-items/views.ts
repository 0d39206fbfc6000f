import "server-only";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { notFound } from "@/lib/errors";
import { incidentReference } from "@/lib/validation/incident";
import { ORGANISATION_TIME_ZONE, actionItemProgress, daysOverdue, todayIn } from "@/lib/action-items";
import { actionItems, incidents, services, users, type ActionItem } from "../../schema";
import type { Reader } from "../../types";
import { findVisibleIncident } from "../../access/incidents";

/** An action item as pages and the API read it: with its incident, owner and service by name, and whether it is overdue. */
export type ActionItemView = ActionItem & {
  /** "INC-42" */
  incidentReference: string;
  incidentTitle: string;
  ownerName: string | null;
  ownerEmail: string | null;
  serviceSlug: string | null;
  serviceName: string | null;
  overdue: boolean;
  /** Days past the due date; 0 unless overdue. */
  daysOverdue: number;
};

export type ActionItemProgress = ReturnType<typeof actionItemProgress>;

export const today = (now = Date.now()) => todayIn(ORGANISATION_TIME_ZONE, now);

export function selectViews(db: Reader) {
  return db
    .select({
      item: actionItems,
      incidentTitle: incidents.title,
      ownerName: users.name,
      ownerEmail: users.email,
      serviceSlug: services.slug,
      serviceName: services.name,
    })
    .from(actionItems)
    .innerJoin(incidents, eq(incidents.id, actionItems.incidentId))
    .leftJoin(users, eq(users.id, actionItems.ownerId))
    .leftJoin(services, eq(services.id, actionItems.serviceId));
}

type ViewRow = Awaited<ReturnType<typeof selectViews>>[number];

export function toView({ item, ...rest }: ViewRow, day: string): ActionItemView {
  const late = daysOverdue(item, day);
  return { ...item, ...rest, incidentReference: incidentReference(item.incidentId), overdue: late > 0, daysOverdue: late };
}

export async function viewById(db: Reader, id: number, day = today()): Promise<ActionItemView> {
  return toView((await selectViews(db).where(eq(actionItems.id, id)))[0]!, day);
}

/** The item with this id when its incident is visible to the actor; else 404 (a hidden item does not exist). */
export async function findVisibleItem(db: Reader, actor: Actor, id: number): Promise<ActionItem> {
  const item = Number.isSafeInteger(id) ? (await db.select().from(actionItems).where(eq(actionItems.id, id)))[0] : undefined;
  if (!item || !(await findVisibleIncident(db, actor, item.incidentId))) throw notFound("Action item");
  return item;
}
