import "server-only";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { actorLabel } from "@/lib/actor";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { hasRole } from "@/lib/roles";
import type { Severity } from "@/lib/severity";
import { computeBudget } from "@/lib/error-budget";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import { incidentReference } from "@/lib/validation/incident";
import { parseInput } from "@/lib/validation/parse";
import {
  addCommentSchema,
  listPostmortemsSchema,
  regenerateTimelineSchema,
  savePostmortemSchema,
  type ListPostmortemStatus,
} from "@/lib/validation/postmortem";
import {
  REVIEW_CHECKLIST,
  SECTION_KEYS,
  type PostmortemSectionKey,
  type PostmortemStatus,
  type ReviewCheckKey,
} from "@/lib/postmortem-template";
import { POSTMORTEM_DUE_BUSINESS_DAYS, postmortemDueState, postmortemRequired, type PostmortemDue } from "@/lib/postmortem-due";
import { generateIncidentTimeline } from "@/lib/postmortem-timeline";
import { parseNoActionItemsReason, storedSections } from "@/lib/postmortem-action-items";
import { impactSectionDraft, postmortemFileName, postmortemMarkdown, type MarkdownActionItem } from "@/lib/postmortem-markdown";
import { getDb, type Db } from "../client";
import {
  actionItems,
  contributingFactors,
  incidentServices,
  incidents,
  postmortemComments,
  postmortemFactors,
  postmortemReviewers,
  postmortems,
  slos,
  timelineEntries,
  users,
  type Incident,
  type Postmortem,
} from "../schema";
import { recordAudit } from "../access/audit";
import { writeTimelineEntry } from "../access/timeline";
import { findVisibleIncident, visibleTo } from "../access/incidents";
import { incidentSloSpend, linkedServices } from "./incident-services";
import { impactWindowsFor, loadImpacts, loadOverrides, MAX_WINDOW_DAYS } from "../access/slo-budgets";
import { getOrgTimeZone, getRequiredSeverities } from "./settings";

type Reader = Pick<Db, "select">;
type Tx = Pick<Db, "select" | "insert" | "update" | "delete">;
const DAY = 24 * 60 * 60 * 1000;

export type PostmortemPerson = { id: number; name: string; email: string };
export type PostmortemCommentView = { id: number; section: string; body: string; authorLabel: string; createdAt: number };

export type PostmortemDetail = {
  id: number;
  incidentId: number;
  status: PostmortemStatus;
  version: number;
  owner: PostmortemPerson | null;
  sections: Record<PostmortemSectionKey, string>;
  factors: { id: number; name: string }[];
  tags: string[];
  reviewers: PostmortemPerson[];
  reviewChecklist: Record<ReviewCheckKey, boolean>;
  comments: PostmortemCommentView[];
  createdAt: number;
  updatedAt: number;
  submittedAt: number | null;
  publishedAt: number | null;
  /** Name of the person who published it; null when unpublished or published with an API token. */
  publishedBy: string | null;
  /** The explicit "no action items needed" note, or null. */
  noActionItemsReason: string | null;
  due: PostmortemDue;
};

// ── Stored JSON ─────────────────────────────────────────────────────────────

function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Every template section, "" for the ones not written. */
export function parseSections(text: string): Record<PostmortemSectionKey, string> {
  const stored = parseObject(text);
  return Object.fromEntries(SECTION_KEYS.map((key) => [key, typeof stored[key] === "string" ? stored[key] : ""])) as Record<PostmortemSectionKey, string>;
}

export function parseTags(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === "string") : [];
  } catch {
    return [];
  }
}

/** Every review question, false for the ones not ticked. */
export function parseChecklist(text: string): Record<ReviewCheckKey, boolean> {
  const stored = parseObject(text);
  return Object.fromEntries(REVIEW_CHECKLIST.map(({ key }) => [key, stored[key] === true])) as Record<ReviewCheckKey, boolean>;
}

// ── Due rules ───────────────────────────────────────────────────────────────

