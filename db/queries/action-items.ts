import "server-only";
import { and, asc, desc, eq, inArray, not, sql, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError, forbidden, notFound, validationFailed } from "@/lib/errors";
import { hasRole } from "@/lib/roles";
import { parseInput } from "@/lib/validation/parse";
import { createActionItemSchema, listActionItemsSchema, updateActionItemSchema } from "@/lib/validation/action-item";
import { incidentReference, parseReference } from "@/lib/validation/incident";
import {
  ACTION_STATUS_INFO,
  ORGANISATION_TIME_ZONE,
  UNFINISHED_STATUSES,
  actionItemProgress,
  daysOverdue,
  defaultDueDate,
  formatDueDate,
  isFinished,
  todayIn,
} from "@/lib/action-items";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import { getDb, type Db } from "../client";
import { actionItems, incidents, services, teamMembers, users, type ActionItem } from "../schema";
import { recordAudit } from "../access/audit";
import { writeTimelineEntry } from "../access/timeline";
import { findVisibleIncident, visibleTo } from "../access/incidents";

type Reader = Pick<Db, "select">;
type Tx = Pick<Db, "insert" | "select" | "update" | "delete">;

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

const today = (now = Date.now()) => todayIn(ORGANISATION_TIME_ZONE, now);

function selectViews(db: Reader) {
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

type ViewRow = Awaited<ReturnType<ReturnType<typeof selectViews>["all"]>>[number];

function toView({ item, ...rest }: ViewRow, day: string): ActionItemView {
  const late = daysOverdue(item, day);
  return { ...item, ...rest, incidentReference: incidentReference(item.incidentId), overdue: late > 0, daysOverdue: late };
}

function viewById(db: Reader, id: number, day = today()): ActionItemView {
  return toView(selectViews(db).where(eq(actionItems.id, id)).get()!, day);
}

/** The item with this id when its incident is visible to the actor; else 404 (a hidden item does not exist). */
function findVisibleItem(db: Reader, actor: Actor, id: number): ActionItem {
  const item = Number.isSafeInteger(id) ? db.select().from(actionItems).where(eq(actionItems.id, id)).get() : undefined;
  if (!item || !findVisibleIncident(db, actor, item.incidentId)) throw notFound("Action item");
  return item;
}

/** An active user by id or email, else a 400 naming the field the caller used. */
function activeOwner(db: Reader, data: { ownerId?: number; ownerEmail?: string }): { id: number; name: string } {
  const field = data.ownerEmail !== undefined ? "ownerEmail" : "ownerId";
  const owner = db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(data.ownerEmail !== undefined ? eq(users.email, data.ownerEmail) : eq(users.id, data.ownerId!), eq(users.disabled, false)))
    .get();
  if (!owner) throw validationFailed({ [field]: "No active user with this id or email" }, `Owner not found: ${field} must name an active user`);
  return owner;
}

/** The service named by id or slug (null clears it), else a 400 naming the field used; undefined when not given. */
function existingService(db: Reader, data: { serviceId?: number | null; service?: string | null }): number | null | undefined {
  if (data.service !== undefined && data.service !== null) {
    const found = db.select({ id: services.id }).from(services).where(eq(services.slug, data.service)).get();
    if (!found) throw validationFailed({ service: "No service with this slug" });
    return found.id;
  }
  if (data.serviceId !== undefined && data.serviceId !== null) {
    if (!db.select({ id: services.id }).from(services).where(eq(services.id, data.serviceId)).get()) {
      throw validationFailed({ serviceId: "No service with this id" });
    }
    return data.serviceId;
  }
  return data.service === null || data.serviceId === null ? null : undefined;
}

export function getActionItem({ actor, id }: { actor: Actor; id: number }): ActionItemView {
  const db = getDb();
  return viewById(db, findVisibleItem(db, actor, id).id);
}

/**
 * Adds an action item to an incident (responders). The due date defaults by priority; a
 * timeline entry on the incident and an audit record go in the same transaction.
 */
