import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { notFound } from "@/lib/errors";
import { canReadPostmortem } from "@/lib/policy";
import type { PostmortemSectionKey, PostmortemStatus, ReviewCheckKey } from "@/lib/postmortem-template";
import type { PostmortemDue } from "@/lib/postmortem-due";
import { parseNoActionItemsReason } from "@/lib/postmortem-action-items";
import { getDb } from "../../client";
import { dialect } from "../../dialect";
import { contributingFactors, postmortemComments, postmortemFactors, postmortemReviewers, users, type Incident, type Postmortem } from "../../schema";
import type { Reader } from "../../types";
import { findVisibleIncident } from "../../access/incidents";
import { incidentPostmortemDue } from "./due";
import { findPostmortemRow, parseChecklist, parseSections, parseTags } from "./stored";

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

async function personById(db: Reader, id: number | null): Promise<PostmortemPerson | null> {
  if (id === null) return null;
  return (await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, id)))[0] ?? null;
}

/** A postmortem row with its people, factors and comments: the shape pages and the API read. */
export async function postmortemDetail(db: Reader, incident: Incident, row: Postmortem, now = Date.now()): Promise<PostmortemDetail> {
  const factors = await db
    .select({ id: contributingFactors.id, name: contributingFactors.name })
    .from(postmortemFactors)
    .innerJoin(contributingFactors, eq(contributingFactors.id, postmortemFactors.factorId))
    .where(eq(postmortemFactors.postmortemId, row.id))
    .orderBy(asc(contributingFactors.name));
  const reviewers = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(postmortemReviewers)
    .innerJoin(users, eq(users.id, postmortemReviewers.userId))
    .where(eq(postmortemReviewers.postmortemId, row.id))
    // In the order they were named: one insert writes them in that order (the table has no id; PostgreSQL's
    // ctid follows insertion order for rows written together and never updated, as SQLite's rowid does).
    .orderBy(asc(postmortemReviewers.addedAt), dialect === "pg" ? sql`${postmortemReviewers}.ctid` : sql`${postmortemReviewers}.rowid`);
  const comments = await db
    .select({
      id: postmortemComments.id,
      section: postmortemComments.section,
      body: postmortemComments.body,
      authorLabel: postmortemComments.authorLabel,
      createdAt: postmortemComments.createdAt,
    })
    .from(postmortemComments)
    .where(eq(postmortemComments.postmortemId, row.id))
    .orderBy(asc(postmortemComments.createdAt), asc(postmortemComments.id));
  return {
    id: row.id,
    incidentId: row.incidentId,
    status: row.status,
    version: row.version,
    owner: await personById(db, row.ownerId),
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
    publishedBy: (await personById(db, row.publishedById))?.name ?? null,
    noActionItemsReason: parseNoActionItemsReason(row.sections),
    due: await incidentPostmortemDue(db, incident, row.status, now),
  };
}

/**
 * The incident's postmortem, or null when none was started. Private incidents follow the
 * incident's visibility (404); viewers read only published postmortems (a draft is a 404).
 */
export async function getPostmortem({ actor, incidentId }: { actor: Actor; incidentId: number }): Promise<PostmortemDetail | null> {
  const db = getDb();
  const incident = await findVisibleIncident(db, actor, incidentId);
  if (!incident) throw notFound();
  const row = await findPostmortemRow(db, incidentId);
  if (!row) return null;
  // findVisibleIncident found it, so the actor may read the incident; the draft rule is the policy's.
  if (!canReadPostmortem(actor, { private: incident.private, involved: true }, row)) throw notFound("Postmortem");
  return postmortemDetail(db, incident, row);
}