/**
 * Incidents among `incidentIds` whose own spend exhausted an SLO's error budget (DESIGN.md:
 * those need a postmortem whatever their severity). Impact older than the longest SLO window
 * no longer counts.
 */
export function budgetFlaggedIncidents(db: Reader, incidentIds: number[], now = Date.now()): Set<number> {
  const flagged = new Set<number>();
  if (!incidentIds.length) return flagged;
  const links = db
    .select({ incidentId: incidentServices.incidentId, serviceId: incidentServices.serviceId })
    .from(incidentServices)
    .where(inArray(incidentServices.incidentId, incidentIds))
    .all();
  if (!links.length) return flagged;
  const serviceIds = [...new Set(links.map((l) => l.serviceId))];
  const sloRows = db.select().from(slos).where(inArray(slos.serviceId, serviceIds)).all();
  if (!sloRows.length) return flagged;
  const impacts = loadImpacts(db, serviceIds, now - MAX_WINDOW_DAYS * DAY, now);
  const overrides = loadOverrides(db, sloRows.map((s) => s.id));
  for (const slo of sloRows) {
    const windows = impactWindowsFor(slo, impacts, overrides);
    const input = { objective: slo.objective, windowDays: slo.windowDays, impacts: windows, now };
    const full = computeBudget(input);
    // Only an SLO exhausted with all its incidents can have been pushed to exhausted by one of them.
    if (full.status !== "exhausted") continue;
    const own = new Map(full.byIncident.map((b) => [b.incidentId, b.minutes]));
    const inWindow = new Set(windows.map((w) => w.incidentId));
    for (const link of links) {
      if (link.serviceId !== slo.serviceId || flagged.has(link.incidentId) || !inWindow.has(link.incidentId)) continue;
      // Without an incident, spend falls by at most the minutes credited to it: if that still
      // leaves the budget spent, the SLO was exhausted without it and it pushed nothing.
      if (full.remainingMinutes + (own.get(link.incidentId) ?? 0) <= 0) continue;
      const without = computeBudget({ ...input, impacts: windows.filter((w) => w.incidentId !== link.incidentId) });
      if (without.status !== "exhausted") flagged.add(link.incidentId);
    }
  }
  return flagged;
}

type DueContext = { required: Severity[]; timeZone: string; now: number };

const dueContext = (db: Reader, now = Date.now()): DueContext => ({ required: getRequiredSeverities(db), timeZone: getOrgTimeZone(db), now });

function dueOf(
  incident: Pick<Incident, "severity" | "drill" | "resolvedAt">,
  status: PostmortemStatus | null,
  flaggedByBudget: boolean,
  ctx: DueContext,
): PostmortemDue {
  const required = postmortemRequired(incident.severity, incident.drill, ctx.required, flaggedByBudget);
  return postmortemDueState({ required, resolvedAt: incident.resolvedAt, status, now: ctx.now, timeZone: ctx.timeZone });
}

/** Whether the incident needs a postmortem and where that stands, with or without one started. */
export function incidentPostmortemDue(db: Reader, incident: Incident, status: PostmortemStatus | null, now = Date.now()): PostmortemDue {
  const ctx = dueContext(db, now);
  const needsBudgetCheck = !incident.drill && !ctx.required.includes(incident.severity);
  const flagged = needsBudgetCheck && budgetFlaggedIncidents(db, [incident.id], now).has(incident.id);
  return dueOf(incident, status, flagged, ctx);
}

// ── Reading ─────────────────────────────────────────────────────────────────

function findPostmortemRow(db: Reader, incidentId: number): Postmortem | undefined {
  return db.select().from(postmortems).where(eq(postmortems.incidentId, incidentId)).get();
}

function personById(db: Reader, id: number | null): PostmortemPerson | null {
  if (id === null) return null;
  return db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, id)).get() ?? null;
}