export function createActionItem({ actor, incidentId, input }: { actor: Actor; incidentId: number; input: unknown }): ActionItemView {
  const now = Date.now();
  return getDb().transaction(
    (tx) => {
      if (!findVisibleIncident(tx, actor, incidentId)) throw notFound();
      if (!hasRole(actor.role, "responder")) throw forbidden("Viewers cannot add action items");
      const data = parseInput(createActionItemSchema, input);
      const owner = activeOwner(tx, data);
      const status = data.status ?? "open";
      const item = tx
        .insert(actionItems)
        .values({
          incidentId,
          title: data.title,
          description: data.description ?? "",
          ownerId: owner.id,
          dueDate: data.dueDate ?? defaultDueDate(data.priority, today(now)),
          priority: data.priority,
          kind: data.kind,
          status,
          trackerUrl: data.trackerUrl ?? null,
          serviceId: existingService(tx, data) ?? null,
          createdById: actor.kind === "user" ? actor.userId : null,
          createdAt: now,
          updatedAt: now,
          completedAt: isFinished(status) ? now : null,
        })
        .returning()
        .get();
      writeTimelineEntry(
        tx,
        actor,
        {
          incidentId,
          kind: "action_item",
          body: `Action item added: ${item.title} (${item.priority}, owner ${owner.name}, due ${formatDueDate(item.dueDate)})`,
          meta: { field: "action_item", actionItemId: item.id, from: null, to: item.status },
        },
        now,
      );
      recordAudit(tx, actor, { action: "action_item.create", entityType: "action_item", entityId: item.id, after: item }, now);
      return viewById(tx, item.id, today(now));
    },
    { behavior: "immediate" },
  );
}

const EDITABLE = ["title", "description", "ownerId", "dueDate", "priority", "kind", "status", "trackerUrl", "serviceId"] as const;

/**
 * Changes an item with the version last read; a stale version gets 409 with the current
 * item. A status or owner change writes a timeline entry on its incident; every change
 * an audit record. Done / won't do stamps completedAt; reopening clears it.
 */
export function updateActionItem({ actor, id, input }: { actor: Actor; id: number; input: unknown }): ActionItemView {
  const now = Date.now();
  return getDb().transaction(
    (tx) => {
      const current = findVisibleItem(tx, actor, id);
      if (!hasRole(actor.role, "responder")) throw forbidden("Viewers cannot change action items");
      const data = parseInput(updateActionItemSchema, input);
      if (data.version !== current.version) throw staleItem(tx, current);

      const next: Partial<ActionItem> = {
        title: data.title,
        description: data.description,
        dueDate: data.dueDate,
        priority: data.priority,
        kind: data.kind,
        status: data.status,
        trackerUrl: data.trackerUrl,
      };
      const newOwner = data.ownerId !== undefined || data.ownerEmail !== undefined ? activeOwner(tx, data) : null;
      if (newOwner) next.ownerId = newOwner.id;
      const serviceId = existingService(tx, data);
      if (serviceId !== undefined) next.serviceId = serviceId;
      const changes: Partial<ActionItem> = {};
      for (const field of EDITABLE) {
        const value = next[field];
        if (value !== undefined && value !== current[field]) (changes as Record<string, unknown>)[field] = value;
      }
      if (Object.keys(changes).length === 0) return viewById(tx, current.id, today(now));
      if (changes.status) changes.completedAt = isFinished(changes.status) ? now : null;

      const updated = tx
        .update(actionItems)
        .set({ ...changes, version: sql`${actionItems.version} + 1`, updatedAt: now })
        .where(and(eq(actionItems.id, current.id), eq(actionItems.version, current.version)))
        .returning()
        .get();
      if (!updated) throw staleItem(tx, current);

      const title = updated.title;
      if (changes.status) {
        writeTimelineEntry(
          tx,
          actor,
          {
            incidentId: current.incidentId,
            kind: "action_item",
            body: `Action item “${title}”: ${ACTION_STATUS_INFO[current.status].label} → ${ACTION_STATUS_INFO[changes.status].label}`,
            meta: { field: "action_item.status", actionItemId: current.id, from: current.status, to: changes.status },
          },
          now,
        );
      }
      if (changes.ownerId !== undefined) {
        const before = current.ownerId === null ? null : tx.select({ name: users.name }).from(users).where(eq(users.id, current.ownerId)).get();
        writeTimelineEntry(
          tx,
          actor,
          {
            incidentId: current.incidentId,
            kind: "action_item",
            body: `Action item “${title}”: owner ${before?.name ?? "nobody"} → ${newOwner!.name}`,
            meta: { field: "action_item.owner", actionItemId: current.id, from: current.ownerId, to: changes.ownerId },
          },
          now,
        );
      }
      const before = Object.fromEntries(Object.keys(changes).map((k) => [k, current[k as keyof ActionItem]]));
      recordAudit(tx, actor, { action: "action_item.update", entityType: "action_item", entityId: current.id, before, after: changes }, now);
      return viewById(tx, updated.id, today(now));
    },
    { behavior: "immediate" },
  );
}

function staleItem(tx: Reader, item: ActionItem) {
  const current = viewById(tx, item.id);
  return new AppError(
    "conflict",
    `This action item was changed by someone else (now version ${current.version}). Review the current state and try again.`,
    { version: "Stale version" },
    { current },
  );
}