/** A postmortem row with its people, factors and comments: the shape pages and the API read. */
export function postmortemDetail(db: Reader, incident: Incident, row: Postmortem, now = Date.now()): PostmortemDetail {
  const factors = db
    .select({ id: contributingFactors.id, name: contributingFactors.name })
    .from(postmortemFactors)
    .innerJoin(contributingFactors, eq(contributingFactors.id, postmortemFactors.factorId))
    .where(eq(postmortemFactors.postmortemId, row.id))
    .orderBy(asc(contributingFactors.name))
    .all();
  const reviewers = db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(postmortemReviewers)
    .innerJoin(users, eq(users.id, postmortemReviewers.userId))
    .where(eq(postmortemReviewers.postmortemId, row.id))
    // In the order they were named.
    .orderBy(asc(postmortemReviewers.addedAt), sql`${postmortemReviewers}.rowid`)
    .all();
  const comments = db
    .select({
      id: postmortemComments.id,
      section: postmortemComments.section,
      body: postmortemComments.body,
      authorLabel: postmortemComments.authorLabel,
      createdAt: postmortemComments.createdAt,
    })
    .from(postmortemComments)
    .where(eq(postmortemComments.postmortemId, row.id))
    .orderBy(asc(postmortemComments.createdAt), asc(postmortemComments.id))
    .all();
  return {
    id: row.id,
    incidentId: row.incidentId,
    status: row.status,
    version: row.version,
    owner: personById(db, row.ownerId),
    sections: parseSections(row.sections),
    factors,
    tags: parseTags(row.tags),
    reviewers,
    reviewChecklist: parseChecklist(row.reviewChecklist),
    comments,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    submittedAt: row.submittedAt,
    publishedAt: row.publishedAt,
    publishedBy: personById(db, row.publishedById)?.name ?? null,
    noActionItemsReason: parseNoActionItemsReason(row.sections),
    due: incidentPostmortemDue(db, incident, row.status, now),
  };
}

/**
 * The incident's postmortem, or null when none was started. Private incidents follow the
 * incident's visibility (404); viewers read only published postmortems (a draft is a 404).
 */
export function getPostmortem({ actor, incidentId }: { actor: Actor; incidentId: number }): PostmortemDetail | null {
  const db = getDb();
  const incident = findVisibleIncident(db, actor, incidentId);
  if (!incident) throw notFound();
  const row = findPostmortemRow(db, incidentId);
  if (!row) return null;
  if (row.status !== "published" && !hasRole(actor.role, "responder")) throw notFound("Postmortem");
  return postmortemDetail(db, incident, row);
}

/** Whether and when the incident's postmortem is due, for the incident page (viewers included). */
export function postmortemDueForIncident({ actor, incidentId }: { actor: Actor; incidentId: number }): PostmortemDue & { started: boolean } {
  const db = getDb();
  const incident = findVisibleIncident(db, actor, incidentId);
  if (!incident) throw notFound();
  const row = findPostmortemRow(db, incidentId);
  return { ...incidentPostmortemDue(db, incident, row?.status ?? null), started: Boolean(row) };
}

// ── Writing ─────────────────────────────────────────────────────────────────

/** Access for changing a postmortem: the incident visible (404), a responder (403), a postmortem (404). */
export function loadForWrite(tx: Reader, actor: Actor, incidentId: number): { incident: Incident; row: Postmortem } {
  const incident = findVisibleIncident(tx, actor, incidentId);
  if (!incident) throw notFound();
  if (!hasRole(actor.role, "responder")) throw forbidden("Viewers cannot change postmortems");
  const row = findPostmortemRow(tx, incidentId);
  if (!row) throw notFound("Postmortem");
  return { incident, row };
}

/** 409 with the current postmortem, so the editor can show both versions and nothing typed is lost. */
export function stalePostmortem(tx: Reader, incident: Incident, row: Postmortem): AppError {
  return new AppError(
    "conflict",
    `This postmortem was changed by someone else (now version ${row.version}). Your text is kept: compare both versions and save again.`,
    { version: "Stale version" },
    { current: postmortemDetail(tx, incident, row) },
  );
}

export function assertNotPublished(row: Postmortem) {
  if (row.status === "published") {
    throw new AppError("unprocessable", "This postmortem is published; an admin must move it back to draft first to edit it", { status: "Published" });
  }
}

/** Writes the versioned update (WHERE id AND version); zero rows → 409 with the current state. */
function updateVersioned(tx: Tx, incident: Incident, row: Postmortem, changes: Partial<Postmortem>, now: number): Postmortem {
  const updated = tx
    .update(postmortems)
    .set({ ...changes, version: sql`${postmortems.version} + 1`, updatedAt: now })
    .where(and(eq(postmortems.id, row.id), eq(postmortems.version, row.version)))
    .returning()
    .get();
  if (!updated) throw stalePostmortem(tx, incident, findPostmortemRow(tx, incident.id) ?? row);
  return updated;
}

/**
 * The timeline section generated from the incident: key times, status/severity changes,
 * highlighted entries and, with `includeAllNotes`, every note (lib/postmortem-timeline.ts).
 */
function timelineFromIncident(db: Reader, incident: Incident, includeAllNotes = false): string {
  const entries = db
    .select({
      occurredAt: timelineEntries.occurredAt,
      body: timelineEntries.body,
      authorLabel: timelineEntries.authorLabel,
      kind: timelineEntries.kind,
      highlighted: timelineEntries.highlighted,
    })
    .from(timelineEntries)
    .where(eq(timelineEntries.incidentId, incident.id))
    .orderBy(asc(timelineEntries.occurredAt), asc(timelineEntries.id))
    .all();
  return generateIncidentTimeline({ entries, keyTimes: incident, includeAllNotes });
}

/**
 * Starts the incident's postmortem from the template (one per incident: 409 when it
 * exists). The timeline section is generated from the incident (key times, status and
 * severity changes, highlighted entries) and the impact
 * section from affected services, SLO spend and durations; the rest start empty. The
 * person starting it owns it.
 */
export function startPostmortem({ actor, incidentId }: { actor: Actor; incidentId: number }): PostmortemDetail {
  getDb().transaction(
    (tx) => {
      const incident = findVisibleIncident(tx, actor, incidentId);
      if (!incident) throw notFound();
      if (!hasRole(actor.role, "responder")) throw forbidden("Viewers cannot start postmortems");
      const existing = findPostmortemRow(tx, incidentId);
      if (existing) {
        throw new AppError("conflict", `${incidentReference(incidentId)} already has a postmortem`, undefined, {
          current: postmortemDetail(tx, incident, existing),
        });
      }
      const now = Date.now();
      const sections = Object.fromEntries(SECTION_KEYS.map((key) => [key, ""])) as Record<PostmortemSectionKey, string>;
      sections.timeline = timelineFromIncident(tx, incident);
      sections.impact = impactSectionDraft({
        incident,
        services: linkedServices(tx, incidentId),
        sloSpend: incidentSloSpend({ actor, incidentId, now }),
      });
      const row = tx
        .insert(postmortems)
        .values({
          incidentId,
          status: "draft",
          ownerId: actor.kind === "user" ? actor.userId : null,
          sections: JSON.stringify(sections),
          createdAt: now,
          updatedAt: now,
        })
        .returning()
        .get();
      writeTimelineEntry(tx, actor, { incidentId, kind: "postmortem", body: "Postmortem started", meta: { field: "postmortem", from: null, to: "draft" } }, now);
      recordAudit(tx, actor, {
        action: "postmortem.start",
        entityType: "postmortem",
        entityId: row.id,
        after: { incidentId, status: row.status, ownerId: row.ownerId },
      }, now);
    },
    { behavior: "immediate" },
  );
  return getPostmortem({ actor, incidentId })!;
}