const dayKey = (date: string) => Number(date.replaceAll("-", ""));
const dayFromKey = (key: number) => {
  const s = String(key).padStart(8, "0");
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
};

/**
 * Action items across the incidents the actor can see, filtered and sorted by due date
 * (soonest first; `sort=-due` for latest first), a page at a time.
 */
export function listActionItems({ actor, query }: { actor: Actor; query: unknown }): { items: ActionItemView[]; nextCursor: string | null } {
  const filter = parseInput(listActionItemsSchema, query);
  const day = today();
  const conditions: SQL[] = [];
  const visible = visibleTo(actor);
  if (visible) conditions.push(visible);
  if (filter.owner === "me") {
    if (actor.kind !== "user") throw validationFailed({ owner: '"me" needs a signed-in person; give a user id or email' });
    conditions.push(eq(actionItems.ownerId, actor.userId));
  } else if (filter.owner?.includes("@")) {
    conditions.push(eq(users.email, filter.owner));
  } else if (filter.owner) {
    conditions.push(eq(actionItems.ownerId, Number(filter.owner)));
  }
  if (filter.team !== undefined) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${teamMembers} WHERE ${teamMembers.teamId} = ${filter.team} AND ${teamMembers.userId} = ${actionItems.ownerId})`,
    );
  }
  if (filter.service) conditions.push(eq(services.slug, filter.service));
  if (filter.status) conditions.push(inArray(actionItems.status, filter.status));
  if (filter.priority) conditions.push(inArray(actionItems.priority, filter.priority));
  if (filter.incident) conditions.push(eq(actionItems.incidentId, parseReference(filter.incident)!));
  if (filter.overdue) {
    const overdue = and(inArray(actionItems.status, [...UNFINISHED_STATUSES]), sql`${actionItems.dueDate} < ${day}`)!;
    conditions.push(filter.overdue === "1" || filter.overdue === "true" ? overdue : not(overdue));
  }
  const ascending = filter.sort === "due";
  if (filter.cursor) {
    const c = decodeCursor(filter.cursor);
    if (!c || c.rank !== (ascending ? 1 : -1)) {
      throw new AppError("validation_failed", "cursor is not valid for this sort; use nextCursor from a previous page", { cursor: "Invalid cursor" });
    }
    const due = dayFromKey(c.at);
    conditions.push(
      ascending
        ? sql`(${actionItems.dueDate} > ${due} OR (${actionItems.dueDate} = ${due} AND ${actionItems.id} > ${c.id}))`
        : sql`(${actionItems.dueDate} < ${due} OR (${actionItems.dueDate} = ${due} AND ${actionItems.id} < ${c.id}))`,
    );
  }
  const rows = selectViews(getDb())
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(...(ascending ? [asc(actionItems.dueDate), asc(actionItems.id)] : [desc(actionItems.dueDate), desc(actionItems.id)]))
    .limit(filter.limit + 1)
    .all();
  const items = rows.slice(0, filter.limit).map((row) => toView(row, day));
  const last = items[items.length - 1];
  const nextCursor = rows.length > filter.limit && last ? encodeCursor({ rank: ascending ? 1 : -1, at: dayKey(last.dueDate), id: last.id }) : null;
  return { items, nextCursor };
}

/** An incident's items, unfinished first then by due date, with progress; 404 when the incident is hidden. */
export function actionItemsForIncident({ actor, incidentId }: { actor: Actor; incidentId: number }): {
  items: ActionItemView[];
  progress: ActionItemProgress;
} {
  const db = getDb();
  if (!findVisibleIncident(db, actor, incidentId)) throw notFound();
  const day = today();
  const items = selectViews(db)
    .where(eq(actionItems.incidentId, incidentId))
    .orderBy(sql`CASE WHEN ${actionItems.status} IN ('open','in_progress') THEN 0 ELSE 1 END`, asc(actionItems.dueDate), asc(actionItems.id))
    .all()
    .map((row) => toView(row, day));
  return { items, progress: actionItemProgress(items) };
}

/** Unfinished items per incident, for lists that show "N open action items". */
export function openActionItemCounts(incidentIds: number[]): Map<number, number> {
  const map = new Map<number, number>();
  if (incidentIds.length === 0) return map;
  const rows = getDb()
    .select({ incidentId: actionItems.incidentId, n: sql<number>`count(*)` })
    .from(actionItems)
    .where(and(inArray(actionItems.incidentId, incidentIds), inArray(actionItems.status, [...UNFINISHED_STATUSES])))
    .groupBy(actionItems.incidentId)
    .all();
  for (const row of rows) map.set(row.incidentId, row.n);
  return map;
}