const sameList = <T>(a: T[], b: T[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** A user who may own or review a postmortem: active, responder or admin. */
export function assertEligiblePerson(tx: Reader, userId: number, field: string, what: string) {
  const user = tx.select({ id: users.id, role: users.role, disabled: users.disabled }).from(users).where(eq(users.id, userId)).get();
  if (!user || user.disabled) throw new AppError("validation_failed", `${field}: no active user with id ${userId}`, { [field]: `No active user with id ${userId}` });
  if (!hasRole(user.role, "responder")) {
    throw new AppError("validation_failed", `${field}: user ${userId} is a viewer and cannot ${what}`, { [field]: `User ${userId} is a viewer and cannot ${what}` });
  }
}

export type SavePostmortemInput = {
  version: number;
  sections?: Partial<Record<PostmortemSectionKey, string>>;
  factorIds?: number[];
  tags?: string[];
  ownerId?: number | null;
};

/**
 * Saves sections (merged: sections not sent stay as they are), factors, tags and owner.
 * A stale version gets 409 with the current postmortem; a published one cannot be edited
 * (422). Nothing changed → no new version. The audit records which sections changed and
 * their lengths, not the text.
 */
export function savePostmortem({ actor, incidentId, input }: { actor: Actor; incidentId: number; input: SavePostmortemInput | unknown }): PostmortemDetail {
  const data = parseInput(savePostmortemSchema, input);
  getDb().transaction(
    (tx) => {
      const { incident, row } = loadForWrite(tx, actor, incidentId);
      if (data.version !== row.version) throw stalePostmortem(tx, incident, row);
      assertNotPublished(row);
      const now = Date.now();
      const changes: Partial<Postmortem> = {};
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};

      const sections = parseSections(row.sections);
      let noActions = parseNoActionItemsReason(row.sections);
      const changedKeys = Object.entries(data.sections ?? {}).filter(([key, text]) => sections[key as PostmortemSectionKey] !== text) as [PostmortemSectionKey, string][];
      if (changedKeys.length) {
        before.sections = Object.fromEntries(changedKeys.map(([key]) => [key, { length: sections[key].length }]));
        after.sections = Object.fromEntries(changedKeys.map(([key, text]) => [key, { length: text.length }]));
        for (const [key, text] of changedKeys) sections[key] = text;
      }
      if (data.noActionItemsReason !== undefined && data.noActionItemsReason !== noActions) {
        // The reason is short and shown to every reader: the audit keeps it, unlike section text.
        before.noActionItemsReason = noActions;
        after.noActionItemsReason = data.noActionItemsReason;
        noActions = data.noActionItemsReason;
      }
      if (changedKeys.length || "noActionItemsReason" in after) changes.sections = storedSections(sections, noActions);

      if (data.tags !== undefined) {
        const current = parseTags(row.tags);
        if (!sameList(current, data.tags)) {
          before.tags = current;
          after.tags = data.tags;
          changes.tags = JSON.stringify(data.tags);
        }
      }

      if (data.ownerId !== undefined && data.ownerId !== row.ownerId) {
        if (data.ownerId !== null) assertEligiblePerson(tx, data.ownerId, "ownerId", "own a postmortem");
        before.ownerId = row.ownerId;
        after.ownerId = data.ownerId;
        changes.ownerId = data.ownerId;
      }

      let factorIds: number[] | null = null;
      if (data.factorIds !== undefined) {
        const wanted = [...new Set(data.factorIds)].sort((a, b) => a - b);
        const current = tx
          .select({ id: postmortemFactors.factorId })
          .from(postmortemFactors)
          .where(eq(postmortemFactors.postmortemId, row.id))
          .all()
          .map((f) => f.id)
          .sort((a, b) => a - b);
        if (!sameList(wanted, current)) {
          const known = wanted.length
            ? tx.select({ id: contributingFactors.id, archived: contributingFactors.archived }).from(contributingFactors).where(inArray(contributingFactors.id, wanted)).all()
            : [];
          // An archived factor can stay where it was chosen, but not be newly chosen.
          const bad = wanted.filter((fid) => {
            const factor = known.find((k) => k.id === fid);
            return !factor || (factor.archived && !current.includes(fid));
          });
          if (bad.length) {
            throw new AppError("validation_failed", `factorIds: unknown or archived contributing factor ${bad.join(", ")}`, {
              factorIds: `Unknown or archived factor ${bad.join(", ")}`,
            });
          }
          before.factorIds = current;
          after.factorIds = wanted;
          factorIds = wanted;
        }
      }

      if (!Object.keys(after).length) return;
      updateVersioned(tx, incident, row, changes, now);
      if (factorIds) {
        tx.delete(postmortemFactors).where(eq(postmortemFactors.postmortemId, row.id)).run();
        if (factorIds.length) tx.insert(postmortemFactors).values(factorIds.map((factorId) => ({ postmortemId: row.id, factorId }))).run();
      }
      recordAudit(tx, actor, { action: "postmortem.update", entityType: "postmortem", entityId: row.id, before, after }, now);
    },
    { behavior: "immediate" },
  );
  return getPostmortem({ actor, incidentId })!;
}

/**
 * Replaces the timeline section with one generated from the incident now (key times,
 * status/severity changes, highlighted entries; every note with `includeAllNotes`). Same
 * 409/422 rules as a save.
 */
export function regenerateTimelineSection({
  actor,
  incidentId,
  version,
  includeAllNotes,
}: {
  actor: Actor;
  incidentId: number;
  version: number;
  includeAllNotes?: boolean;
}): PostmortemDetail {
  const data = parseInput(regenerateTimelineSchema, { version, includeAllNotes });
  getDb().transaction(
    (tx) => {
      const { incident, row } = loadForWrite(tx, actor, incidentId);
      if (data.version !== row.version) throw stalePostmortem(tx, incident, row);
      assertNotPublished(row);
      const sections = parseSections(row.sections);
      const generated = timelineFromIncident(tx, incident, data.includeAllNotes === true);
      if (generated === sections.timeline) return;
      const now = Date.now();
      const beforeLength = sections.timeline.length;
      sections.timeline = generated;
      updateVersioned(tx, incident, row, { sections: storedSections(sections, parseNoActionItemsReason(row.sections)) }, now);
      recordAudit(tx, actor, {
        action: "postmortem.regenerate_timeline",
        entityType: "postmortem",
        entityId: row.id,
        before: { sections: { timeline: { length: beforeLength } } },
        after: { sections: { timeline: { length: generated.length } }, includeAllNotes: data.includeAllNotes === true },
      }, now);
    },
    { behavior: "immediate" },
  );
  return getPostmortem({ actor, incidentId })!;
}

/** A comment on one section (or "review"), by a responder; does not change the version. */
export function addComment({ actor, incidentId, section, body }: { actor: Actor; incidentId: number; section: string; body: string }): PostmortemCommentView {
  const data = parseInput(addCommentSchema, { section, body });
  return getDb().transaction(
    (tx) => {
      const { row } = loadForWrite(tx, actor, incidentId);
      const now = Date.now();
      const comment = insertComment(tx, actor, row.id, data.section, data.body, now);
      recordAudit(tx, actor, { action: "postmortem.comment", entityType: "postmortem", entityId: row.id, after: { commentId: comment.id, section: data.section } }, now);
      return comment;
    },
    { behavior: "immediate" },
  );
}

export function insertComment(tx: Tx, actor: Actor, postmortemId: number, section: string, body: string, now: number): PostmortemCommentView {
  return tx
    .insert(postmortemComments)
    .values({ postmortemId, section, body, authorUserId: actor.kind === "user" ? actor.userId : null, authorLabel: actorLabel(actor), createdAt: now })
    .returning({
      id: postmortemComments.id,
      section: postmortemComments.section,
      body: postmortemComments.body,
      authorLabel: postmortemComments.authorLabel,
      createdAt: postmortemComments.createdAt,
    })
    .get();
}

// ── Export ──────────────────────────────────────────────────────────────────

/** The incident's action items for the export, with owner names; most urgent first. */
export function postmortemActionItems(db: Reader, incidentId: number): MarkdownActionItem[] {
  return db
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
    .orderBy(asc(actionItems.priority), asc(actionItems.dueDate), asc(actionItems.id))
    .all();
}

/** The Markdown download (same access as reading the postmortem); 404 when none. */
export function exportPostmortemMarkdown({ actor, incidentId }: { actor: Actor; incidentId: number }): { fileName: string; markdown: string } {
  const detail = getPostmortem({ actor, incidentId });
  if (!detail) throw notFound("Postmortem");
  const db = getDb();
  const incident = findVisibleIncident(db, actor, incidentId)!;
  const reference = incidentReference(incident.id);
  return {
    fileName: postmortemFileName(reference),
    markdown: postmortemMarkdown({ incident: { ...incident, reference }, postmortem: detail, actionItems: postmortemActionItems(db, incidentId) }),
  };
}

// ── List ────────────────────────────────────────────────────────────────────

export type PostmortemListItem = {
  incidentId: number;
  reference: string;
  title: string;
  severity: Severity;
  incidentStatus: Incident["status"];
  drill: boolean;
  resolvedAt: number | null;
  postmortemId: number | null;
  /** "not_started": the incident requires a postmortem and none was started yet. */
  status: PostmortemStatus | "not_started";
  ownerName: string | null;
  due: PostmortemDue;
  updatedAt: number | null;
  publishedAt: number | null;
};

export type ListPostmortemsQuery = { status?: ListPostmortemStatus; q?: string; due?: "due" | "overdue"; limit?: number; cursor?: string };

/**
 * Postmortems of incidents the actor may see, plus the incidents that require one but have
 * none yet (status "not_started", with their due/overdue state), so the list shows what is
 * missing. Viewers see only published postmortems. Newest first (last edit, or resolution
 * for ones not started). `due` keeps only those whose state is exactly "due" or "overdue".
 */
export function listPostmortems({ actor, query }: { actor: Actor; query: ListPostmortemsQuery | unknown }): { items: PostmortemListItem[]; nextCursor: string | null } {
  const filter = parseInput(listPostmortemsSchema, query ?? {});
  const db = getDb();
  const now = Date.now();
  const ctx = dueContext(db, now);
  const viewer = !hasRole(actor.role, "responder");
  const visible = visibleTo(actor);

  const flagged =
    viewer || filter.status === "draft" || filter.status === "in_review" || filter.status === "published"
      ? new Set<number>()
      : budgetFlaggedIncidents(db, budgetCandidates(db, visible, ctx, now), now);

  const conditions: SQL[] = [];
  if (visible) conditions.push(visible);
  const notStartedButRequired = and(
    sql`${postmortems.id} IS NULL`,
    sql`${incidents.resolvedAt} IS NOT NULL`,
    eq(incidents.drill, false),
    sql`(${ctx.required.length ? inArray(incidents.severity, ctx.required) : sql`0`} OR ${flagged.size ? inArray(incidents.id, [...flagged]) : sql`0`})`,
  )!;
  if (viewer) conditions.push(eq(postmortems.status, "published"));
  else conditions.push(sql`(${postmortems.id} IS NOT NULL OR ${notStartedButRequired})`);
  if (filter.status === "not_started") conditions.push(sql`${postmortems.id} IS NULL`);
  else if (filter.status) conditions.push(eq(postmortems.status, filter.status));
  if (filter.due) {
    conditions.push(sql`${incidents.resolvedAt} IS NOT NULL`);
    conditions.push(sql`(${postmortems.status} IS NULL OR ${postmortems.status} <> 'published')`);
    // Still "due" only within 5 business days of resolution: never more than 7 calendar days
    // (plus an hour of daylight saving); 2 days of margin keep the exact check below in charge.
    if (filter.due === "due") conditions.push(sql`${incidents.resolvedAt} >= ${now - ((POSTMORTEM_DUE_BUSINESS_DAYS * 7) / 5 + 2) * DAY}`);
  }
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const ref = /^inc-(\d+)$/i.exec(filter.q);
    conditions.push(
      sql`(${incidents.title} LIKE ${pattern} ESCAPE '\\' OR ${postmortems.sections} LIKE ${pattern} ESCAPE '\\' OR ${postmortems.tags} LIKE ${pattern} ESCAPE '\\'${
        ref ? sql` OR ${incidents.id} = ${Number(ref[1])}` : sql``
      })`,
    );
  }
  const sortAt = sql<number>`COALESCE(${postmortems.updatedAt}, ${incidents.resolvedAt}, ${incidents.declaredAt})`;
  if (filter.cursor) {
    const c = decodeCursor(filter.cursor);
    if (!c) throw new AppError("validation_failed", "cursor is not valid; use nextCursor from a previous page", { cursor: "Invalid cursor" });
    conditions.push(sql`(${sortAt} < ${c.at} OR (${sortAt} = ${c.at} AND ${incidents.id} < ${c.id}))`);
  }

  const base = db
    .select({
      incident: incidents,
      postmortemId: postmortems.id,
      status: postmortems.status,
      updatedAt: postmortems.updatedAt,
      publishedAt: postmortems.publishedAt,
      ownerName: users.name,
      sortAt,
    })
    .from(incidents)
    .leftJoin(postmortems, eq(postmortems.incidentId, incidents.id))
    .leftJoin(users, eq(users.id, postmortems.ownerId))
    .where(and(...conditions))
    .orderBy(desc(sortAt), desc(incidents.id));
  // The due state is computed here, not in SQL (business days in the organisation's zone):
  // with a due filter every candidate is read, then filtered, then cut to a page.
  const rows = filter.due ? base.all() : base.limit(filter.limit + 1).all();

  const toItem = (r: (typeof rows)[number]) => {
    const status = r.status ?? null;
    const item: PostmortemListItem & { sortAt: number } = {
      incidentId: r.incident.id,
      reference: incidentReference(r.incident.id),
      title: r.incident.title,
      severity: r.incident.severity,
      incidentStatus: r.incident.status,
      drill: r.incident.drill,
      resolvedAt: r.incident.resolvedAt,
      postmortemId: r.postmortemId ?? null,
      status: status ?? "not_started",
      ownerName: r.ownerName ?? null,
      due: dueOf(r.incident, status, flagged.has(r.incident.id), ctx),
      updatedAt: r.updatedAt ?? null,
      publishedAt: r.publishedAt ?? null,
      sortAt: r.sortAt,
    };
    return item;
  };
  // In order, only until one more than a page matches: the due state (business days in the
  // organisation's zone) is worked out for the rows a page needs, not for every candidate.
  const items: ReturnType<typeof toItem>[] = [];
  for (const r of rows) {
    const item = toItem(r);
    if (filter.due && item.due.state !== filter.due) continue;
    items.push(item);
    if (items.length > filter.limit) break;
  }
  const page = items.slice(0, filter.limit);
  const last = page[page.length - 1];
  const nextCursor = items.length > filter.limit && last ? encodeCursor({ rank: 0, at: last.sortAt, id: last.incidentId }) : null;
  return { items: page.map(({ sortAt: _s, ...item }) => item), nextCursor };
}

/** Resolved, non-drill incidents below the required severities whose impact is recent enough to count against a budget. */
function budgetCandidates(db: Reader, visible: SQL | undefined, ctx: DueContext, now: number): number[] {
  const conditions: SQL[] = [
    eq(incidents.drill, false),
    sql`${incidents.resolvedAt} IS NOT NULL`,
    sql`COALESCE(${incidents.mitigatedAt}, ${incidents.resolvedAt}) >= ${now - MAX_WINDOW_DAYS * DAY}`,
    sql`EXISTS (SELECT 1 FROM ${incidentServices} JOIN ${slos} ON ${slos.serviceId} = ${incidentServices.serviceId} WHERE ${incidentServices.incidentId} = ${incidents.id})`,
  ];
  if (ctx.required.length) conditions.push(sql`${incidents.severity} NOT IN (${sql.join(ctx.required.map((s) => sql`${s}`), sql`, `)})`);
  if (visible) conditions.push(visible);
  return db.select({ id: incidents.id }).from(incidents).where(and(...conditions)).all().map((r) => r.id);
}
